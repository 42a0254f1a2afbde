package dev.ashlar.cli;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.examples.QuickStart;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code ashlar cds-training} (hidden): the work the {@code ./ashlar} launcher runs once under
 * {@code -XX:ArchiveClassesAtExit} to build the class-data sharing archive that later runs start from.
 * It loads the classes that real commands load (picocli, the engine, each dialect and driver, the ORM,
 * EXPLAIN, Jackson) by doing their work on an in-memory SQLite database, and never touches a user's
 * database or files. Commands added to the command line should add a representative run here.
 */
@Command(name = "cds-training", hidden = true, description = "Build-time helper of the ./ashlar launcher; prints nothing useful.")
final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CliContext quiet = new CliContext(Map.of(), Path.of(""), nowhere, nowhere, false);
        try (Engine engine = Engine.create("sqlite://", EngineOptions.echo().pooled(false))) {
            QuickStart.run(engine, nowhere);
        }
        AshlarCommand.run(quiet, "explain", "--url", "sqlite://", "--json", "SELECT 1");
        AshlarCommand.run(quiet, "explain", "--url", "sqlite://", "SELECT 1");
        AshlarCommand.run(quiet, "--help");
        // The server dialects and their drivers load without connecting: an engine connects on first use only.
        for (String url : new String[] {"postgresql://training@127.0.0.1:1/none", "mariadb://training@127.0.0.1:1/none"}) {
            try (Engine engine = Engine.create(url, EngineOptions.defaults().pooled(false))) {
                engine.dialect().newCompiler();
            }
        }
        return ExitCodes.OK;
    }
}
