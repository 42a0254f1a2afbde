package dev.ashlar.migrate.internal;

import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.migrate.MigrationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A changed copy of a reflected table, for a rebuild: columns copied (one replaced, perhaps),
 * constraints kept by name unless dropped, new ones added. Indexes are not copied: the rebuild
 * recreates them from the text the database stored.
 */
public final class TableCopy {
    private final Table current;
    private final Map<String, Column<?>> columns = new LinkedHashMap<>();
    private final Map<String, List<String>> uniques = new LinkedHashMap<>();
    private final Map<String, CheckConstraint> checks = new LinkedHashMap<>();
    private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();

    public TableCopy(Table current) {
        this.current = current;
        current.columns().forEach(c -> columns.put(c.name(), c.copy(c.name())));
        current.uniqueConstraints().forEach(u -> uniques.put(u.name(), u.columns().stream().map(Column::name).toList()));
        current.checks().forEach(c -> checks.put(c.name(), c));
        current.foreignKeys().forEach(f -> foreignKeys.put(f.name(), f));
    }

    /** Puts {@code to} (unattached) in place of the column of the same name. */
    public TableCopy replaceColumn(Column<?> to) {
        require(columns.containsKey(to.name()), "has no column " + to.name());
        columns.put(to.name(), to);
        return this;
    }

    public TableCopy addUnique(String name, List<String> names) {
        names.forEach(n -> require(columns.containsKey(n), "has no column " + n));
        uniques.put(name, names);
        return this;
    }

    public TableCopy dropUnique(String name) {
        require(uniques.remove(name) != null, "has no unique constraint " + name);
        return this;
    }

    public TableCopy addCheck(String name, String sql) {
        checks.put(name, new CheckConstraint(name, name, sql));
        return this;
    }

    public TableCopy dropCheck(String name) {
        require(checks.remove(name) != null, "has no check constraint " + name);
        return this;
    }

    public TableCopy addForeignKey(ForeignKey key) {
        foreignKeys.put(key.name(), key);
        return this;
    }

    public TableCopy dropForeignKey(String name) {
        require(foreignKeys.remove(name) != null, "has no foreign key " + name);
        return this;
    }

    /** The new table, in metadata of its own, with the current table's name. */
    public Table build() {
        List<TableElement> elements = new ArrayList<>(columns.values());
        uniques.forEach((name, names) -> elements.add(new UniqueConstraint(name, names.stream().<Column<?>>map(columns::get).toList())));
        elements.addAll(checks.values());
        for (ForeignKey fk : foreignKeys.values()) {
            List<Column<?>> local = fk.columns().stream().<Column<?>>map(c -> columns.get(c.name())).toList();
            elements.add(new ForeignKey(fk.name(), local, fk.referenced(), fk.onDelete(), fk.onUpdate()));
        }
        return new MetaData(current.metadata().namingConvention()).table(current.name(), elements.toArray(TableElement[]::new));
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new MigrationException("table " + current.name() + " " + what + " in the database; check the migration against the schema");
        }
    }
}
