package dev.ashlar.cli.codegen;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of one generated model: its class name, a field per column, and its relationship
 * fields. {@link SchemaPlan} fills it; {@link ModelSource} writes it.
 */
final class ModelClass {
    /** How a relationship field relates its model to the target. */
    enum Kind { MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, ONE_TO_ONE_INVERSE, MANY_TO_MANY }

    /** A column's field; {@code key} is the foreign key it holds, or {@code null}. */
    record ColumnField(Column<?> column, String name, ForeignKey key) {
    }

    /**
     * A relationship field. {@code key} names the foreign key field when the owner needs it said,
     * {@code mappedBy} the owning side's field for inverse sides, {@code through} the association
     * model of a many-to-many.
     */
    record RelationField(Kind kind, String name, ModelClass target, String key, String mappedBy, ModelClass through) {
    }

    final Table table;
    final String name;
    final Map<Column<?>, ColumnField> columns = new LinkedHashMap<>();
    final List<RelationField> relations = new ArrayList<>();
    /** Sentences for the class comment: what kind of table this is. */
    final List<String> notes = new ArrayList<>();

    ModelClass(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    /** Every field name in use: columns and relationships. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        columns.values().forEach(c -> names.add(c.name()));
        relations.forEach(r -> names.add(r.name()));
        return names;
    }

    /** {@code base}, or {@code base2}, {@code base3}... when a field of this class already has it. */
    String freeName(String base) {
        List<String> used = fieldNames();
        String name = JavaNames.safe(base);
        // MODEL and TABLE are the metamodel's own constants (Item_.MODEL, Item_.TABLE)
        for (int i = 2; used.contains(name) || name.equals("MODEL") || name.equals("TABLE"); i++) {
            name = base + i;
        }
        return name;
    }
}
