package dev.ashlar.core.schema;

import java.util.List;

/** A unique constraint over one or more columns; {@code name} null means the naming convention's. */
public record UniqueConstraint(String name, List<Column<?>> columns) implements TableElement {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    /** A unique constraint over the given columns. */
    public static UniqueConstraint of(Column<?>... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    /** This constraint with an explicit name. */
    public UniqueConstraint named(String name) {
        return new UniqueConstraint(name, columns);
    }
}
