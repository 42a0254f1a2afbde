package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ashlar explain} on a realistic table: 20,000 items on SQLite and MariaDB, 200,000 on
 * PostgreSQL (analyzed). A lookup by name is a full scan until {@code ix_items_name} exists, and
 * then uses it; {@code --json} says the same as one JSON document, and {@code --fail-on-full-scan}
 * turns the full scan into exit status 3.
 */
class ExplainCommandTest {
    private static final String LOOKUP = "SELECT * FROM items WHERE name = 'item-777'";
    private static final ObjectMapper JSON = new ObjectMapper();

    @AllDatabases
    void saysFullScanUntilTheIndexExists(TestDatabase db) throws Exception {
        int rows = db.kind() == DatabaseKind.POSTGRESQL ? 200_000 : 20_000;
        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price NUMERIC(10, 2) NOT NULL)");
            fill(c, rows);
            analyze(s, db.kind());
        }
        CliRun.Result before = cli().run("explain", "--url", db.url(), LOOKUP);
        assertThat(before.status()).isEqualTo(ExitCodes.OK);
        assertThat(before.out()).contains("verdict: full scan of items").doesNotContain("ix_items_name");

        CliRun.Result beforeJson = cli().run("explain", "--url", db.url(), "--json", "--fail-on-full-scan", LOOKUP);
        assertThat(beforeJson.status()).isEqualTo(ExitCodes.DIFFERENCE);
        JsonNode doc = JSON.readTree(beforeJson.out());
        assertThat(doc.get("database").asText()).isEqualTo(db.kind().name().toLowerCase());
        assertThat(doc.get("sql").asText()).isEqualTo(LOOKUP);
        assertThat(doc.get("fullScan").asBoolean()).isTrue();
        assertThat(doc.get("fullScans").get(0).asText()).isEqualTo("items");
        assertThat(doc.get("verdict").asText()).isEqualTo("full scan of items");
        assertThat(doc.get("plan").isArray()).isTrue();
        assertThat(beforeJson.err()).contains("full scan:").contains("items").contains("--fail-on-full-scan");

        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX ix_items_name ON items (name)");
            analyze(s, db.kind());
        }
        CliRun.Result after = cli().run("explain", "--url", db.url(), LOOKUP);
        assertThat(after.status()).isEqualTo(ExitCodes.OK);
        assertThat(after.out()).contains("uses index ix_items_name on items").doesNotContain("full scan");

        CliRun.Result afterJson = cli().run("explain", "--url", db.url(), "--json", "--fail-on-full-scan", LOOKUP);
        assertThat(afterJson.status()).isEqualTo(ExitCodes.OK);
        JsonNode indexed = JSON.readTree(afterJson.out());
        assertThat(indexed.get("fullScan").asBoolean()).isFalse();
        assertThat(indexed.get("indexesUsed").get(0).asText()).isEqualToIgnoringCase("ix_items_name");
        assertThat(indexed.findValues("index")).anySatisfy(index -> assertThat(index.asText()).isEqualToIgnoringCase("ix_items_name"));
        assertThat(afterJson.err()).isEmpty();
    }

    @AllDatabases
    void badSqlIsAOneLineErrorWithStatus1(TestDatabase db) throws Exception {
        createItems(db);
        CliRun.Result run = cli().run("explain", "--url", db.url(), "SELEC nonsense");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).startsWith("error: ").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @AllDatabases
    void explainPlansADeleteWithoutRunningIt(TestDatabase db) throws Exception {
        createItems(db);
        CliRun.Result run = cli().run("explain", "--url", db.url(), "DELETE FROM items");
        assertThat(run.status()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("verdict:");
        assertThat(count(db)).isEqualTo(3);
    }

    @AllDatabases
    void aSecondStatementAfterTheQueryChangesNothing(TestDatabase db) throws Exception {
        createItems(db);
        CliRun.Result run = cli().run("explain", "--url", db.url(), "SELECT * FROM items; DROP TABLE items");
        if (db.kind() == DatabaseKind.SQLITE) {
            // SQLite prepares the first statement and ignores the rest.
            assertThat(run.status()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("verdict: full scan of items");
        } else {
            // PostgreSQL's driver sends both and then fails on the second result; MariaDB refuses two statements.
            assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.ERROR);
        }
        assertThat(count(db)).isEqualTo(3);
    }

    @AllDatabases
    void takesTheUrlFromDatabaseUrl(TestDatabase db) throws Exception {
        createItems(db);
        CliRun.Result run = cli().env("DATABASE_URL", db.url()).run("explain", "--json", "SELECT * FROM items");
        assertThat(run.status()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(run.out()).get("database").asText()).isEqualTo(db.kind().name().toLowerCase());
    }

    @AllDatabases
    void takesTheUrlFromTheProjectFileInAParentFolder(TestDatabase db, @TempDir Path project) throws Exception {
        createItems(db);
        Files.writeString(project.resolve("ashlar.properties"), "# the project's database\nurl = " + db.url() + "\n");
        Path nested = Files.createDirectories(project.resolve("src/main/java"));
        CliRun.Result run = cli().in(nested).run("explain", "--json", "SELECT * FROM items");
        assertThat(run.status()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(run.out()).get("fullScans").get(0).asText()).isEqualTo("items");
    }

    static void createItems(TestDatabase db) throws Exception {
        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            s.execute("INSERT INTO items (id, name) VALUES (1, 'Widget'), (2, 'Gadget'), (3, 'Gizmo')");
        }
    }

    static int count(TestDatabase db) throws Exception {
        try (Connection c = db.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void fill(Connection c, int rows) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, name, price) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= rows; i++) {
                ps.setInt(1, i);
                ps.setString(2, "item-" + i);
                ps.setBigDecimal(3, java.math.BigDecimal.valueOf(i % 1000, 2));
                ps.addBatch();
                if (i % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void analyze(Statement s, DatabaseKind kind) throws Exception {
        switch (kind) {
            case POSTGRESQL -> s.execute("ANALYZE items");
            case MARIADB -> s.execute("ANALYZE TABLE items");
            case SQLITE -> s.execute("ANALYZE");
        }
    }
}
