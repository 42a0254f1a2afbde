package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.SessionLock;
import dev.ashlar.core.engine.Connection;
import java.time.Duration;
import java.util.Map;

/** MariaDB's {@code GET_LOCK}: named, held by the connection, freed when it ends, with a timed wait of its own. */
final class MariaDbSessionLock implements SessionLock {
    @Override
    public boolean acquire(Connection connection, String name, Duration wait) {
        // GET_LOCK waits in seconds, fractions allowed; zero means "try once".
        Object got = connection.sql("SELECT GET_LOCK(:name, :seconds)", Map.of("name", name, "seconds", wait.toMillis() / 1000.0))
                .one().get(0);
        return got instanceof Number n && n.intValue() == 1;
    }

    @Override
    public void release(Connection connection, String name) {
        connection.sql("SELECT RELEASE_LOCK(:name)", Map.of("name", name)).close();
    }

    @Override
    public String holder(Connection connection, String name) {
        Object id = connection.sql("SELECT IS_USED_LOCK(:name)", Map.of("name", name)).one().get(0);
        return id == null ? null : "MariaDB connection id " + id;
    }
}
