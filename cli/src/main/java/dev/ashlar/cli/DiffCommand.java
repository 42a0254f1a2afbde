package dev.ashlar.cli;

import dev.ashlar.core.diff.SchemaChange;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ashlar diff [--url URL] --models PACKAGE [--classpath CP] [--json]}: what would turn the
 * database's schema into the models' schema, each change with its safety and DDL. Only the models'
 * tables are compared: other tables in the database are not the models' business. Renames declared
 * with {@code @RenamedFrom} show as renames.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare a database's schema with the models of a package, and print the changes and their DDL.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the database matches the models", "1:error (bad URL, unreachable database, models that do not load)",
            "2:usage error", "3:the database differs from the models"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--models", paramLabel = "PACKAGE", description = "The package of the @Model classes. Default: models in ashlar.properties.")
    String models;

    @Option(names = "--classpath", paramLabel = "CP", split = "[:,]",
            description = "Folders and jars holding the models (separated by ':' or ','). Default: classpath in ashlar.properties.")
    List<String> classpath;

    @Option(names = "--json", description = "Print the changes as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        String pkg = models != null ? models : context.project().models().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no model package: give --models PACKAGE, or put models = ... in " + ProjectFile.NAME));
        List<Path> cp = new ArrayList<>();
        if (classpath != null) {
            classpath.forEach(p -> cp.add(context.resolve(p)));
        } else {
            cp.addAll(context.project().classpath());
        }
        ModelPackage.Loaded target = ModelPackage.read(pkg, cp);
        SchemaDiff diff;
        try (Engine engine = database.openEngine(); Connection connection = engine.connect()) {
            // Only the models' tables (and the old names of renamed ones) are compared, as a revision would be.
            diff = dev.ashlar.migrate.RevisionWriter.compare(connection, target.metadata(), target.renames());
        }
        if (json) {
            Json.write(context.out(), toJson(diff));
        } else {
            print(context, diff);
        }
        return diff.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCE;
    }

    private static void print(CliContext context, SchemaDiff diff) {
        PrintStream out = context.out();
        Style style = context.style();
        if (diff.isEmpty()) {
            out.println(style.green("the database matches the models"));
            out.flush();
            return;
        }
        for (SchemaChange change : diff.changes()) {
            String safety = switch (change.safety()) {
                case SAFE -> style.green("safe");
                case DESTRUCTIVE -> style.red("destructive");
                case DATA_DEPENDENT -> style.yellow("data-dependent");
            };
            out.println(safety + "  " + change.describe());
        }
        out.println();
        for (String sql : diff.statements()) {
            out.println(sql + ";");
        }
        out.flush();
    }

    private static Map<String, Object> toJson(SchemaDiff diff) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("equal", diff.isEmpty());
        doc.put("changes", diff.changes().stream().map(c -> {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("table", c.table());
            change.put("safety", c.safety().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            change.put("description", c.describe());
            return change;
        }).toList());
        doc.put("statements", diff.statements());
        return doc;
    }
}
