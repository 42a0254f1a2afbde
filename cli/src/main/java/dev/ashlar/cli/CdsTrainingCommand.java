package dev.ashlar.cli;

import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.types.Types;
import dev.ashlar.examples.QuickStart;
import dev.ashlar.migrate.Migration;
import dev.ashlar.migrate.Migrator;
import dev.ashlar.migrate.Operations;
import dev.ashlar.migrate.Revision;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ashlar cds-training [quickstart]} (hidden): the work the {@code ./ashlar} launcher runs once per build to
 * make the archive of classes that later runs start from (a class list for AppCDS, or the training run of a JDK 24+
 * AOT cache). It loads the classes that real commands load (picocli, the engine, each dialect and driver, the ORM,
 * EXPLAIN, Jackson) by doing their work on an in-memory SQLite database or a temporary file, and never touches a
 * user's database or files. Commands added to the command line should add a representative run here.
 */
@Command(name = "cds-training", hidden = true, description = "Build-time helper of the ./ashlar launcher; prints nothing useful.")
final class CdsTrainingCommand implements Callable<Integer> {
    /**
     * With {@code quickstart}, the training is that command only, twice on a temporary SQLite file (the second run finds
     * the table, as a user's second run does), through the command line as a user runs it. A JDK 24+ AOT cache loads
     * and links every class it holds when the JVM starts, and a Java 17 archive is relocated as a whole on every start,
     * so the archive for one command is made from that command alone.
     */
    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "train on this command only: quickstart")
    String command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CliContext quiet = quiet(nowhere);
        if ("quickstart".equals(command)) {
            return quickstart(quiet);
        }
        if (command != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no training for " + command + "; known: quickstart");
        }
        // The quickstart as a user runs it (the command, the project file lookup, a SQLite file), then the rest in memory.
        quickstart(quiet);
        try (Engine engine = Engine.create("sqlite://", EngineOptions.echo().pooled(false))) {
            QuickStart.run(engine, nowhere);
            // codegen's planning and JavaPoet, in memory: the training run writes no files
            try (dev.ashlar.core.engine.Connection connection = engine.connect()) {
                dev.ashlar.core.ddl.SchemaDdl.createAll(connection, dev.ashlar.examples.Item_.TABLE.metadata());
                dev.ashlar.cli.codegen.ModelGenerator.generate(dev.ashlar.core.reflect.Inspector.of(connection).reflect(),
                        "training", List.of(), name -> { });
            }
        }
        AshlarCommand.run(quiet, "explain", "--url", "sqlite://", "--json", "SELECT 1");
        AshlarCommand.run(quiet, "explain", "--url", "sqlite://", "SELECT 1");
        AshlarCommand.run(quiet, "--help");
        // The migration commands: the migrator's up and down on SQLite, and offline SQL for every dialect.
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().pooled(false))) {
            Migrator migrator = Migrator.of(engine, List.of(TrainingRevision.class)).output(line -> { });
            migrator.upgrade();
            migrator.current();
            migrator.check();
            migrator.downgrade(Migrator.BASE);
        }
        for (String scheme : new String[] {"sqlite", "postgresql", "mariadb"}) {
            Migrator.upgradeSql(Migrator.graph(List.of(TrainingRevision.class)), Dialects.forScheme(scheme), Migrator.HEADS);
        }
        AshlarCommand.run(quiet, "upgrade", "--help");
        // The server dialects and their drivers load without connecting: an engine connects on first use only.
        for (String url : new String[] {"postgresql://training@127.0.0.1:1/none", "mariadb://training@127.0.0.1:1/none"}) {
            try (Engine engine = Engine.create(url, EngineOptions.defaults().pooled(false))) {
                engine.dialect().newCompiler();
            }
        }
        return ExitCodes.OK;
    }

    private static CliContext quiet(PrintStream nowhere) {
        return new CliContext(Map.of(), Path.of(""), nowhere, nowhere, false);
    }

    /**
     * {@code cds-training quickstart}, which {@link FastPath} runs without picocli: the quickstart's AOT cache then
     * holds only what a quickstart loads (such a cache loads and links every class it holds as the JVM starts).
     */
    static int quickstartTraining() throws IOException {
        return quickstart(quiet(new PrintStream(OutputStream.nullOutputStream())));
    }

    private static int quickstart(CliContext quiet) throws IOException {
        Path folder = Files.createTempDirectory("ashlar-training");
        Path file = folder.resolve("items.db");
        try {
            for (int run = 0; run < 2; run++) {
                int status = AshlarCommand.run(quiet, "quickstart", "--url", "sqlite:///" + file);
                if (status != ExitCodes.OK) {
                    return status;
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
        return ExitCodes.OK;
    }

    /** A revision for the training run only: a table with a column added, then both undone. */
    @Revision(id = "cds_training", message = "training")
    static final class TrainingRevision implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("cds_training", Column.of("id", Types.bigInteger()).primaryKey());
            op.addColumn("cds_training", Column.of("name", Types.string(40)));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("cds_training");
        }
    }
}
