package dev.ashlar.cli;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.MetaData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ashlar erd}: a Mermaid {@code erDiagram} of the models of a package ({@code --models}) or of
 * a database ({@code --url}), to standard output, to a file ({@code --out}), or into the block
 * between {@value #BEGIN} and {@value #END} of a Markdown file ({@code --markdown}), where
 * {@code --check} only says whether that block is up to date.
 */
@Command(name = "erd", mixinStandardHelpOptions = true,
        description = "Draw a Mermaid ER diagram of models or of a database: tables, columns, types, keys and relationships.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the diagram was written (or, with --check, is up to date)", "1:error", "2:usage error",
            "3:--check was given and the Markdown block is stale"})
final class ErdCommand implements Callable<Integer> {
    static final String BEGIN = "<!-- ashlar:erd -->";
    static final String END = "<!-- /ashlar:erd -->";

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--models", paramLabel = "PACKAGE", description = "Draw the @Model classes of this package instead of a database.")
    String models;

    @Option(names = "--classpath", paramLabel = "CP", split = "[:,]", description = "Folders and jars holding the models.")
    List<String> classpath;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the diagram to this file instead of standard output.")
    Path out;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Replace the block between " + BEGIN + " and " + END + " in this Markdown file.")
    Path markdown;

    @Option(names = "--check", description = "With --markdown: change nothing, exit 3 when the block is stale.")
    boolean check;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        if (check && markdown == null) {
            throw new ParameterException(spec.commandLine(), "--check needs --markdown FILE: it checks the diagram block of that file");
        }
        String diagram = ErDiagram.render(schema(context));
        if (markdown != null) {
            return markdown(context, context.resolve(markdown.toString()), diagram);
        }
        if (out != null) {
            write(context.resolve(out.toString()), diagram);
        } else {
            context.out().print(diagram);
            context.out().flush();
        }
        return ExitCodes.OK;
    }

    private MetaData schema(CliContext context) {
        if (models != null) {
            List<Path> cp = new ArrayList<>();
            if (classpath != null) {
                classpath.forEach(p -> cp.add(context.resolve(p)));
            } else {
                cp.addAll(context.project().classpath());
            }
            return ModelPackage.load(models, cp);
        }
        try (Engine engine = database.openEngine(); Connection connection = engine.connect()) {
            return Inspector.of(connection).reflect();
        }
    }

    private int markdown(CliContext context, Path file, String diagram) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage());
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new ConfigurationException(file + " has no diagram block; add the lines " + BEGIN + " and " + END
                    + " where the diagram belongs");
        }
        String block = BEGIN + "\n```mermaid\n" + diagram + "```\n" + END;
        String updated = text.substring(0, begin) + block + text.substring(end + END.length());
        if (check) {
            if (!updated.equals(text)) {
                context.err().println("the diagram in " + file + " is stale; run ashlar erd --markdown " + file + " to update it");
                return ExitCodes.DIFFERENCE;
            }
            return ExitCodes.OK;
        }
        if (!updated.equals(text)) {
            write(file, updated);
        }
        return ExitCodes.OK;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
