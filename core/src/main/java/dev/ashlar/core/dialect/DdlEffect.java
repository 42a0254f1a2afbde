package dev.ashlar.core.dialect;

/**
 * What a schema change does to a table while it runs, in the spirit of EXPLAIN's verdicts: whether
 * writers (or readers) wait, and whether every row is copied. Each dialect judges its own statements
 * ({@link DdlCompiler#effect}); migrations print the verdict beside each step.
 *
 * @param kind    how disruptive the change is
 * @param verdict the verdict in words, naming why ({@code rewrites table items: the column's type changes storage})
 */
public record DdlEffect(Kind kind, String verdict) {
    /** From least to most disruptive. */
    public enum Kind {
        /** Changes the catalog only; a brief lock. */
        METADATA_ONLY,
        /** Reads or indexes every row while writes to the table wait. */
        BLOCKS_WRITES,
        /** Copies every row into a new table while writes wait. */
        REWRITES_TABLE
    }

    /** The schema changes whose effect a dialect judges. */
    public enum Change {
        CREATE_TABLE, DROP_TABLE, RENAME, ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, ALTER_COLUMN_OTHER, CREATE_INDEX,
        CREATE_INDEX_ONLINE, DROP_INDEX, ADD_UNIQUE, ADD_CHECK, ADD_FOREIGN_KEY, DROP_CONSTRAINT, REBUILD
    }

    public static DdlEffect metadataOnly(String verdict) {
        return new DdlEffect(Kind.METADATA_ONLY, verdict);
    }

    public static DdlEffect blocksWrites(String verdict) {
        return new DdlEffect(Kind.BLOCKS_WRITES, verdict);
    }

    public static DdlEffect rewrites(String verdict) {
        return new DdlEffect(Kind.REWRITES_TABLE, verdict);
    }
}
