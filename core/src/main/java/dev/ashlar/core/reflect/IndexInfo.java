package dev.ashlar.core.reflect;

import java.util.Collections;
import java.util.List;

/**
 * An index as the live database describes it, apart from the primary key's and from those that
 * back unique constraints (see {@link UniqueInfo}).
 *
 * @param name        index name
 * @param columns     key columns in key order; empty for an expression index
 * @param unique      whether key values must be unique
 * @param descending  per key column, whether it sorts descending
 * @param expressions key expressions of an expression index, as the database writes them; empty otherwise
 * @param where       the predicate of a partial index, as the database writes it, or {@code null}
 */
public record IndexInfo(String name, List<String> columns, boolean unique, List<Boolean> descending, List<String> expressions,
                        String where) {
    public IndexInfo {
        columns = List.copyOf(columns);
        descending = descending == null || descending.isEmpty() ? Collections.nCopies(columns.size(), false) : List.copyOf(descending);
        expressions = List.copyOf(expressions);
    }

    /** A plain index over columns, each ascending. */
    public IndexInfo(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, List.of(), List.of(), null);
    }
}
