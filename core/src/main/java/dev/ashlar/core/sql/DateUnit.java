package dev.ashlar.core.sql;

/**
 * A unit of time that a date or timestamp is truncated to ({@link Sql#truncate}) or that an
 * interval counts ({@link Sql#plus}). Dates take only {@link #YEAR}, {@link #MONTH} and {@link #DAY}.
 */
public enum DateUnit {
    /** Years; adding one to February 29 gives February 28. */
    YEAR,
    /** Months; adding one to January 31 gives the last day of February. */
    MONTH,
    /** Days. */
    DAY,
    /** Hours. */
    HOUR,
    /** Minutes. */
    MINUTE,
    /** Whole seconds; truncating to a second drops the fraction. */
    SECOND;

    /** Whether the unit is shorter than a day, which a date cannot count. */
    public boolean isTimeOfDay() {
        return this == HOUR || this == MINUTE || this == SECOND;
    }

    /** The unit's lower-case English name, as PostgreSQL's {@code date_trunc} and SQLite's modifiers spell it. */
    public String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
