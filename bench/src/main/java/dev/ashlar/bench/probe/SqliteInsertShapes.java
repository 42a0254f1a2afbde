package dev.ashlar.bench.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC only: how fast SQLite takes 10,000 rows of the bench's shape in one transaction when
 * sent as a JDBC batch, as multi-row {@code VALUES}, as multi-row {@code VALUES ... RETURNING id},
 * and as one {@code INSERT ... RETURNING id} per row. It answers whether any statement shape beats
 * the floor's batch on SQLite (it does not: the library runs in the process, so there are no round
 * trips to save) and what RETURNING, which an ORM needs for generated keys, costs by itself.
 *
 * <p>Run after {@code mvn -B -q -pl bench -am -DskipTests package}:
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) dev.ashlar.bench.probe.SqliteInsertShapes}.
 * Prints the mean of 10 rounds after 20 warm-up rounds, in milliseconds.
 */
public final class SqliteInsertShapes {
    private static final int ROWS = 10_000;
    private static final int CHUNK = 1_000;
    private static final String COLUMNS = "INSERT INTO items (name, description, price, created_at) VALUES ";

    private SqliteInsertShapes() {
    }

    /** A step of work on one connection. */
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("ashlar-sqlite-shapes", ".db");
        String[] names = {"JDBC batch", "multi-row VALUES", "multi-row VALUES ... RETURNING", "INSERT ... RETURNING per row"};
        Work[] shapes = {SqliteInsertShapes::batch, c -> multiRow(c, false), c -> multiRow(c, true), SqliteInsertShapes::rowByRow};
        double[] total = new double[shapes.length];
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, description TEXT, "
                        + "price NUMERIC(10, 2) NOT NULL, created_at DATETIME)");
            }
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < shapes.length; i++) {
                    double ms = timed(c, shapes[i]);
                    if (round >= 20) {
                        total[i] += ms;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        for (int i = 0; i < shapes.length; i++) {
            System.out.printf("%-32s %6.2f ms for %,d rows%n", names[i], total[i] / 10, ROWS);
        }
    }

    private static double timed(Connection c, Work work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM items");
        }
        c.setAutoCommit(false);
        long start = System.nanoTime();
        work.run(c);
        c.commit();
        double ms = (System.nanoTime() - start) / 1e6;
        c.setAutoCommit(true);
        return ms;
    }

    private static void bind(PreparedStatement ps, int first, int row) throws SQLException {
        ps.setString(first, "item-" + row);
        ps.setString(first + 1, "description of item " + row);
        ps.setDouble(first + 2, 9.99 + row % 100);
        ps.setString(first + 3, "2026-11-29 12:00:00.000000");
    }

    private static void batch(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "(?, ?, ?, ?)")) {
            for (int row = 0; row < ROWS; row++) {
                bind(ps, 1, row);
                ps.addBatch();
                if ((row + 1) % CHUNK == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void multiRow(Connection c, boolean returning) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS);
        for (int r = 0; r < CHUNK; r++) {
            sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?)");
        }
        if (returning) {
            sql.append(" RETURNING id");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 0; from < ROWS; from += CHUNK) {
                for (int r = 0; r < CHUNK; r++) {
                    bind(ps, r * 4 + 1, from + r);
                }
                if (!returning) {
                    ps.executeUpdate();
                    continue;
                }
                int keys = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys += rs.getLong(1) > 0 ? 1 : 0;
                    }
                }
                if (keys != CHUNK) {
                    throw new IllegalStateException("got " + keys + " keys back for " + CHUNK + " rows");
                }
            }
        }
    }

    private static void rowByRow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "(?, ?, ?, ?) RETURNING id")) {
            for (int row = 0; row < ROWS; row++) {
                bind(ps, 1, row);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no key back for row " + row);
                    }
                }
            }
        }
    }
}
