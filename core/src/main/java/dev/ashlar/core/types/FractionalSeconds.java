package dev.ashlar.core.types;

/**
 * A type that keeps time to a number of fractional-second digits, its <em>precision</em>: 0 keeps
 * whole seconds, 3 milliseconds, 6 (the default, and the most any database here keeps) microseconds.
 * {@code TIMESTAMP(p)} on PostgreSQL, {@code DATETIME(p)} on MariaDB; SQLite, which stores text, gets
 * the precision from Ashlar alone (see {@link #precision()}).
 *
 * <p><b>The rule for values.</b> Ashlar binds every value of such a type rounded to the precision,
 * half up (a fraction of exactly half a unit goes to the later time), on every database, in writes
 * and in comparisons alike: the database is sent a value it holds exactly, so it neither truncates
 * (MariaDB's way) nor rounds (PostgreSQL's way) anything itself, a value reads back as
 * {@code round(value)}, and {@code column = value} finds the row that writing {@code value} stored.
 * Two edges are left to the database, unrounded: a value that rounding would carry past the largest
 * the Java type holds ({@code LocalDateTime.MAX}, which PostgreSQL stores as {@code infinity}), and a
 * time of day that it would carry past midnight (PostgreSQL stores {@code 24:00:00}).
 *
 * <p>A precision outside 0 to 6 is refused when a column is made of the type
 * ({@code Column.of}), with a {@code DefinitionException} naming the column.
 */
public sealed interface FractionalSeconds permits TimeType, DateTimeType, DateTimeTzType {
    /** The precision a type has when none is given: microseconds, as before precisions existed. */
    int DEFAULT_PRECISION = 6;
    /** The most fractional-second digits a precision may ask for (PostgreSQL and MariaDB keep no more). */
    int MAX_PRECISION = 6;

    /**
     * The fractional-second digits a column of this type keeps, 0 to 6. On SQLite values are still
     * stored as text with six fraction digits (so that text order stays time order), the digits past
     * the precision being zeros, and a {@code CURRENT_TIMESTAMP} default is cut to the precision too.
     */
    int precision();

    /** Whether {@link #precision()} is one a column may have, 0 to 6. */
    default boolean precisionAllowed() {
        return precision() >= 0 && precision() <= MAX_PRECISION;
    }
}
