package dev.ashlar.core.dialect;

/**
 * What a database gives back from a fixed-length string column ({@code CHAR(n)}) for a value shorter
 * than {@code n}, as {@link Dialect#fixedStringPadding()} declares it. Every database refuses a value
 * longer than {@code n} and cuts spaces beyond {@code n}; they differ in the spaces up to it.
 */
public enum Padding {
    /** Padded with spaces to {@code n} when stored, and read back with the padding (the SQL standard; PostgreSQL). */
    PADDED,
    /** Trailing spaces, the padding and any written ones, are stripped when read (MariaDB without {@code PAD_CHAR_TO_FULL_LENGTH}). */
    STRIPPED,
    /** Stored and read back as written, trailing spaces included (SQLite, which keeps any text as given). */
    KEPT
}
