package dev.ashlar.migrate;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import java.time.Duration;

/**
 * A migrator in a process of its own, for the tests of the lock across processes.
 * {@code upgrade URL}: upgrades to the shop scripts' head and prints {@code applied=N}.
 * {@code hold URL}: takes the migration lock, prints {@code locked}, and waits for stdin to close (or a kill).
 */
public final class MigrateChild {
    public static void main(String[] args) throws Exception {
        try (Engine engine = Engine.create(args[1], EngineOptions.defaults())) {
            if (args[0].equals("upgrade")) {
                MigrationReport report = Migrator.scan(engine, "dev.ashlar.migrate.shop").lockWait(Duration.ofSeconds(120)).upgrade();
                System.out.println("applied=" + report.done().size());
            } else {
                try (Connection conn = engine.connect()) {
                    if (!conn.dialect().sessionLock().acquire(conn, Migrator.LOCK_NAME, Duration.ofSeconds(30))) {
                        System.out.println("busy");
                        return;
                    }
                    System.out.println("locked");
                    System.out.flush();
                    while (System.in.read() >= 0) {
                        // hold the lock until the parent closes our stdin or kills us
                    }
                }
            }
        }
    }
}
