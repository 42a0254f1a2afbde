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
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
