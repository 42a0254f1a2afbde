package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill: a child JVM ({@link CrashDrillChild}) commits ORM transactions of {@link #ROWS_PER_TRANSACTION}
 * rows into a SQLite file and acknowledges each commit on its output; the test kills it with SIGKILL
 * ({@link Process#destroyForcibly()}) after a varying number of acknowledged commits, so the kill
 * lands somewhere in a later transaction, {@link #KILLS} times in a row on the same file. Afterwards
 * {@code PRAGMA integrity_check} must say ok, every transaction's rows must be all there or none
 * (no partial transaction), and every acknowledged commit must be there (none lost). SQLite only:
 * the file is the database, so killing the process is the crash.
 */
class CrashDrillTest {
    static final int ROWS_PER_TRANSACTION = 25;
    static final int KILLS = 10;

    @Model(table = "crash_row")
    public static class CrashRow {
        @Id public Long id;
        public long batch;
        public int seq;
        public String payload;

        public CrashRow() {
        }
    }

    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        REGISTRY.of(CrashRow.class);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void killingTheProcessMidTransactionLosesNoAcknowledgedCommitAndLeavesNoPartOfOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.db");
        try (Engine engine = Engine.create("sqlite:///" + file)) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        TreeSet<Long> acknowledged = new TreeSet<>();
        for (int round = 0; round < KILLS; round++) {
            // kill after 1 to 19 acknowledged commits, a different count each round
            int killAfter = 1 + (round * 7) % 19;
            // the child only needs to start fast: C1 only and the serial collector roughly halve its start-up
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"),
                    CrashDrillChild.class.getName(), file.toString(), String.valueOf(round * 1_000_000L))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                        if (++seen == killAfter) {
                            // SIGKILL, while the child is already in its next transaction; through its handle,
                            // which only signals, since Process.destroyForcibly also closes the output still to read
                            child.toHandle().destroyForcibly();
                            break;
                        }
                    }
                }
                // The child runs on while the kill is on its way and this test reads: what it acknowledged before it
                // died is still in the pipe, and those commits must be there too. Read it to the end (its death closes it).
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                    }
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(seen).as("round %d: the child acknowledged commits before it was killed", round).isEqualTo(killAfter);
        }

        Map<Long, Integer> rowsPerBatch = new HashMap<>();
        List<String> integrity = new ArrayList<>();
        try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = jdbc.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    integrity.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT batch, count(*), count(DISTINCT seq) FROM crash_row GROUP BY batch")) {
                while (rs.next()) {
                    assertThat(rs.getInt(3)).isEqualTo(rs.getInt(2));
                    rowsPerBatch.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        assertThat(integrity).containsExactly("ok");
        assertThat(rowsPerBatch.values()).as("no partial transaction").allMatch(n -> n == ROWS_PER_TRANSACTION);
        assertThat(rowsPerBatch.keySet()).as("no acknowledged commit lost").containsAll(acknowledged);
        // a kill between commit and acknowledgement leaves a committed batch nobody heard of: at most one per kill
        int unacknowledged = rowsPerBatch.size() - acknowledged.size();
        assertThat(unacknowledged).isBetween(0, KILLS);
        System.out.printf("DRILL crash [sqlite]: %d kill -9s, %d acknowledged transactions of %d rows, %d committed without acknowledgement,"
                        + " integrity_check ok, 0 partial transactions, 0 lost commits%n",
                KILLS, acknowledged.size(), ROWS_PER_TRANSACTION, unacknowledged);
    }
}
