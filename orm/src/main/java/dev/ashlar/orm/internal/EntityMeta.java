package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.declarative.ModelInfo;
import dev.ashlar.declarative.internal.ModelMapping;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the session knows about one model class: the declarative mapping, its key and version
 * bindings, and its relationships. Made once per class and registry by {@link Metamodel}.
 */
public final class EntityMeta {
    private final ModelInfo<?> info;
    private final ModelMapping mapping;
    private final List<Binding> key;
    private final Binding version;
    private final Map<String, Binding> byField = new HashMap<>();
    private final Map<String, RelationshipMeta> relationships = new LinkedHashMap<>();
    /** {@link #relationships} as a list, made once: it is read for every object loaded. */
    private List<RelationshipMeta> relationshipList = List.of();
    /** Positions of the key bindings in {@link ModelMapping#bindings()}. */
    private final int[] keyIndexes;
    private final String selectOrigin;
    private final boolean lifecycle;
    /** Whether some mapped column has an on-update value (then updates are built one by one). */
    private final boolean onUpdate;
    /** UPDATE templates by the set of changed bindings (bit {@code i} for binding {@code i}). */
    private final Map<Long, dev.ashlar.core.engine.StatementTemplate> updateTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile dev.ashlar.core.engine.StatementTemplate byKey;
    private final Map<InsertShape, dev.ashlar.core.engine.StatementTemplate> insertTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    EntityMeta(ModelInfo<?> info, Binding version) {
        this.info = info;
        this.mapping = info.mapping();
        for (Binding b : mapping.bindings()) {
            byField.put(b.field(), b);
        }
        List<Binding> keys = new ArrayList<>();
        for (Column<?> pk : mapping.table().primaryKey()) {
            for (Binding b : mapping.bindings()) {
                if (b.column() == pk) {
                    keys.add(b);
                }
            }
        }
        this.key = List.copyOf(keys);
        this.keyIndexes = new int[key.size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            keyIndexes[i] = mapping.bindings().indexOf(key.get(i));
        }
        this.version = version;
        this.selectOrigin = "session.select(" + info.type().getSimpleName() + ".class)";
        this.lifecycle = dev.ashlar.orm.Lifecycle.class.isAssignableFrom(info.type());
        boolean anyOnUpdate = false;
        for (Binding b : mapping.bindings()) {
            anyOnUpdate |= b.column().onUpdate() != null;
        }
        this.onUpdate = anyOnUpdate;
    }

