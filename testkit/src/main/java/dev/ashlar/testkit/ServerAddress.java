package dev.ashlar.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a PostgreSQL or MariaDB server that tests use is, so that testkit code can reach databases
 * on it besides {@value TestDatabases#TEST_DATABASE}, and its administrative connection.
 */
record ServerAddress(DatabaseKind kind, String host, int port, String user, String password) {

    /** A database of this name on this server, which may not exist yet. */
    TestDatabase database(String name, boolean resettable) {
        String hostPort = host + ":" + port;
        return new TestDatabase(kind, kind.id() + "://" + user + "@" + hostPort + "/" + name,
                "jdbc:" + kind.id() + "://" + hostPort + "/" + name, user, password, resettable);
    }

    /** A connection for creating and dropping databases: to {@code postgres} on PostgreSQL, to no database on MariaDB. */
    Connection openAdmin() throws SQLException {
        String database = kind == DatabaseKind.POSTGRESQL ? "postgres" : "";
        return DriverManager.getConnection("jdbc:" + kind.id() + "://" + host + ":" + port + "/" + database, user, password);
    }
}
