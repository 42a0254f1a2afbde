package dev.ashlar.core.sql;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** Infers a join's ON condition from the foreign keys between the joined table and those before it. */
final class JoinConditions {
    private JoinConditions() {
    }

    static Condition infer(List<FromItem> existing, FromItem target) {
        Table targetTable = tableOf(target);
        if (targetTable == null) {
            throw new dev.ashlar.core.error.AshlarException("cannot infer how to join " + describe(target) + ": it is not a table; give the ON condition");
        }
        List<Condition> candidates = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (FromItem item : existing) {
            Table table = tableOf(item);
            if (table == null) {
                continue;
            }
            for (ForeignKey fk : targetTable.foreignKeys()) {
                if (fk.referencedTable() == table) {
                    candidates.add(condition(fk, target, item));
                    keys.add(fk.name());
                }
            }
            for (ForeignKey fk : table.foreignKeys()) {
                if (fk.referencedTable() == targetTable) {
                    candidates.add(condition(fk, item, target));
                    keys.add(fk.name());
                }
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String names = existing.stream().map(JoinConditions::describe).toList().toString();
        if (candidates.isEmpty()) {
            throw new dev.ashlar.core.error.AshlarException("no foreign key links " + describe(target) + " to " + names
                    + "; give the ON condition");
        }
        throw new dev.ashlar.core.error.AshlarException("joining " + describe(target) + " to " + names + " is ambiguous: "
                + candidates.size() + " foreign-key paths (" + String.join(", ", keys) + "); give the ON condition");
    }

    private static Condition condition(ForeignKey fk, FromItem referencing, FromItem referenced) {
        Condition on = null;
        for (int i = 0; i < fk.columns().size(); i++) {
            Condition c = new Comparison(ref(referencing, fk.columns().get(i)), Operator.EQ, ref(referenced, fk.referenced().get(i)));
            on = on == null ? c : on.and(c);
        }
        return on;
    }

    private static Expression<?> ref(FromItem item, Column<?> column) {
        return item instanceof TableAlias alias ? alias.col(column) : column;
    }

    private static Table tableOf(FromItem item) {
        if (item instanceof Table t) {
            return t;
        }
        return item instanceof TableAlias a ? a.table() : null;
    }

    private static String describe(FromItem item) {
        if (item instanceof Table t) {
            return t.name();
        }
        if (item instanceof TableAlias a) {
            return a.table().name() + " AS " + a.alias();
        }
        if (item instanceof DerivedTable d) {
            return "(subquery) AS " + d.alias();
        }
        return item instanceof Cte c ? c.name() : item.toString();
    }
}
