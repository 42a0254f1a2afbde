package dev.ashlar.core.engine;

import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.CompoundSelect;
import dev.ashlar.core.sql.Cte;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.DerivedTable;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Join;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SqlNode;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.core.sql.Update;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table names a DSL statement reads or writes, read from its tree for {@link StatementEvent#tables()}:
 * the target of a write first, then FROM and JOIN tables, descending into unions, CTEs, derived tables
 * and INSERT ... SELECT. Names only, never values.
 */
final class StatementTables {
    private StatementTables() {
    }

    static List<String> of(SqlNode node) {
        if (node == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        collect(node, names);
        return List.copyOf(new ArrayList<>(names));
    }

    private static void collect(SqlNode node, Set<String> names) {
        if (node instanceof Table t) {
            names.add(t.name());
        } else if (node instanceof TableAlias a) {
            names.add(a.table().name());
        } else if (node instanceof Insert i) {
            names.add(i.table().name());
            if (i.select() != null) {
                collect(i.select(), names);
            }
        } else if (node instanceof Update u) {
            names.add(u.table().name());
        } else if (node instanceof Delete d) {
            names.add(d.table().name());
        } else if (node instanceof Select s) {
            for (Cte cte : s.ctes()) {
                collect(cte.query(), names);
            }
            for (SqlNode from : s.from()) {
                collect(from, names);
            }
            for (Join join : s.joins()) {
                collect(join.target(), names);
            }
        } else if (node instanceof CompoundSelect c) {
            collect(c.first(), names);
            for (CompoundSelect.Part part : c.parts()) {
                collect(part.query(), names);
            }
        } else if (node instanceof DerivedTable d) {
            collect(d.query(), names);
        } else if (node instanceof Cte cte) {
            collect(cte.query(), names);
        }
    }
}
