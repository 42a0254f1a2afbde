package dev.ashlar.bench.support;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Dialects;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Prepares the {@code items} table outside the measurement: the same deterministic rows for every
 * library, loaded with plain JDBC. A one-row {@code bench_state} table remembers how many rows the
 * fixture loaded, so a trial that finds the table as it needs it does not load it again.
 */
public final class Fixture {
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final int BATCH = 1000;

    private Fixture() {
    }

    /** The {@code i}-th item (1-based), without an id: always the same values for the same {@code i}. */
    public static Item item(long i) {
        return new Item(null, "item-" + i, "Description of item " + i + ", a sturdy thing for everyday use",
                BigDecimal.valueOf(100 + (i * 7919) % 99_900, 2), EPOCH.plusSeconds(i).plusNanos((i % 1000) * 1000));
    }

    /** Items 1 to {@code n}, without ids. */
    public static List<Item> items(int n) {
        List<Item> items = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            items.add(item(i));
        }
        return items;
    }

    /** Creates the tables when missing. */
    public static void createTables(DataSource pool, BenchDb db) throws SQLException {
        Dialect dialect = Dialects.forScheme(db == BenchDb.SQLITE ? "sqlite" : "postgresql");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "items")) {
                for (String ddl : SchemaDdl.createStatements(ItemsTable.METADATA, dialect)) {
                    s.execute(ddl);
                }
            }
            s.execute("CREATE TABLE IF NOT EXISTS bench_state (loaded_rows bigint NOT NULL)");
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, new String[]{"TABLE"})) {
            return rs.next();
        }
    }

    /** Makes {@code items} hold exactly items 1 to {@code n} with ids 1 to {@code n}, loading them if needed. */
    public static void ensureRows(DataSource pool, BenchDb db, int n) throws SQLException {
        createTables(pool, db);
        try (Connection c = pool.getConnection()) {
            if (loadedRows(c) == n && count(c) == n) {
                if (db == BenchDb.POSTGRESQL) {
                    // The update workloads leave dead row versions behind, and autovacuum may be off (it is off on
                    // this project's machines): after one full run, items held 861,869 dead versions beside its
                    // 100,000 rows (115 MB), so that every later scan read nine times the pages. A plain VACUUM frees
                    // them but keeps the pages; VACUUM FULL rewrites the table, so every fork starts from a compact one.
                    try (Statement s = c.createStatement()) {
                        s.execute("VACUUM FULL ANALYZE items");
                    }
                }
                return;
            }
            c.setAutoCommit(false);
            truncate(c, db);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO items (id, name, description, price, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    Item item = item(i);
                    ps.setLong(1, i);
                    ps.setString(2, item.name);
                    ps.setString(3, item.description);
                    db.bindPrice(ps, 4, item.price);
                    db.bindTime(ps, 5, item.createdAt);
                    ps.addBatch();
                    if (i % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                if (db == BenchDb.POSTGRESQL) {
                    s.execute("SELECT setval(pg_get_serial_sequence('items', 'id'), " + Math.max(n, 1) + ")");
                }
                s.execute("INSERT INTO bench_state (loaded_rows) VALUES (" + n + ")");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(db == BenchDb.POSTGRESQL ? "VACUUM ANALYZE items" : "ANALYZE");
                if (db == BenchDb.SQLITE) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        }
    }

    /** Empties {@code items} (ids start again at 1) and forgets what the fixture loaded. */
    public static void empty(DataSource pool, BenchDb db) throws SQLException {
        createTables(pool, db);
        try (Connection c = pool.getConnection()) {
            truncate(c, db);
            if (db == BenchDb.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        }
    }

    /** Forgets what the fixture loaded, so that the next {@link #ensureRows} loads the rows again. */
    public static void forget(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM bench_state");
        }
    }

    private static void truncate(Connection c, BenchDb db) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(db == BenchDb.POSTGRESQL ? "TRUNCATE items RESTART IDENTITY" : "DELETE FROM items");
            s.execute("DELETE FROM bench_state");
        }
    }

    private static long loadedRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(loaded_rows) FROM bench_state")) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? -1 : v;
        }
    }

    /** The number of rows in {@code items}. */
    public static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
