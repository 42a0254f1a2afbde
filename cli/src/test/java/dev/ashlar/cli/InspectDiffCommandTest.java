package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ashlar diff} against the examples' models and {@code ashlar inspect} of what it reports:
 * status 3 while the tables are missing, 0 once they exist, and clear errors for a package without
 * models or a classpath that does not exist.
 */
class InspectDiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "dev.ashlar.examples";

    @AllDatabases
    void diffSaysWhatIsMissingThenNothingAndInspectShowsTheTables(TestDatabase db) throws Exception {
        CliRun.Result missing = CliRun.cli().run("diff", "--url", db.url(), "--models", MODELS);
        assertThat(missing.status()).as(missing.err()).isEqualTo(ExitCodes.DIFFERENCE);
        assertThat(missing.out()).contains("safe  create table items", "CREATE TABLE items");

        CliRun.Result missingJson = CliRun.cli().run("diff", "--url", db.url(), "--models", MODELS, "--json");
        JsonNode doc = JSON.readTree(missingJson.out());
        assertThat(doc.get("equal").asBoolean()).isFalse();
        assertThat(doc.get("changes").get(0).get("safety").asText()).isEqualTo("safe");

        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, ModelPackage.load(MODELS, List.of()));
        }
        CliRun.Result equal = CliRun.cli().run("diff", "--url", db.url(), "--models", MODELS);
        assertThat(equal.status()).as(equal.out() + equal.err()).isEqualTo(ExitCodes.OK);
        assertThat(equal.out()).contains("the database matches the models");

        CliRun.Result inspect = CliRun.cli().run("inspect", "--url", db.url());
        assertThat(inspect.status()).isEqualTo(ExitCodes.OK);
        assertThat(inspect.out()).contains("table items", "primary key");
        JsonNode schema = JSON.readTree(CliRun.cli().run("inspect", "--url", db.url(), "--json").out());
        assertThat(schema.get("tables").findValuesAsText("name")).contains("items");
    }

    @AllDatabases
    void badModelsAndClasspathsAreClearErrors(TestDatabase db) {
        CliRun.Result none = CliRun.cli().run("diff", "--url", db.url(), "--models", "no.such.pkg");
        assertThat(none.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(none.err()).contains("package no.such.pkg holds no @Model class");

        CliRun.Result badPath = CliRun.cli().run("diff", "--url", db.url(), "--models", MODELS, "--classpath", "/no/such/folder");
        assertThat(badPath.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(badPath.err()).contains("classpath entry", "does not exist");

        CliRun.Result noPackage = CliRun.cli().in(Path.of("/")).run("diff", "--url", db.url());
        assertThat(noPackage.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPackage.err()).contains("--models");
    }
}
