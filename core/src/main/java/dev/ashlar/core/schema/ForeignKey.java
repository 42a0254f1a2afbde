package dev.ashlar.core.schema;

import dev.ashlar.core.error.DefinitionException;
import java.util.List;

/**
 * A foreign key over one or more columns. Name it or let the naming convention do so.
 *
 * @param name explicit name, or {@code null} for the naming convention's
 */
public record ForeignKey(String name, List<Column<?>> columns, List<Column<?>> referenced,
                         ReferentialAction onDelete, ReferentialAction onUpdate) implements TableElement {
    public ForeignKey {
        columns = List.copyOf(columns);
        referenced = List.copyOf(referenced);
        if (columns.isEmpty() || columns.size() != referenced.size()) {
            throw new DefinitionException("a foreign key needs as many referenced columns as columns, got "
                    + columns.size() + " and " + referenced.size());
        }
    }

    /** A foreign key from {@code columns} to {@code referenced}, with no referential actions. */
    public static ForeignKey of(List<Column<?>> columns, List<Column<?>> referenced) {
        return new ForeignKey(null, columns, referenced, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    /** This key with an ON DELETE action. */
    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referenced, action, onUpdate);
    }

    /** This key with an ON UPDATE action. */
    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referenced, onDelete, action);
    }

    /** This key with an explicit name. */
    public ForeignKey named(String name) {
        return new ForeignKey(name, columns, referenced, onDelete, onUpdate);
    }

    /** The referenced table. */
    public Table referencedTable() {
        return referenced.get(0).table();
    }
}
