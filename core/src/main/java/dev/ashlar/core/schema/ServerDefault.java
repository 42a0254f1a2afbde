package dev.ashlar.core.schema;

/**
 * A default the database applies, as it appears in DDL. Either a literal (quoted and escaped by
 * Ashlar), one of a few portable expressions that each dialect spells its own way, or an
 * expression in one database's SQL.
 */
public sealed interface ServerDefault {
    /** A constant: a number, a string or a boolean, rendered as a SQL literal in the DDL. */
    record Literal(Object value) implements ServerDefault {
    }

    /** The current timestamp at insert, spelled by each dialect. */
    record CurrentTimestamp() implements ServerDefault {
    }

    /**
     * Any other SQL expression, as the database's own text (for example {@code gen_random_uuid()}).
     * Written by the schema's author or read from a catalog, never a user value.
     */
    record Expression(String sql) implements ServerDefault {
    }

    /** A constant default. */
    static ServerDefault literal(Object value) {
        return new Literal(value);
    }

    /** A SQL expression default, written into the DDL as it is. */
    static ServerDefault expression(String sql) {
        return new Expression(sql);
    }

    /** The database's current timestamp. */
    static ServerDefault currentTimestamp() {
        return new CurrentTimestamp();
    }
}
