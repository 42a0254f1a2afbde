package dev.ashlar.cli;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.examples.QuickStart;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ashlar quickstart [--url URL]}: runs the Item example, by default on {@code sqlite:///items.db}. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the Item example: create the table, add items, query them, and explain a lookup before and after "
                + "an index. Without --url, DATABASE_URL or ashlar.properties, it uses sqlite:///items.db.")
final class QuickstartCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "sqlite:///items.db";

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        return run(CliContext.of(spec), database.url);
    }

    /**
     * The command itself, in {@code context} with the {@code --url} given ({@code null} when absent): shared by
     * {@link #call()} and {@link FastPath}, which runs it without building picocli's model.
     */
    static int run(CliContext context, String url) {
        DatabaseOptions.Resolved resolved = DatabaseOptions.resolve(context, url, DEFAULT_URL);
        // One-shot: plain connections, no pool to start. The example creates its SQLite file when missing.
        try (Engine engine = DatabaseOptions.openEngine(context, resolved, EngineOptions.echo().pooled(false), true)) {
            QuickStart.run(engine, context.out());
        }
        return ExitCodes.OK;
    }
}
