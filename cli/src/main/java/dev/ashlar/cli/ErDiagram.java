package dev.ashlar.cli;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Mermaid {@code erDiagram} of a schema: each table with its columns, types and keys (PK, FK,
 * UK), and one relationship per foreign key, with its cardinality: exactly one or zero-or-one
 * parent (NOT NULL or nullable key columns), and many children or at most one (key columns that are
 * unique). Output depends only on the schema, so it can be checked into a README and compared.
 */
final class ErDiagram {
    private ErDiagram() {
    }

    static String render(MetaData md) {
        StringBuilder b = new StringBuilder("erDiagram\n");
        for (Table table : md.tables()) {
            b.append("    ").append(entity(table)).append(" {\n");
            Set<Column<?>> foreign = new HashSet<>();
            table.foreignKeys().forEach(fk -> foreign.addAll(fk.columns()));
            for (Column<?> c : table.columns()) {
                b.append("        ").append(type(c)).append(' ').append(word(c.name()));
                String keys = String.join(", ", keys(table, c, foreign));
                if (!keys.isEmpty()) {
                    b.append(' ').append(keys);
                }
                if (!word(c.name()).equals(c.name())) {
                    b.append(" \"").append(c.name().replace("\"", "'")).append('"');
                }
                b.append('\n');
            }
            b.append("    }\n");
        }
        for (Table table : md.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                boolean optional = fk.columns().stream().anyMatch(Column::isNullable);
                boolean single = unique(table, fk.columns());
                b.append("    ").append(word(fk.referencedTable().name())).append(' ')
                        .append(optional ? "|o" : "||").append("--").append(single ? "o|" : "o{").append(' ')
                        .append(word(table.name())).append(" : \"")
                        .append(String.join(", ", fk.columns().stream().map(Column::name).toList()).replace("\"", "'")).append("\"\n");
            }
        }
        return b.toString();
    }

    private static String entity(Table table) {
        String w = word(table.name());
        return w.equals(table.name()) ? w : w + "[\"" + table.name().replace("\"", "'") + "\"]";
    }

    private static List<String> keys(Table table, Column<?> c, Set<Column<?>> foreign) {
        List<String> keys = new java.util.ArrayList<>();
        if (c.isPrimaryKey()) {
            keys.add("PK");
        }
        if (foreign.contains(c)) {
            keys.add("FK");
        }
        if (!c.isPrimaryKey() && unique(table, List.of(c))) {
            keys.add("UK");
        }
        return keys;
    }

    /** Whether {@code columns} are unique together: the primary key, a unique constraint or a plain unique index over exactly them. */
    private static boolean unique(Table table, List<Column<?>> columns) {
        Set<Column<?>> set = Set.copyOf(columns);
        if (!table.primaryKey().isEmpty() && Set.copyOf(table.primaryKey()).equals(set)) {
            return true;
        }
        if (table.uniqueConstraints().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(set))) {
            return true;
        }
        return table.indexes().stream().anyMatch(ix -> ix.unique() && ix.where() == null && !ix.isExpressionIndex()
                && Set.copyOf(ix.columns()).equals(set));
    }

    /** The column's type as a Mermaid attribute type: {@code numeric(10,2)}, {@code string(100)}. */
    private static String type(Column<?> c) {
        String t = c.type().describe().toLowerCase(Locale.ROOT).replace(" ", "");
        return t.replaceAll("[^a-z0-9_(),\\[\\]-]", "_");
    }

    /** A name as a Mermaid identifier: letters, digits, {@code _} and {@code -}; other characters become {@code _}. */
    private static String word(String name) {
        String w = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return w.isEmpty() || Character.isDigit(w.charAt(0)) || w.charAt(0) == '-' ? "_" + w : w;
    }
}
