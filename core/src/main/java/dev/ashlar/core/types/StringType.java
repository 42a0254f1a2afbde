package dev.ashlar.core.types;

import java.util.OptionalInt;

/**
 * A string of at most {@code length} characters, held as {@link String}. Without a length it is
 * unbounded where the database allows ({@code VARCHAR} on PostgreSQL, {@code TEXT} affinity on
 * SQLite) and {@code VARCHAR(255)} on MariaDB, which needs a length and can index up to 768
 * characters: 255 keeps such columns indexable and unique-able, the way most people use them.
 */
public final class StringType extends SqlType<String> {
    /** The length MariaDB/MySQL uses for a {@code String} declared without one. */
    public static final int MARIADB_DEFAULT_LENGTH = 255;

    private final Integer length;

    StringType(Integer length) {
        super(String.class);
        if (length != null && length <= 0) {
            throw new dev.ashlar.core.error.AshlarException("String length must be positive, got " + length);
        }
        this.length = length;
    }

    /** The declared maximum length in characters, if any. */
    public OptionalInt length() {
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    @Override
    public String describe() {
        return length == null ? "String" : "String(" + length + ")";
    }
}
