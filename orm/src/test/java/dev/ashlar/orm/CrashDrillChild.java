package dev.ashlar.orm;

import dev.ashlar.core.engine.Engine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link CrashDrillTest}: commits ORM transactions of {@link CrashDrillTest#ROWS_PER_TRANSACTION}
 * rows each into a SQLite file, forever, and prints {@code committed <batch>} after each commit
 * returns. The parent kills it with SIGKILL at some point and then checks the file.
 */
public final class CrashDrillChild {
    private CrashDrillChild() {
    }

    /** {@code args}: the SQLite file, the first batch number. */
    public static void main(String[] args) {
        String file = args[0];
        long batch = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        SessionOptions options = SessionOptions.defaults().registry(CrashDrillTest.REGISTRY);
        try (Engine engine = Engine.create("sqlite:///" + file)) {
            out.println("ready");
            for (;; batch++) {
                try (Session session = Session.open(engine, options)) {
                    for (int seq = 0; seq < CrashDrillTest.ROWS_PER_TRANSACTION; seq++) {
                        CrashDrillTest.CrashRow row = new CrashDrillTest.CrashRow();
                        row.batch = batch;
                        row.seq = seq;
                        row.payload = "batch " + batch + " row " + seq;
                        session.add(row);
                    }
                    session.commit();
                }
                out.println("committed " + batch); // only after commit() returned: an acknowledged commit
            }
        }
    }
}
