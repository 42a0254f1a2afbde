package dev.ashlar.core.diff;

/** What applying a schema change risks. */
public enum Safety {
    /** Cannot lose data or fail because of existing rows: a new table, a nullable column, a wider type. */
    SAFE,
    /** Loses data: a dropped table, column or constraint, or a narrower type, length or precision. */
    DESTRUCTIVE,
    /** May fail on existing rows: NOT NULL on a nullable column, a new unique, foreign key or check, a new primary key. */
    DATA_DEPENDENT
}
