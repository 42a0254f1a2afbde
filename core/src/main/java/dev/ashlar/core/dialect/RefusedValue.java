package dev.ashlar.core.dialect;

import java.sql.SQLDataException;

/**
 * A codec's refusal of a value, raised before a statement is sent (a value the database cannot
 * hold) or while reading one (stored text that does not parse as the column's type). It travels as
 * an {@link java.sql.SQLException} so that the engine translates it like the database's own
 * errors, with the statement and its parameters: {@link ErrorTranslation} maps it to its
 * {@link #kind()}.
 */
public final class RefusedValue extends SQLDataException {
    private final ErrorTranslation.Kind kind;

    private RefusedValue(String message, String sqlState, ErrorTranslation.Kind kind) {
        super(message, sqlState);
        this.kind = kind;
    }

    /** The database cannot hold the value at all; the message says what it would do with it instead. */
    public static RefusedValue unstorable(String message) {
        return new RefusedValue(message, "22000", ErrorTranslation.Kind.UNSTORABLE);
    }

    /** A number outside the column type's precision (SQLSTATE 22003, as the servers report it). */
    public static RefusedValue outOfRange(String message) {
        return new RefusedValue(message, "22003", ErrorTranslation.Kind.OUT_OF_RANGE);
    }

    /** Text longer than its column's declared length (SQLSTATE 22001, as the servers report it). */
    public static RefusedValue tooLong(String message) {
        return new RefusedValue(message, "22001", ErrorTranslation.Kind.TOO_LONG);
    }

    /** A stored value that does not read as the column's type. */
    public static RefusedValue unreadable(String message, Throwable cause) {
        RefusedValue refused = new RefusedValue(message, "22000", ErrorTranslation.Kind.DATA);
        refused.initCause(cause);
        return refused;
    }

    /** What the refusal translates to. */
    public ErrorTranslation.Kind kind() {
        return kind;
    }

    /** The same refusal, its message prefixed with where the value was going ({@code column items.price}). */
    RefusedValue at(String place) {
        return new RefusedValue(place + ": " + getMessage(), getSQLState(), kind);
    }
}
