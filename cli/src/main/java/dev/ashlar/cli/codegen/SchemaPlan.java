package dev.ashlar.cli.codegen;

import dev.ashlar.cli.codegen.ModelClass.ColumnField;
import dev.ashlar.cli.codegen.ModelClass.Kind;
import dev.ashlar.cli.codegen.ModelClass.RelationField;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what is generated for a reflected schema: which tables become models (and which are left
 * out, and why), the names of classes and fields, and the relationships each foreign key gives.
 * Every name is derived from the schema alone, in table and column order, so the same schema always
 * gives the same plan.
 */
final class SchemaPlan {
    final List<ModelClass> models = new ArrayList<>();
    /** Tables left out, with the reason, by table name. */
    final Map<String, String> skipped = new LinkedHashMap<>();
    private final Map<Table, ModelClass> byTable = new LinkedHashMap<>();

    private SchemaPlan() {
    }

    /**
     * Plans the models of {@code tables}.
     *
     * @throws CodegenException listing every table and column that models cannot declare
     */
    static SchemaPlan of(List<Table> tables) {
        SchemaPlan plan = new SchemaPlan();
        List<Table> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparing(Table::name));
        List<Table> mapped = new ArrayList<>();
        for (Table table : sorted) {
            if (table.primaryKey().isEmpty()) {
                plan.skipped.put(table.name(), "it has no primary key, and a model needs one to tell its rows apart "
                        + "(to load, update and delete one row); add a primary key to the table and run codegen again");
            } else {
                mapped.add(table);
            }
        }
        List<String> problems = new ArrayList<>();
        Set<Table> selected = new HashSet<>(mapped);
        for (Table table : mapped) {
            problems.addAll(TableCheck.problems(table, selected, plan.skipped.keySet()));
        }
        if (!problems.isEmpty()) {
            throw new CodegenException(problems);
        }
        plan.name(mapped);
        plan.relate(mapped);
        return plan;
    }

    private void name(List<Table> tables) {
        Set<String> classes = new HashSet<>();
        for (Table table : tables) {
            String base = JavaNames.className(table.name());
            String name = base;
            // case-insensitively distinct, since the files may land on a case-insensitive file system
            for (int i = 2; classes.contains(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + i;
            }
            classes.add(name.toLowerCase(Locale.ROOT));
            ModelClass model = new ModelClass(table, name);
            for (Column<?> column : table.columns()) {
                ForeignKey key = table.foreignKeys().stream().filter(fk -> fk.columns().contains(column)).findFirst().orElse(null);
                model.columns.put(column, new ColumnField(column, model.freeName(JavaNames.fieldName(column.name())), key));
            }
            models.add(model);
            byTable.put(table, model);
        }
    }

    private void relate(List<Table> tables) {
        // owning sides first, named after their key columns; inverse sides then take what is left
        List<Runnable> inverses = new ArrayList<>();
        for (Table table : tables) {
            ModelClass owner = byTable.get(table);
            List<ForeignKey> keys = table.foreignKeys();
            boolean pureLink = isPureLink(table);
            boolean associative = pureLink || isLinkWithData(table);
            for (ForeignKey fk : keys) {
                ModelClass target = byTable.get(fk.referencedTable());
                ColumnField field = owner.columns.get(fk.columns().get(0));
                boolean unique = isUnique(table, fk.columns().get(0));
                String name = owner.freeName(relationName(field.name(), target.name, owner));
                long sameTarget = keys.stream().filter(k -> k.referencedTable() == fk.referencedTable()).count();
                String key = sameTarget > 1 ? field.name() : "";
                owner.relations.add(new RelationField(unique ? Kind.ONE_TO_ONE : Kind.MANY_TO_ONE, name, target, key, "", null));
                if (!pureLink) {
                    inverses.add(() -> {
                        String base = unique ? JavaNames.decapitalize(owner.name) : JavaNames.plural(JavaNames.decapitalize(owner.name));
                        if (sameTarget > 1 || target == owner) {
                            base += "By" + JavaNames.capitalize(name);
                        }
                        target.relations.add(new RelationField(unique ? Kind.ONE_TO_ONE_INVERSE : Kind.ONE_TO_MANY,
                                target.freeName(base), owner, "", name, null));
                    });
                }
            }
            if (pureLink) {
                ModelClass a = byTable.get(keys.get(0).referencedTable());
                ModelClass b = byTable.get(keys.get(1).referencedTable());
                owner.notes.add("The association table of the many-to-many relationship between {@link " + a.name + "} and {@link "
                        + b.name + "}: it holds nothing but their keys.");
                inverses.add(() -> {
                    a.relations.add(new RelationField(Kind.MANY_TO_MANY, manyName(a, b, owner), b, "", "", owner));
                    b.relations.add(new RelationField(Kind.MANY_TO_MANY, manyName(b, a, owner), a, "", "", owner));
                });
            } else if (associative) {
                owner.notes.add("An association model: it links {@link " + byTable.get(keys.get(0).referencedTable()).name
                        + "} and {@link " + byTable.get(keys.get(1).referencedTable()).name + "} and holds data of its own.");
            }
        }
        inverses.forEach(Runnable::run);
    }

    private static String manyName(ModelClass side, ModelClass other, ModelClass through) {
        String base = JavaNames.plural(JavaNames.decapitalize(other.name));
        return side.fieldNames().contains(base) ? side.freeName(base + "Via" + through.name) : side.freeName(base);
    }

    /**
     * The name of a to-one relationship held in {@code keyField}: the field without its {@code Id}
     * ({@code supportRepId} gives {@code supportRep}, or {@code supportRepRef} when a column has that
     * name), else the field and the target ({@code reportsTo} gives {@code reportsToEmployee}).
     */
    private static String relationName(String keyField, String targetClass, ModelClass owner) {
        if (keyField.endsWith("Id") && keyField.length() > 2) {
            String base = keyField.substring(0, keyField.length() - 2);
            return owner.fieldNames().contains(base) ? base + "Ref" : base;
        }
        return keyField.equalsIgnoreCase(targetClass) ? keyField + "Ref" : keyField + targetClass;
    }

    /** Two foreign keys to two different tables, one column each, which are the whole table and its primary key. */
    private static boolean isPureLink(Table table) {
        return isLink(table) && table.columns().size() == 2 && table.primaryKey().size() == 2;
    }

    /** A link between two tables (keys as in {@link #isPureLink}, in the primary key) with other columns too. */
    private static boolean isLinkWithData(Table table) {
        return isLink(table) && table.columns().size() > 2;
    }

    private static boolean isLink(Table table) {
        List<ForeignKey> keys = table.foreignKeys();
        return keys.size() == 2 && keys.get(0).referencedTable() != keys.get(1).referencedTable()
                && keys.stream().allMatch(k -> table.primaryKey().contains(k.columns().get(0)))
                && keys.get(0).columns().get(0) != keys.get(1).columns().get(0);
    }

    /** Whether the column alone is unique: the whole primary key, a unique constraint or a plain unique index on it alone. */
    static boolean isUnique(Table table, Column<?> column) {
        List<Column<?>> alone = List.of(column);
        if (table.primaryKey().equals(alone)) {
            return true;
        }
        for (UniqueConstraint uq : table.uniqueConstraints()) {
            if (uq.columns().equals(alone)) {
                return true;
            }
        }
        for (Index ix : table.indexes()) {
            if (ix.unique() && ix.where() == null && !ix.isExpressionIndex() && ix.columns().equals(alone)) {
                return true;
            }
        }
        return false;
    }
}
