package dev.ashlar.core.error;

/**
 * A table, column, constraint or index name is longer than the database keeps. Raised when the DDL
 * or a statement is compiled for that database, before anything is sent: PostgreSQL would
 * otherwise cut the name to 63 bytes without a word, and two names that share their first 63
 * bytes would then mean the same table.
 */
public class IdentifierTooLongException extends AshlarException {
    private final String identifier;
    private final int length;
    private final int limit;
    private final String unit;

    public IdentifierTooLongException(String database, String identifier, int length, int limit, String unit) {
        super(database + " keeps identifiers of at most " + limit + " " + unit + ", and \"" + identifier + "\" has " + length
                + ": shorten the name (names that share their first " + limit + " " + unit + " would otherwise be one name)");
        this.identifier = identifier;
        this.length = length;
        this.limit = limit;
        this.unit = unit;
    }

    /** The name that is too long. */
    public String identifier() {
        return identifier;
    }

    /** Its length, in {@link #unit()}. */
    public int length() {
        return length;
    }

    /** The longest the database keeps, in {@link #unit()}. */
    public int limit() {
        return limit;
    }

    /** What lengths are counted in: {@code bytes in UTF-8} or {@code characters}. */
    public String unit() {
        return unit;
    }
}
