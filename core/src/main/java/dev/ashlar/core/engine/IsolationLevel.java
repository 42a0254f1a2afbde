package dev.ashlar.core.engine;

/** Transaction isolation levels, as JDBC defines them. SQLite runs every transaction SERIALIZABLE. */
public enum IsolationLevel {
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    int jdbcLevel() {
        return jdbcLevel;
    }

    static IsolationLevel fromJdbc(int level) {
        for (IsolationLevel l : values()) {
            if (l.jdbcLevel == level) {
                return l;
            }
        }
        return null;
    }
}
