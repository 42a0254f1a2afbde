package dev.ashlar.core.schema;

import java.util.List;

/** An index over one or more columns, unique or not; {@code name} null means the naming convention's. */
public record Index(String name, List<Column<?>> columns, boolean unique) implements TableElement {
    public Index {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
    }

    /** A plain index. */
    public static Index on(Column<?>... columns) {
        return new Index(null, List.of(columns), false);
    }

    /** A unique index. */
    public static Index uniqueOn(Column<?>... columns) {
        return new Index(null, List.of(columns), true);
    }

    /** This index with an explicit name. */
    public Index named(String name) {
        return new Index(name, columns, unique);
    }
}
