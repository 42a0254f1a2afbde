package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ashlar erd} from models and from a database, into a Markdown block, and {@code --check}. */
class ErdCommandTest {
    private static final String MODELS = "dev.ashlar.examples";

    @Test
    void modelsDrawTheirTablesKeysAndRelationshipsAndTheReadmeBlockIsCurrent(@TempDir Path dir) throws Exception {
        CliRun.Result erd = CliRun.cli().run("erd", "--models", MODELS);
        assertThat(erd.status()).as(erd.err()).isEqualTo(ExitCodes.OK);
        assertThat(erd.out()).startsWith("erDiagram\n").contains("    items {", "biginteger id PK", "reviews {", "FK", "items ||--o{ reviews");

        Path md = dir.resolve("README.md");
        Files.writeString(md, "# Title\n\n" + ErdCommand.BEGIN + "\nold\n" + ErdCommand.END + "\n\ntail\n");
        assertThat(CliRun.cli().run("erd", "--models", MODELS, "--markdown", md.toString(), "--check").status()).isEqualTo(ExitCodes.DIFFERENCE);
        assertThat(CliRun.cli().run("erd", "--models", MODELS, "--markdown", md.toString()).status()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(md)).startsWith("# Title\n\n" + ErdCommand.BEGIN + "\n```mermaid\nerDiagram\n").endsWith(ErdCommand.END + "\n\ntail\n");
        assertThat(CliRun.cli().run("erd", "--models", MODELS, "--markdown", md.toString(), "--check").status()).isEqualTo(ExitCodes.OK);

        // the project's README carries the examples' diagram, kept current by this check
        Path readme = Path.of("..", "README.md");
        CliRun.Result current = CliRun.cli().run("erd", "--models", MODELS, "--markdown", readme.toString(), "--check");
        assertThat(current.status()).as("README diagram is stale: run ./ashlar erd --models " + MODELS + " --markdown README.md")
                .isEqualTo(ExitCodes.OK);

        CliRun.Result noBlock = CliRun.cli().run("erd", "--models", MODELS, "--markdown", dir.resolve("none.md").toString());
        assertThat(noBlock.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(CliRun.cli().run("erd", "--models", MODELS, "--check").status()).isEqualTo(ExitCodes.USAGE);
    }

    @AllDatabases
    void aDatabaseDrawsTheSameDiagramAsItsModels(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, ModelPackage.load(MODELS, List.of()));
        }
        CliRun.Result fromDb = CliRun.cli().run("erd", "--url", db.url());
        assertThat(fromDb.status()).as(fromDb.err()).isEqualTo(ExitCodes.OK);
        assertThat(fromDb.out()).contains("items {", "PK", "items ||--o{ reviews");
    }
}
