package dev.ashlar.core.sql;

/**
 * A part of a date or timestamp that {@link Sql#extract} reads as an integer. The same value on
 * every database: {@link #SECOND} is the whole second (the fraction is dropped, so 59.999999 is 59)
 * and {@link #DAY_OF_WEEK} counts as ISO 8601 does, 1 = Monday to 7 = Sunday.
 */
public enum DatePart {
    /** The year, such as 2024. */
    YEAR,
    /** The month, 1 to 12. */
    MONTH,
    /** The day of the month, 1 to 31. */
    DAY,
    /** The hour, 0 to 23. */
    HOUR,
    /** The minute, 0 to 59. */
    MINUTE,
    /** The whole second, 0 to 59, without its fraction. */
    SECOND,
    /** The ISO day of the week: 1 = Monday ... 7 = Sunday. */
    DAY_OF_WEEK;

    /** Whether the part is a time of day, which a date has not. */
    public boolean isTimeOfDay() {
        return this == HOUR || this == MINUTE || this == SECOND;
    }
}
