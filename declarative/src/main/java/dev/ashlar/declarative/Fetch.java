package dev.ashlar.declarative;

/** How a relationship is loaded when nothing in the query says otherwise. */
public enum Fetch {
    /** On first access, with one query for that one object (watch for N+1, which the session reports). */
    LAZY,
    /** With the query that loads the owners: one extra query per relationship for the whole result. */
    SELECT_IN,
    /**
     * In the same statement as the owners, through a LEFT JOIN of the related table. For a to-many
     * relationship the owners' rows repeat once per related row, so prefer {@link #SELECT_IN} for
     * large collections; a query with limit or offset then limits the owners through a subquery.
     */
    JOINED,
    /** Never loaded implicitly: access without loading it in the query raises an error. */
    RAISE
}
