package dev.ashlar.bench.probe;

import com.zaxxer.hikari.HikariDataSource;
import dev.ashlar.bench.support.BenchDb;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC only: whether one {@code UPDATE ... FROM (VALUES ...)} per 1,000 rows beats the floor's
 * JDBC batch of single-row UPDATEs on PostgreSQL (10,000 price changes by primary key in a table of
 * 100,000 rows, one transaction), with and without {@code RETURNING} an ordinal, which a batch API
 * would need to report a row count per row. It decides whether Ashlar should send batched updates
 * in that shape; it measured slower, so Ashlar keeps the batch.
 *
 * <p>Run after {@code mvn -B -q -pl bench -am -DskipTests package}, with the local PostgreSQL:
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) dev.ashlar.bench.probe.PostgresUpdateShapes}.
 * Uses the bench database and the peers' pool settings; prints the mean of 10 rounds after 15 warm-up rounds.
 */
public final class PostgresUpdateShapes {
    private static final int TABLE_ROWS = 100_000;
    private static final int UPDATES = 10_000;
    private static final int CHUNK = 1_000;

    private PostgresUpdateShapes() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String[] names = {"JDBC batch of UPDATEs", "UPDATE ... FROM (VALUES ...)", "UPDATE ... FROM (VALUES ...) RETURNING"};
        double[] total = new double[names.length];
        try (HikariDataSource pool = BenchDb.POSTGRESQL.peerPool(); Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS update_probe");
                s.execute("CREATE TABLE update_probe (id bigint PRIMARY KEY, name varchar(255), price numeric(10, 2) NOT NULL)");
                s.execute("INSERT INTO update_probe SELECT g, 'item-' || g, 9.99 FROM generate_series(1, " + TABLE_ROWS + ") g");
                s.execute("ANALYZE update_probe");
            }
            try {
                for (int round = 0; round < 25; round++) {
                    BigDecimal price = new BigDecimal("10.00").add(BigDecimal.valueOf(round, 2));
                    for (int shape = 0; shape < names.length; shape++) {
                        c.setAutoCommit(false);
                        long start = System.nanoTime();
                        if (shape == 0) {
                            batch(c, price);
                        } else {
                            values(c, price, shape == 2);
                        }
                        c.commit();
                        c.setAutoCommit(true);
                        if (round >= 15) {
                            total[shape] += (System.nanoTime() - start) / 1e6;
                        }
                    }
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE update_probe");
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-42s %6.1f ms for %,d updates%n", names[i], total[i] / 10, UPDATES);
        }
    }

    private static void batch(Connection c, BigDecimal price) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE update_probe SET price = ? WHERE id = ?")) {
            for (int id = 1; id <= UPDATES; id++) {
                ps.setBigDecimal(1, price);
                ps.setLong(2, id);
                ps.addBatch();
                if (id % CHUNK == 0) {
                    ps.executeBatch();
                }
            }
        }
    }

    private static void values(Connection c, BigDecimal price, boolean returning) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE update_probe AS t SET price = v.price FROM (VALUES ");
        for (int r = 0; r < CHUNK; r++) {
            sql.append(r == 0 ? "(?::int, ?::numeric(10, 2), ?::bigint)" : ", (?, ?, ?)");
        }
        sql.append(") AS v(ord, price, id) WHERE t.id = v.id");
        if (returning) {
            sql.append(" RETURNING v.ord");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 1; from <= UPDATES; from += CHUNK) {
                for (int r = 0; r < CHUNK; r++) {
                    ps.setInt(r * 3 + 1, r);
                    ps.setBigDecimal(r * 3 + 2, price);
                    ps.setLong(r * 3 + 3, from + r);
                }
                int updated = 0;
                if (returning) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            updated++;
                        }
                    }
                } else {
                    updated = ps.executeUpdate();
                }
                if (updated != CHUNK) {
                    throw new IllegalStateException("updated " + updated + " rows of " + CHUNK);
                }
            }
        }
    }
}
