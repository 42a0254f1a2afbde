package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * {@code ashlar explain} on a realistic table: 20,000 items on SQLite and MariaDB, 200,000 on
 * PostgreSQL (analyzed). A lookup by name is a full scan until {@code ix_items_name} exists, and
 * then uses it.
 */
class ExplainCommandTest {
    private static final String LOOKUP = "SELECT * FROM items WHERE name = 'item-777'";

    @AllDatabases
    void saysFullScanUntilTheIndexExists(TestDatabase db) throws Exception {
        int rows = db.kind() == DatabaseKind.POSTGRESQL ? 200_000 : 20_000;
        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price NUMERIC(10, 2) NOT NULL)");
            fill(c, rows);
            analyze(s, db.kind());
        }
        Run before = explain(db.url(), LOOKUP);
        assertThat(before.status).isZero();
        assertThat(before.out).contains("verdict: full scan of items").doesNotContain("ix_items_name");

        try (Connection c = db.openJdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX ix_items_name ON items (name)");
            analyze(s, db.kind());
        }
        Run after = explain(db.url(), LOOKUP);
        assertThat(after.status).isZero();
        assertThat(after.out).contains("uses index ix_items_name on items").doesNotContain("full scan");
    }

    @AllDatabases
    void badSqlIsAOneLineError(TestDatabase db) {
        Run run = explain(db.url(), "SELEC nonsense");
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).startsWith("error: ");
    }

    @org.junit.jupiter.api.Test
    void badUrlSaysWhatToDo() {
        Run run = explain("nosuchdb://x", "SELECT 1");
        assertThat(run.status).isEqualTo(1);
        assertThat(run.err).contains("unknown database 'nosuchdb'").contains("sqlite:///items.db");
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

    private record Run(int status, String out, String err) {
    }

    private static Run explain(String url, String sql) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = AshlarCommand.run("explain", "--url", url, sql);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
