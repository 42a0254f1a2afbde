package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.TypeCompiler;
import dev.ashlar.core.types.NumericType;

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

    @Override
    protected String time() {
        return "TIME";
    }

    @Override
    protected String dateTime() {
        return "DATETIME";
    }

    @Override
    protected String dateTimeTz() {
        return "TIMESTAMPTZ";
    }

    /** TEXT, not JSON: JSON would give NUMERIC affinity and turn the document {@code 1.50} into {@code 1.5}. */
    @Override
    protected String json() {
        return "TEXT";
    }
}
