package dev.ashlar.core.schema;

/**
 * A default the database applies, as it appears in DDL. Either a literal (quoted and escaped by
 * Ashlar) or one of a few portable expressions that each dialect spells its own way.
 */
public sealed interface ServerDefault {
    /** A constant: a number, a string or a boolean, rendered as a SQL literal in the DDL. */
    record Literal(Object value) implements ServerDefault {
    }

    /** The current timestamp at insert, spelled by each dialect. */
    record CurrentTimestamp() implements ServerDefault {
    }

    /** A constant default. */
    static ServerDefault literal(Object value) {
        return new Literal(value);
    }

    /** The database's current timestamp. */
    static ServerDefault currentTimestamp() {
        return new CurrentTimestamp();
    }
}
