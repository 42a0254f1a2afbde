package dev.ashlar.core.diff;

import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Comment;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of a schema as it is after some renames ran, so that the rest of a diff compares names the
 * database will hold. Keys, constraints and indexes keep their names and follow their columns.
 */
final class RenamedSchema {
    private RenamedSchema() {
    }

    static MetaData copy(MetaData current, List<SchemaChange> renames) {
        Map<String, String> tableNames = new HashMap<>();
        Map<String, Map<String, String>> columnNames = new HashMap<>();
        for (SchemaChange change : renames) {
            if (change instanceof SchemaChange.RenameTable t) {
                tableNames.put(t.from(), t.to());
            } else if (change instanceof SchemaChange.RenameColumn c) {
                columnNames.computeIfAbsent(c.table(), k -> new HashMap<>()).put(c.from(), c.to());
            }
        }
        // Every column first, so that keys can point at columns of tables copied later (cycles).
        Map<Column<?>, Column<?>> copies = new IdentityHashMap<>();
        for (Table table : current.tables()) {
            String name = tableNames.getOrDefault(table.name(), table.name());
            Map<String, String> own = columnNames.getOrDefault(name, Map.of());
            for (Column<?> column : table.columns()) {
                copies.put(column, column.copy(own.getOrDefault(column.name(), column.name())));
            }
        }
        MetaData out = new MetaData(current.namingConvention());
        for (Table table : current.sortedTables()) {
            List<TableElement> elements = new ArrayList<>();
            table.columns().forEach(c -> elements.add(copies.get(c)));
            for (ForeignKey fk : table.foreignKeys()) {
                elements.add(new ForeignKey(fk.name(), map(fk.columns(), copies), map(fk.referenced(), copies), fk.onDelete(), fk.onUpdate()));
            }
            for (UniqueConstraint uq : table.uniqueConstraints()) {
                elements.add(new UniqueConstraint(uq.name(), map(uq.columns(), copies)));
            }
            for (CheckConstraint ck : table.checks()) {
                elements.add(ck);
            }
            for (Index ix : table.indexes()) {
                elements.add(new Index(ix.name(), map(ix.columns(), copies), ix.unique(), ix.descending(), ix.expressions(), ix.where()));
            }
            if (table.comment() != null) {
                elements.add(new Comment(table.comment()));
            }
            out.table(tableNames.getOrDefault(table.name(), table.name()), table.modelName(), elements);
        }
        return out;
    }

    private static List<Column<?>> map(List<Column<?>> columns, Map<Column<?>, Column<?>> copies) {
        List<Column<?>> out = new ArrayList<>(columns.size());
        for (Column<?> c : columns) {
            Column<?> copy = copies.get(c);
            out.add(copy != null ? copy : c);
        }
        return out;
    }
}
