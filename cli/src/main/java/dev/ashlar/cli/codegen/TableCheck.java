package dev.ashlar.cli.codegen;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a table holds that model annotations cannot declare. Codegen writes models whose schema is
 * exactly the database's (its tests create the models' schema and compare it with the source), so
 * anything a model would silently lose stops the run instead, named here with what to do.
 */
final class TableCheck {
    private TableCheck() {
    }

    /** The problems of {@code table}, each naming the table and, where one is at fault, the column. */
    static List<String> problems(Table table, Set<Table> selected, Set<String> skipped) {
        List<String> out = new ArrayList<>();
        String where = "table " + table.name();
        List<Column<?>> key = table.primaryKey();
        for (Column<?> c : table.columns()) {
            String at = where + ", column " + c.name() + ": ";
            if (FieldTypes.of(c.type()) == null) {
                out.add(at + "its type " + c.type().describe() + " has no model field type");
            }
            if (c.serverDefault() != null && !(c.serverDefault() instanceof ServerDefault.Literal)) {
                out.add(at + "its default " + describe(c.serverDefault())
                        + " is an expression, and models declare literal defaults only (@DatabaseDefault)");
            }
            if (c.comment() != null && !c.comment().isEmpty()) {
                out.add(at + "it has a comment, which models cannot declare");
            }
            boolean singleIntegerKey = key.size() == 1 && c.isPrimaryKey() && isInteger(c);
            if (c.isAutoincrement() && !singleIntegerKey) {
                out.add(at + "the database generates its values, which models declare only for a single integer primary key");
            }
            if (c.isPrimaryKey() && c.isNullable()) {
                out.add(at + "it is part of the primary key yet accepts NULL, which models cannot declare; add NOT NULL");
            }
            long keys = table.foreignKeys().stream().filter(fk -> fk.columns().contains(c)).count();
            if (keys > 1) {
                out.add(at + "it is in " + keys + " foreign keys, and a model field references one model");
            }
        }
        if (table.comment() != null && !table.comment().isEmpty()) {
            out.add(where + ": it has a comment, which models cannot declare");
        }
        for (ForeignKey fk : table.foreignKeys()) {
            String at = where + ", foreign key " + (fk.name() == null ? "" : fk.name() + " ") + names(fk.columns()) + " -> "
                    + fk.referencedTable().name() + names(fk.referenced()) + ": ";
            Table target = fk.referencedTable();
            if (fk.columns().size() != 1) {
                out.add(at + "it has " + fk.columns().size() + " columns, and models declare single-column foreign keys (@References)");
            } else if (skipped.contains(target.name())) {
                out.add(at + "table " + target.name() + " has no primary key, so it gets no model to reference");
            } else if (!selected.contains(target)) {
                out.add(at + "table " + target.name() + " is not among the tables to generate; add it to --tables");
            } else if (!target.primaryKey().equals(fk.referenced())) {
                out.add(at + "it references columns other than the primary key of " + target.name()
                        + ", and @References points at a model's primary key");
            } else if (fk.columns().get(0).type().javaType() != fk.referenced().get(0).type().javaType()) {
                out.add(at + "its column is " + fk.columns().get(0).type().describe() + " but the key it references is "
                        + fk.referenced().get(0).type().describe() + ", and a model field must hold the type of the key it references");
            }
        }
        for (Index ix : table.indexes()) {
            String at = where + ", index " + ix.name() + ": ";
            if (ix.isExpressionIndex()) {
                out.add(at + "it indexes expressions, which models cannot declare (@IndexOn names fields)");
            } else if (ix.where() != null) {
                out.add(at + "it is partial (WHERE " + ix.where() + "), which models cannot declare");
            } else if (ix.descending().contains(true)) {
                out.add(at + "it sorts a column descending, which models cannot declare");
            }
        }
        return out;
    }

    private static boolean isInteger(Column<?> c) {
        Class<?> j = c.type().javaType();
        return j == Integer.class || j == Long.class || j == Short.class;
    }

    private static String describe(ServerDefault d) {
        return d instanceof ServerDefault.Expression e ? e.sql() : "CURRENT_TIMESTAMP";
    }

    private static String names(List<Column<?>> columns) {
        return "(" + String.join(", ", columns.stream().map(Column::name).toList()) + ")";
    }
}