    /**
     * The load of one row by primary key, compiled once per model rather than per {@code get}:
     * the model's select with one slot per key column, in key order. {@code null} when the select
     * does not read exactly the bindings in order (then the general query path reads it).
     */
    public dev.ashlar.core.engine.StatementTemplate byKeyTemplate() {
        dev.ashlar.core.engine.StatementTemplate t = byKey;
        if (t == null && !key.isEmpty()) {
            dev.ashlar.core.sql.Select select = info.select();
            if (!isIdentity(positionsIn(select.columns()), select.columns().size())) {
                return null;
            }
            dev.ashlar.core.sql.Param<?>[] slots = new dev.ashlar.core.sql.Param<?>[key.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = slotOf(key.get(i).column());
                select = whereSlot(select, key.get(i).column(), slots[i]);
            }
            byKey = t = dev.ashlar.core.engine.StatementTemplate.of(select, slots);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <T> dev.ashlar.core.sql.Select whereSlot(dev.ashlar.core.sql.Select select, Column<T> column, dev.ashlar.core.sql.Param<?> slot) {
        dev.ashlar.core.sql.Expression<T> value = (dev.ashlar.core.sql.Param<T>) slot;
        return select.where(column.eq(value));
    }

    /**
     * The multi-row INSERT ... RETURNING into {@code table} of {@code rows} rows setting {@code columns} and reading
     * back {@code returning}, compiled once per shape (a few shapes per model: full chunks and
     * the last, shorter one). Kept for at most {@link #MAX_INSERT_TEMPLATES} shapes.
     */
    public dev.ashlar.core.engine.StatementTemplate insertTemplate(dev.ashlar.core.schema.Table table, List<Column<?>> columns, int rows,
                                                                  List<Column<?>> returning) {
        InsertShape shapeKey = new InsertShape(table, columns, rows, returning);
        dev.ashlar.core.engine.StatementTemplate t = insertTemplates.get(shapeKey);
        if (t == null) {
            dev.ashlar.core.sql.Insert insert = dev.ashlar.core.sql.Sql.insertInto(table);
            dev.ashlar.core.sql.Param<?>[] slots = new dev.ashlar.core.sql.Param<?>[rows * columns.size()];
            int n = 0;
            for (int r = 0; r < rows; r++) {
                if (r > 0) {
                    insert = insert.nextRow();
                }
                for (Column<?> column : columns) {
                    dev.ashlar.core.sql.Param<?> slot = slotOf(column);
                    insert = setSlot(insert, column, slot);
                    slots[n++] = slot;
                }
            }
            insert = insert.returning(returning.toArray(new Column<?>[0]));
            t = dev.ashlar.core.engine.StatementTemplate.of(insert, slots);
            if (insertTemplates.size() >= MAX_INSERT_TEMPLATES) {
                insertTemplates.clear(); // odd row counts of many flushes would otherwise pile up
            }
            insertTemplates.put(shapeKey, t);
        }
        return t;
    }

    private static <T> dev.ashlar.core.sql.Param<T> slotOf(Column<T> column) {
        return dev.ashlar.core.engine.StatementTemplate.slot(column.type());
    }

    @SuppressWarnings("unchecked")
    private static <T> dev.ashlar.core.sql.Insert setSlot(dev.ashlar.core.sql.Insert insert, Column<T> column, dev.ashlar.core.sql.Param<?> slot) {
        return insert.set(column, (dev.ashlar.core.sql.Param<T>) slot);
    }

    /** Insert templates kept per model. */
    static final int MAX_INSERT_TEMPLATES = 16;

    private record InsertShape(dev.ashlar.core.schema.Table table, List<Column<?>> columns, int rows, List<Column<?>> returning) {
    }

    void addRelationship(RelationshipMeta r) {
        relationships.put(r.name(), r);
        relationshipList = List.copyOf(relationships.values());
    }

    /** The model class. */
    public Class<?> type() {
        return info.type();
    }

    /** {@code session.select(Item.class)}: how N+1 messages name a result of this model's query (made once, not per query). */
    public String selectOrigin() {
        return selectOrigin;
    }

    /** The simple class name, for messages. */
    public String name() {
        return info.type().getSimpleName();
    }

    /** The declarative model. */
    public ModelInfo<?> info() {
        return info;
    }

    /** The resolved field bindings. */
    public ModelMapping mapping() {
        return mapping;
    }

    /** The model's table. */
    public Table table() {
        return mapping.table();
    }

    /**
     * Whether an UPDATE of this model can go out through {@link #updateTemplate}: no version check,
     * no on-update values, and at most 64 mapped columns (the changed set is a bit mask).
     */
    public boolean updatesByTemplate() {
        return version == null && !onUpdate && mapping.bindings().size() <= 64 && !key.isEmpty();
    }

    /**
     * The UPDATE of the bindings in {@code changed} (bit {@code i} for binding {@code i}) by primary
     * key, compiled once per set of changed columns: its slots are the changed values in binding
     * order, then the key values in key order. {@code null} once 64 sets are cached (a model whose
     * updates change ever other columns then builds each UPDATE, as before).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public dev.ashlar.core.engine.StatementTemplate updateTemplate(long changed) {
        dev.ashlar.core.engine.StatementTemplate t = updateTemplates.get(changed);
        if (t == null) {
            if (updateTemplates.size() >= 64) {
                return null;
            }
            List<Binding> bindings = mapping.bindings();
            dev.ashlar.core.sql.Update update = dev.ashlar.core.sql.Sql.update(table());
            List<dev.ashlar.core.sql.Param<?>> slots = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                if ((changed & (1L << i)) != 0) {
                    dev.ashlar.core.sql.Param<?> slot = slotOf(bindings.get(i).column());
                    update = setSlot(update, bindings.get(i).column(), slot);
                    slots.add(slot);
                }
            }
            dev.ashlar.core.sql.Condition where = null;
            for (Binding b : key) {
                Column column = b.column();
                dev.ashlar.core.sql.Param slot = dev.ashlar.core.engine.StatementTemplate.slot(column.type());
                dev.ashlar.core.sql.Condition part = column.eq((dev.ashlar.core.sql.Expression) slot);
                where = where == null ? part : where.and(part);
                slots.add(slot);
            }
            update = update.where(where);
            t = dev.ashlar.core.engine.StatementTemplate.write(update, slots.toArray(new dev.ashlar.core.sql.Param<?>[0]));
            updateTemplates.putIfAbsent(changed, t);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <T> dev.ashlar.core.sql.Update setSlot(dev.ashlar.core.sql.Update update, Column<T> column, dev.ashlar.core.sql.Param<?> slot) {
        dev.ashlar.core.sql.Expression<T> value = (dev.ashlar.core.sql.Param<T>) slot;
        return update.set(column, value);
    }

    /** Positions of the key bindings among the mapped bindings, in key order (do not change the array). */
    public int[] keyIndexes() {
        return keyIndexes;
    }

    /** Whether the model's objects have {@link dev.ashlar.orm.Lifecycle} hooks, which loading must call. */
    public boolean hasLifecycle() {
        return lifecycle;
    }

    /** Whether the model is a record: read-only to change tracking. */
    public boolean isRecord() {
        return mapping.isRecord();
    }

    /** The primary key bindings in key order. */
    public List<Binding> key() {
        return key;
    }

    /** The {@code @Version} binding, or {@code null}. */
    public Binding version() {
        return version;
    }

    /** The binding of a mapped field, or {@code null}. */
    public Binding binding(String field) {
        return byField.get(field);
    }

    /** The relationships in declaration order. */
    public List<RelationshipMeta> relationships() {
        return relationshipList;
    }

    /** A relationship by field name; an {@link IllegalArgumentException} lists the model's relationships. */
    public RelationshipMeta relationship(String field) {
        RelationshipMeta r = relationships.get(field);
        if (r == null) {
            throw new IllegalArgumentException(name() + " has no relationship '" + field + "'; its relationships are "
                    + relationships.keySet());
        }
        return r;
    }

    /** The value of a mapped field. */
    public Object get(Object model, Binding b) {
        return mapping.get(model, b);
    }

    /** Sets a mapped field of a (mutable) model. */
    public void set(Object model, Binding b, Object value) {
        mapping.with(model, java.util.Collections.singletonMap(b, value));
    }

    /** All mapped values in binding order: the snapshot change tracking compares against. */
    public Object[] snapshot(Object model) {
        List<Binding> bs = mapping.bindings();
        Object[] values = new Object[bs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = copy(mapping.get(model, bs.get(i)));
        }
        return values;
    }

    private static Object copy(Object v) {
        return v instanceof byte[] bytes ? bytes.clone() : v;
    }

    /** Whether two mapped values are the same for change tracking. */
    public static boolean same(Object a, Object b) {
        return Objects.deepEquals(a, b);
    }

    /** The identity key of a model object, or {@code null} while any key value is unset. */
    public EntityKey keyOf(Object model) {
        List<Object> values = new ArrayList<>(key.size());
        for (Binding b : key) {
            Object v = mapping.get(model, b);
            if (v == null || (b.primitive() && b.column().isAutoincrement() && v instanceof Number n && n.longValue() == 0)) {
                return null;
            }
            values.add(v);
        }
        return new EntityKey(type(), values);
    }

    /**
     * Where each binding's column is among {@code columns} (a select's columns): {@code [i]} is the
     * column position of binding {@code i}; {@code null} when some mapped column is not selected.
     */
    public int[] positionsIn(List<? extends dev.ashlar.core.sql.Expression<?>> columns) {
        List<Binding> bs = mapping.bindings();
        int[] positions = new int[bs.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = columns.indexOf(bs.get(i).column());
            if (positions[i] < 0) {
                return null;
            }
        }
        return positions;
    }

    /** Whether {@link #positionsIn} found the bindings as exactly the selected columns, in order. */
    public static boolean isIdentity(int[] positions, int columnCount) {
        if (positions.length != columnCount) {
            return false;
        }
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The identity key from mapped values in binding order (as {@link #keyOf} would give for the object made from them). */
    public EntityKey keyOfValues(Object[] values) {
        if (keyIndexes.length == 1) {
            Object v = values[keyIndexes[0]];
            return unsetKey(key.get(0), v) ? null : EntityKey.single(type(), v);
        }
        Object[] kv = new Object[keyIndexes.length];
        for (int i = 0; i < kv.length; i++) {
            kv[i] = values[keyIndexes[i]];
            if (unsetKey(key.get(i), kv[i])) {
                return null;
            }
        }
        return new EntityKey(type(), List.of(kv));
    }

    private static boolean unsetKey(Binding b, Object v) {
        return v == null || (b.primitive() && b.column().isAutoincrement() && v instanceof Number n && n.longValue() == 0);
    }

    /**
     * The snapshot for an object just made from {@code values} (binding order): the array itself,
     * unless it holds byte arrays, which the object shares and may change in place, so they are copied.
     */
    public static Object[] snapshotOfValues(Object[] values) {
        Object[] snapshot = values;
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof byte[] bytes) {
                if (snapshot == values) {
                    snapshot = values.clone();
                }
                snapshot[i] = bytes.clone();
            }
        }
        return snapshot;
    }

    /** The identity key from key values given by a caller, converted to the key columns' types. */
    public EntityKey keyFromValues(Object... values) {
        if (values.length != key.size()) {
            throw new IllegalArgumentException(name() + " has a primary key of " + key.size() + " column(s) " + keyFields()
                    + ", got " + values.length + " value(s)");
        }
        if (values.length == 1) {
            // the common case (get by a single-column key) without a list per call
            return EntityKey.single(type(), Values.convert(values[0], key.get(0).column().type().javaType()));
        }
        List<Object> normalised = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            normalised.add(Values.convert(values[i], key.get(i).column().type().javaType()));
        }
        return new EntityKey(type(), normalised);
    }

    /** The names of the key fields. */
    public List<String> keyFields() {
        List<String> names = new ArrayList<>();
        for (Binding b : key) {
            names.add(b.field());
        }
        return names;
    }

    /** {@code Item(id=5)} for messages. */
    public String describe(Object model) {
        StringBuilder sb = new StringBuilder(name()).append('(');
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(key.get(i).field()).append('=').append(mapping.get(model, key.get(i)));
        }
        return sb.append(')').toString();
    }

    /** {@code EntityMeta(Model)}. */
    @Override
    public String toString() {
        return "EntityMeta(" + name() + ")";
    }
}
