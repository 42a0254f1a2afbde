package dev.ashlar.core.types;

/**
 * Fixed-length text, {@code CHAR(n)}, held as {@link String}. Each database pads and compares it in
 * its own way, and Ashlar returns what the database returns, without trimming or padding:
 * PostgreSQL pads a shorter value with spaces on storage and returns it padded; MariaDB strips
 * trailing spaces on read; SQLite stores and returns the value as given. A value longer than
 * {@code n} characters is refused on every database ({@code ValueTooLongException}), except that
 * surplus trailing spaces are cut, as PostgreSQL and MariaDB cut them. See the README's type table.
 */
public final class FixedStringType extends SqlType<String> {
    private final int length;

    FixedStringType(int length) {
        super(String.class);
        if (length <= 0) {
            throw new dev.ashlar.core.error.AshlarException("fixedString length must be positive, got " + length);
        }
        this.length = length;
    }

    /** The number of characters every value has (or at most has, on SQLite and as MariaDB returns it). */
    public int length() {
        return length;
    }

    @Override
    public String describe() {
        return "FixedString(" + length + ")";
    }
}
