package dev.ashlar.cli;

import dev.ashlar.cli.codegen.GeneratedModels;
import dev.ashlar.cli.codegen.ModelGenerator;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.MetaData;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code ashlar codegen [--url URL] --package P --out DIR [--tables T,...] [--json]}: model classes
 * for a database's tables, written under a source folder ({@code DIR/com/example/Album.java}).
 * Everything is planned before anything is written, so a table that models cannot declare stops
 * the run with nothing changed; files whose content is already right are left alone.
 */
@Command(name = "codegen", mixinStandardHelpOptions = true,
        description = "Write @Model classes for a database's tables: columns, keys, constraints, indexes and relationships.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the models were written (or were already up to date)",
            "1:error (bad URL, unreachable database, a table that models cannot declare); nothing was written",
            "2:usage error (no --package, no --out, a package name Java does not accept)"})
final class CodegenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "The package of the models. Default: models in ashlar.properties.")
    String packageName;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The source folder to write under, such as src/main/java; the package's folders are made in it.")
    String out;

    @Option(names = "--tables", paramLabel = "TABLE", split = ",", description = "Only these tables (names as in the database). Default: all.")
    List<String> tables;

    @Option(names = "--json", description = "Print what was written as one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        String pkg = packageName != null ? packageName : context.project().models().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no package: give --package PACKAGE, or put models = ... in " + ProjectFile.NAME));
        if (!ModelGenerator.isPackageName(pkg)) {
            throw new ParameterException(spec.commandLine(), "'" + pkg + "' is not a Java package name; give one such as com.example.models");
        }
        Path folder = context.resolve(out);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ConfigurationException("--out " + folder + " is a file; give the source folder to write under, such as src/main/java");
        }
        MetaData schema;
        try (Engine engine = database.openEngine(); Connection connection = engine.connect()) {
            schema = Inspector.of(connection).reflect();
        }
        GeneratedModels models;
        try (Progress progress = context.progress("writing models", tables == null ? schema.tables().size() : tables.size())) {
            models = ModelGenerator.generate(schema, pkg, tables == null ? List.of() : tables, progress::step);
        }
        List<Path> written = models.writeTo(folder);
        if (json) {
            Json.write(context.out(), toJson(models, folder, written));
        } else {
            print(context, models, folder, written);
        }
        return ExitCodes.OK;
    }

    private static void print(CliContext context, GeneratedModels models, Path folder, List<Path> written) {
        PrintStream err = context.err();
        Style style = context.style();
        models.skipped().forEach((table, reason) -> err.println(style.yellow("left out") + " table " + table + ": " + reason));
        err.flush();
        PrintStream o = context.out();
        o.println(models.models().size() + " models under " + folder + ": " + written.size() + " files written, "
                + (models.files().size() - written.size()) + " already up to date");
        for (Path p : written) {
            o.println("  " + style.green("wrote") + " " + p);
        }
        o.flush();
    }

    private static Map<String, Object> toJson(GeneratedModels models, Path folder, List<Path> written) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("folder", folder.toString());
        doc.put("models", models.models().entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", e.getKey());
            m.put("table", e.getValue());
            return m;
        }).toList());
        doc.put("skipped", models.skipped().entrySet().stream().map(e -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("table", e.getKey());
            s.put("reason", e.getValue());
            return s;
        }).toList());
        doc.put("written", written.stream().map(Path::toString).toList());
        doc.put("unchanged", models.files().keySet().stream().filter(p -> !written.contains(p)).map(Path::toString).toList());
        return doc;
    }
}
