package dev.ashlar.core.reflect;

import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Comment;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.SqlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds metadata from a catalog. Every column object is made first, so that foreign keys can
 * point at columns of tables defined later (cycles, self-references), as models do.
 */
final class Reflection {
    private final CatalogReader catalog;
    private final Connection c;

    Reflection(CatalogReader catalog, Connection c) {
        this.catalog = catalog;
        this.c = c;
    }

    MetaData read(Collection<String> tables) throws SQLException {
        Map<String, Map<String, Column<?>>> columns = new LinkedHashMap<>();
        Map<String, List<TableElement>> elements = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> pk = catalog.primaryKey(c, table);
            Map<String, Column<?>> byName = new LinkedHashMap<>();
            List<TableElement> parts = new ArrayList<>();
            for (ColumnInfo info : catalog.columns(c, table)) {
                Column<?> column = column(info, pk.contains(info.name()));
                byName.put(info.name(), column);
                parts.add(column);
            }
            if (byName.isEmpty()) {
                throw new UsageException("table " + table + " does not exist (or has no columns) in the database; "
                        + "check its name and schema (Inspector.tableNames() lists the tables)");
            }
            // the key's column order is the constraint's, which may differ from the table's
            if (pk.size() > 1 && !pk.equals(byName.keySet().stream().filter(pk::contains).toList())) {
                List<TableElement> ordered = new ArrayList<>();
                pk.forEach(name -> ordered.add(byName.get(name)));
                parts.stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
                parts = ordered;
            }
            columns.put(table, byName);
            elements.put(table, parts);
        }
        MetaData md = new MetaData();
        for (String table : tables) {
            Map<String, Column<?>> own = columns.get(table);
            List<TableElement> parts = elements.get(table);
            for (ForeignKeyInfo fk : catalog.foreignKeys(c, table)) {
                Map<String, Column<?>> target = columns.get(fk.referencedTable());
                if (target == null) {
                    continue;
                }
                parts.add(new ForeignKey(fk.name(), pick(own, fk.columns(), table), pick(target, fk.referencedColumns(), fk.referencedTable()),
                        action(fk.onDelete()), action(fk.onUpdate())));
            }
            for (UniqueInfo uq : catalog.uniqueConstraints(c, table)) {
                parts.add(new UniqueConstraint(uq.name(), pick(own, uq.columns(), table)));
            }
            int unnamed = 0;
            for (CheckInfo ck : catalog.checks(c, table)) {
                // SQLite keeps checks written without a name nameless; label them so the naming convention names them.
                parts.add(new CheckConstraint(ck.name(), ck.name() == null ? "check" + ++unnamed : null, ck.sql()));
            }
            for (IndexInfo ix : catalog.indexes(c, table)) {
                parts.add(new Index(ix.name(), pick(own, ix.columns(), table), ix.unique(), ix.descending(), ix.expressions(), ix.where()));
            }
            String comment = catalog.tableComment(c, table);
            if (comment != null) {
                parts.add(Comment.of(comment));
            }
            md.table(table, parts.toArray(TableElement[]::new));
        }
        for (ViewInfo view : catalog.views(c)) {
            md.view(view.name(), view.definition());
        }
        return md;
    }

    private Column<?> column(ColumnInfo info, boolean primaryKey) {
        SqlType<?> type = catalog.type(info);
        Column<?> column = Column.of(info.name(), type);
        if (primaryKey) {
            column.primaryKey();
        }
        column.nullable(info.nullable()).autoincrement(info.autoincrement()).comment(info.comment());
        var serverDefault = info.autoincrement() ? null : catalog.serverDefault(info, type);
        if (serverDefault != null) {
            column.serverDefault(serverDefault);
        }
        return column;
    }

    private static List<Column<?>> pick(Map<String, Column<?>> columns, List<String> names, String table) {
        List<Column<?>> out = new ArrayList<>();
        for (String name : names) {
            Column<?> column = columns.get(name);
            if (column == null) {
                throw new AshlarException("the catalog names column " + name + " of table " + table + ", which it does not list; "
                        + "the catalog changed while it was read, so reflect again");
            }
            out.add(column);
        }
        return out;
    }

    private static ReferentialAction action(String sql) {
        return sql == null ? ReferentialAction.NO_ACTION : ReferentialAction.valueOf(sql.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
