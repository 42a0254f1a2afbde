package dev.ashlar.core.dialect;

import dev.ashlar.core.error.UnsupportedFeatureException;

/**
 * A feature that some database lacks. Each dialect declares the ones its database lacks
 * ({@link Dialect#lacks()}); asking for one of those raises an {@link UnsupportedFeatureException}
 * naming the feature, the database and {@link #alternative()}, before anything is sent. The
 * compliance suite asks every dialect for every feature: the lacking ones must fail that way, the
 * others must work against the database.
 *
 * <p>Differences that Ashlar bridges are not features here: case-insensitive {@code LIKE}, {@code
 * NULLS FIRST/LAST}, bulk inserts (COPY where the database has it, JDBC batches elsewhere), and
 * comments, which SQLite's DDL leaves out because it has nowhere to keep them.
 */
public enum Feature {
    /** {@code FULL [OUTER] JOIN}. */
    FULL_JOIN("FULL JOIN", "use a LEFT JOIN UNION a RIGHT JOIN instead"),
    /** {@code INSERT ... RETURNING}. */
    INSERT_RETURNING("INSERT ... RETURNING",
            "run the INSERT and then SELECT the rows by their keys, in one transaction"),
    /** {@code UPDATE ... RETURNING}. */
    UPDATE_RETURNING("UPDATE ... RETURNING",
            "run the UPDATE and then SELECT the rows by the same condition, in one transaction"),
    /** {@code DELETE ... RETURNING}. */
    DELETE_RETURNING("DELETE ... RETURNING",
            "SELECT the rows by the same condition and then run the DELETE, in one transaction"),
    /** Indexes with a {@code WHERE} predicate ({@code Index.where}). */
    PARTIAL_INDEXES("partial indexes", "index every row, or keep the rows the predicate selects in a table of their own"),
    /** Indexes whose key is an expression ({@code Index.onExpressions}). */
    EXPRESSION_INDEXES("expression indexes", "index a generated column that holds the expression instead"),
    /**
     * Changing an existing table's constraints, primary key or column definitions with {@code ALTER
     * TABLE} (adding or dropping a unique, check or foreign key constraint, altering a column).
     */
    ALTER_CONSTRAINTS("ALTER TABLE for constraints and column definitions",
            "rebuild the table instead: CREATE TABLE with the new shape, copy the rows, drop the old table and rename the new one "
                    + "(SchemaDiff.apply and ashlar-migrate do this)");

    private final String description;
    private final String alternative;

    Feature(String description, String alternative) {
        this.description = description;
        this.alternative = alternative;
    }

    /** The feature as SQL users know it, such as {@code FULL JOIN}. */
    public String description() {
        return description;
    }

    /** What to do instead on a database that lacks it. */
    public String alternative() {
        return alternative;
    }
}
