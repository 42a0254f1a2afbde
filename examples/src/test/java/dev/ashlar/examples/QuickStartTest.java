package dev.ashlar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;

/** The quick start runs on every database, twice in a row, and leaves the table the example describes; also over the application's own pool. */
class QuickStartTest {
    @AllDatabases
    void runsTwiceAndLeavesTheItemsTable(TestDatabase db) throws Exception {
        String first = run(db);
        String second = run(db);

        for (String output : new String[]{first, second}) {
            assertThat(output).contains("Widget", "9.99", "Doohickey", "3.10", "Gizmo", "14.25").doesNotContain("Gadget ");
            assertThat(output).contains("Without an index on name", "full scan of items", "With index ix_items_name");
        }
        if (db.kind() == dev.ashlar.testkit.DatabaseKind.SQLITE) {
            assertThat(second).contains("uses index ix_items_name on items");
        }
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a second run adds no duplicates").isEqualTo(4);
        }
    }

    /** The same flow over a HikariCP pool that the application made: Ashlar borrows from it and leaves it open. */
    @AllDatabases
    void runsOverTheApplicationsOwnHikariPool(TestDatabase db) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int run = 0; run < 2; run++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (Engine engine = Engine.create(pool, EngineOptions.echo())) {
                    assertThat(engine.dialect().name()).isEqualTo(db.kind().id());
                    QuickStart.run(engine, new PrintStream(bytes, true, StandardCharsets.UTF_8));
                }
                assertThat(pool.isClosed()).isFalse();
                assertThat(bytes.toString(StandardCharsets.UTF_8))
                        .contains("Widget", "9.99", "Doohickey", "3.10", "Gizmo", "14.25", "full scan of items", "With index ix_items_name");
            }
            try (var c = pool.getConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
                rs.next();
                assertThat(rs.getInt(1)).as("a second run adds no duplicates").isEqualTo(4);
            }
        }
    }

    private static String run(TestDatabase db) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickStart.run(db.url(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
