package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.TypeCompiler;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.FractionalSeconds;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.TimeType;

/**
 * SQLite's type names. SQLite derives a column's storage "affinity" from the declared name, so
 * the names here are chosen for the affinity they give as much as for readability.
 */
class SqliteTypeCompiler extends TypeCompiler {
    /** The most digits SQLite keeps exactly in a NUMERIC column (it converts to a 64-bit float). */
    static final int EXACT_NUMERIC_DIGITS = 15;

    /**
     * Up to 15 digits, NUMERIC affinity keeps values exact and comparable as numbers. Beyond that
     * SQLite would round them to a double, so such columns get TEXT affinity (the name contains
     * TEXT): exact, at the price of comparing as text inside SQLite.
     */
    @Override
    protected String numeric(NumericType type) {
        String args = "(" + type.precision() + ", " + type.scale() + ")";
        return type.precision() <= EXACT_NUMERIC_DIGITS ? "NUMERIC" + args : "NUMERIC_TEXT" + args;
    }

    @Override
    protected String float64() {
        return "DOUBLE";
    }

    /*
     * SQLite stores these as text whatever the name says; the precision is written into the name only
     * when it is not the default, so that reflection reads it back (the name keeps NUMERIC affinity
     * either way, as the plain names always had) and tables created before precisions existed keep
     * their DDL.
     */
    @Override
    protected String time(TimeType type) {
        return withPrecision("TIME", type);
    }

    @Override
    protected String dateTime(DateTimeType type) {
        return withPrecision("DATETIME", type);
    }

    @Override
    protected String dateTimeTz(DateTimeTzType type) {
        return withPrecision("TIMESTAMPTZ", type);
    }

    private static String withPrecision(String name, FractionalSeconds type) {
        return type.precision() == FractionalSeconds.DEFAULT_PRECISION ? name : name + "(" + type.precision() + ")";
    }

    /** TEXT, not JSON: JSON would give NUMERIC affinity and turn the document {@code 1.50} into {@code 1.5}. */
    @Override
    protected String json() {
        return "TEXT";
    }
}
