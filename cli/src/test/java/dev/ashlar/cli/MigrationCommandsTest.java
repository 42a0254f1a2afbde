package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration commands on the revisions of {@code dev.ashlar.cli.migrations.base} (a table, then a
 * column), found on the test classpath: upgrade, current, check, downgrade to base, offline SQL, and
 * the usage errors. {@code dev.ashlar.cli.migrations} adds a branch off the first revision, so the same
 * database then has a second head that {@code heads} and {@code check} report.
 */
class MigrationCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "dev.ashlar.cli.migrations.base";
    private static final String BRANCHED = "dev.ashlar.cli.migrations";

    @AllDatabases
    void upgradeCurrentCheckAndDowngradeToBase(TestDatabase db) throws Exception {
        CliRun.Result before = CliRun.cli().run("current", "--url", db.url(), "--migrations", BASE);
        assertThat(before.status()).as(before.err()).isEqualTo(ExitCodes.OK);
        assertThat(before.out()).contains("no revision applied", "next: ashlar upgrade");

        CliRun.Result up = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE);
        assertThat(up.status()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("applied: c1_gadgets, c2_weight", "next: nothing to apply");
        // The migrator's step lines go to standard error as plain progress lines (no terminal here).
        assertThat(up.err()).contains("applying c1_gadgets", "applying c2_weight").doesNotContain("\u001b[");
        assertThat(columns(db, "cli_gadgets")).contains("id", "name", "weight");

        CliRun.Result again = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE, "--json");
        assertThat(again.status()).as(again.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(again.out());
        assertThat(report.get("applied")).isEmpty();
        assertThat(report.get("pending")).isEmpty();

        CliRun.Result current = CliRun.cli().run("current", "--url", db.url(), "--migrations", BASE);
        assertThat(current.out()).contains("c1_gadgets: applied", "c2_weight: applied", "next: nothing to apply");
        JsonNode rows = JSON.readTree(CliRun.cli().run("current", "--url", db.url(), "--migrations", BASE, "--json").out());
        assertThat(rows.get("revisions").findValuesAsText("revision")).containsExactly("c1_gadgets", "c2_weight");
        assertThat(rows.get("revisions").findValuesAsText("state")).containsOnly("applied");

        CliRun.Result history = CliRun.cli().run("history", "--url", db.url(), "--migrations", BASE);
        assertThat(history.out()).contains("<base> -> c1_gadgets: create gadgets  [applied]", "c1_gadgets -> c2_weight: add weight  [applied]");

        CliRun.Result ok = CliRun.cli().run("check", "--url", db.url(), "--migrations", BASE);
        assertThat(ok.status()).as(ok.out() + ok.err()).isEqualTo(ExitCodes.OK);

        // A branch off c1_gadgets becomes visible: two heads, and a revision the database lacks.
        CliRun.Result heads = CliRun.cli().run("heads", "--migrations", BRANCHED, "--json");
        assertThat(JSON.readTree(heads.out()).get("heads")).extracting(JsonNode::asText).containsExactly("c2_weight", "c3_name_index");
        CliRun.Result problems = CliRun.cli().run("check", "--url", db.url(), "--migrations", BRANCHED);
        assertThat(problems.status()).as(problems.out() + problems.err()).isEqualTo(ExitCodes.DIFFERENCE);
        assertThat(problems.out()).contains("several heads [c2_weight, c3_name_index]", "revision c3_name_index is not applied");

        CliRun.Result down = CliRun.cli().run("downgrade", "base", "--url", db.url(), "--migrations", BASE);
        assertThat(down.status()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).contains("reverted: c2_weight, c1_gadgets", "next: ashlar upgrade would apply c1_gadgets, c2_weight");
        assertThat(columns(db, "cli_gadgets")).isEmpty();
        assertThat(CliRun.cli().run("current", "--url", db.url(), "--migrations", BASE).out()).contains("next: ashlar upgrade");
    }

    @AllDatabases
    void stampRecordsWithoutRunningAndRepairFindsNothing(TestDatabase db) throws Exception {
        CliRun.Result stamp = CliRun.cli().run("stamp", "c1_gadgets", "--url", db.url(), "--migrations", BASE, "--json");
        assertThat(stamp.status()).as(stamp.err()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(stamp.out());
        assertThat(report.get("stamped")).extracting(JsonNode::asText).containsExactly("c1_gadgets");
        assertThat(report.get("pending")).extracting(JsonNode::asText).containsExactly("c2_weight");
        assertThat(columns(db, "cli_gadgets")).as("stamp runs nothing").isEmpty();

        CliRun.Result repair = CliRun.cli().run("repair", "--url", db.url(), "--migrations", BASE);
        assertThat(repair.status()).as(repair.err()).isEqualTo(ExitCodes.OK);
        assertThat(repair.out()).contains("repaired: nothing");

        // c2 adds a column to a table the stamped database does not have: the failure is one error line, status 1.
        CliRun.Result failed = CliRun.cli().run("upgrade", "--url", db.url(), "--migrations", BASE);
        assertThat(failed.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(failed.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
        assertThat(failed.err()).contains("revision c2_weight", "failed at step 1 of 1");
    }

    @AllDatabases
    void offlineSqlIsTheSameOnEveryRunAndNeedsNoDatabase(TestDatabase db) {
        CliRun.Result first = CliRun.cli().run("upgrade", "--sql", "--dialect", "postgresql", "--migrations", BASE);
        CliRun.Result second = CliRun.cli().run("upgrade", "--sql", "--dialect", "postgresql", "--migrations", BASE);
        assertThat(first.status()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).isEqualTo(second.out())
                .contains("-- revision c1_gadgets: create gadgets", "CREATE TABLE cli_gadgets", "ALTER TABLE cli_gadgets ADD", "weight");
        assertThat(columns(db, "cli_gadgets")).as("--sql connects to nothing").isEmpty();

        // Without --dialect, the URL's database is used, still without connecting.
        CliRun.Result fromUrl = CliRun.cli().run("upgrade", "--sql", "--url", db.url(), "--migrations", BASE);
        assertThat(fromUrl.status()).as(fromUrl.err()).isEqualTo(ExitCodes.OK);
        assertThat(fromUrl.out()).contains("CREATE TABLE");
        assertThat(columns(db, "cli_gadgets")).isEmpty();
    }

    @AllDatabases
    void theProjectFileGivesTheUrlAndTheMigrationsPackage(TestDatabase db, @TempDir Path project) throws Exception {
        Files.writeString(project.resolve(ProjectFile.NAME), "url = " + db.url() + "\nmigrations = " + BASE + "\n");
        CliRun.Result up = CliRun.cli().in(project).run("upgrade", "c1_gadgets");
        assertThat(up.status()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("applied: c1_gadgets", "next: ashlar upgrade would apply c2_weight");
        assertThat(columns(db, "cli_gadgets")).containsExactlyInAnyOrder("id", "name");

        CliRun.Result check = CliRun.cli().in(project).run("check", "--json");
        assertThat(check.status()).isEqualTo(ExitCodes.DIFFERENCE);
        JsonNode doc = JSON.readTree(check.out());
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("problems")).extracting(JsonNode::asText).containsExactly("revision c2_weight is not applied");
    }

    @AllDatabases
    void usageErrorsExitWithTwo(TestDatabase db) {
        CliRun.Result noPackage = CliRun.cli().in(Path.of("/")).run("upgrade", "--url", db.url());
        assertThat(noPackage.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPackage.err()).contains("--migrations");

        CliRun.Result noTarget = CliRun.cli().run("downgrade", "--url", db.url(), "--migrations", BASE);
        assertThat(noTarget.status()).isEqualTo(ExitCodes.USAGE);

        CliRun.Result badDialect = CliRun.cli().run("upgrade", "--sql", "--dialect", "oracle", "--migrations", BASE);
        assertThat(badDialect.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDialect.err()).contains("unknown database 'oracle'");

        CliRun.Result noRevisions = CliRun.cli().run("current", "--url", db.url(), "--migrations", "dev.ashlar.examples");
        assertThat(noRevisions.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(noRevisions.err()).contains("holds no revision");

        CliRun.Result unknownTarget = CliRun.cli().run("upgrade", "nope", "--url", db.url(), "--migrations", BASE);
        assertThat(unknownTarget.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(unknownTarget.err()).contains("no script declares revision 'nope'");
    }

    /** The launcher's training run, which now drives the migrator too, still completes (a failure would leave the archive unbuilt). */
    @Test
    void cdsTrainingRunsTheMigrationWork() {
        CliRun.Result training = CliRun.cli().run("cds-training");
        assertThat(training.status()).as(training.err()).isEqualTo(ExitCodes.OK);
    }

    /** The table's columns as the database reports them, lower case; empty when the table does not exist. */
    private static List<String> columns(TestDatabase db, String table) {
        List<String> names = new ArrayList<>();
        try (Connection c = db.openJdbc(); ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return names;
    }
}
