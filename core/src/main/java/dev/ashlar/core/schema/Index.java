package dev.ashlar.core.schema;

import dev.ashlar.core.error.DefinitionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An index, unique or not; {@code name} null means the naming convention's. Its key is either a
 * list of columns, each ascending or descending, or a list of SQL expressions (written by the
 * schema's author, never user values). {@code where} makes it a partial index: only rows that
 * satisfy it are indexed. Expression and partial indexes are refused with
 * {@link dev.ashlar.core.error.UnsupportedFeatureException} by databases that lack them (MariaDB).
 *
 * @param name        explicit name, or {@code null} for the naming convention's
 * @param columns     key columns; empty for an expression index
 * @param unique      whether the key values must be unique
 * @param descending  per key column, whether it is sorted descending (same size as {@code columns})
 * @param expressions the key expressions of an expression index; empty for a column index
 * @param where       the partial index predicate, or {@code null}
 */
public record Index(String name, List<Column<?>> columns, boolean unique, List<Boolean> descending, List<String> expressions,
                    String where) implements TableElement {
    public Index {
        columns = List.copyOf(columns);
        expressions = List.copyOf(expressions);
        if (columns.isEmpty() == expressions.isEmpty()) {
            throw new DefinitionException("an index needs either columns or expressions, got " + columns.size()
                    + " columns and " + expressions.size() + " expressions");
        }
        descending = descending == null || descending.isEmpty() ? Collections.nCopies(columns.size(), false) : List.copyOf(descending);
        if (descending.size() != columns.size()) {
            throw new DefinitionException("an index needs one sort order per column, got " + descending.size()
                    + " for " + columns.size() + " columns");
        }
    }

    /** An index over columns, each ascending. */
    public Index(String name, List<Column<?>> columns, boolean unique) {
        this(name, columns, unique, List.of(), List.of(), null);
    }

    /** A plain index. */
    public static Index on(Column<?>... columns) {
        return new Index(null, List.of(columns), false);
    }

    /** A unique index. */
    public static Index uniqueOn(Column<?>... columns) {
        return new Index(null, List.of(columns), true);
    }

    /** An index over SQL expressions, such as {@code lower(email)}; it needs an explicit {@link #named name}. */
    public static Index onExpressions(String... expressions) {
        return new Index(null, List.of(), false, List.of(), List.of(expressions), null);
    }

    /** This index with an explicit name. */
    public Index named(String name) {
        return new Index(name, columns, unique, descending, expressions, where);
    }

    /** This index, unique. */
    public Index asUnique() {
        return new Index(name, columns, true, descending, expressions, where);
    }

    /** This index with {@code columns} (which must be key columns) sorted descending. */
    public Index descending(Column<?>... columns) {
        List<Boolean> desc = new ArrayList<>(descending);
        for (Column<?> c : columns) {
            int at = this.columns.indexOf(c);
            if (at < 0) {
                throw new DefinitionException("column " + c.name() + " is not a key column of this index; "
                        + "name only columns that the index was created on");
            }
            desc.set(at, true);
        }
        return new Index(name, this.columns, unique, desc, expressions, where);
    }

    /** This index, partial: only rows for which the SQL condition {@code predicate} holds are indexed. */
    public Index where(String predicate) {
        return new Index(name, columns, unique, descending, expressions, predicate);
    }

    /** Whether this is an expression index. */
    public boolean isExpressionIndex() {
        return !expressions.isEmpty();
    }
}
