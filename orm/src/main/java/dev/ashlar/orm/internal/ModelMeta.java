package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.declarative.MappingException;
import dev.ashlar.declarative.ModelMapping;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the session adds to a model's {@link ModelMapping}: its statements compiled once (load by
 * key, inserts, updates), key extraction from loaded values, and flags read per object. Kept with
 * the mapping as an {@linkplain ModelMapping#extension extension}, so it is made once per model and
 * registry, found without a lock, and collected with the registry.
 */
public final class ModelMeta {
    private final ModelMapping<?> mapping;
    private final List<FieldMapping> key;
    private final FieldMapping version;
    private final List<RelationshipMapping> relationships;
    /** Positions of the key fields in {@link ModelMapping#fields()}. */
    private final int[] keyIndexes;
    private final String selectOrigin;
    private final boolean lifecycle;
    /** Whether some mapped column has an on-update value (then updates are built one by one). */
    private final boolean onUpdate;
    /** Whether a mapped value may be a byte array, which a snapshot must copy (see {@link #snapshotOfValues}). */
    private final boolean mayHoldBytes;
    /*
     * Answers that loading asks once per row, kept here as plain fields rather than asked of the
     * mapping, its lists and its key's column each time: in a CPU profile of the fetch of 100,000
     * rows those calls were about 1% of the ORM's time (bench/NOTES.md, eighteenth round).
     */
    private final boolean record;
    private final boolean hasRelationships;
    /** The position among the mapped values of a one-field key, or -1 for a composite key. */
    private final int singleKeyIndex;
    /**
     * A one-field key whose non-null values may still mean "not yet generated" (a primitive
     * autoincrement field's zero, see {@link FieldMapping#isUnsetKey}), or {@code null}: for any other
     * key, only {@code null} is unset, and loading needs no call per row to learn that.
     */
    private final FieldMapping keyWithUnsetValues;
    /** UPDATE templates by the set of changed fields (bit {@code i} for field {@code i}). */
    private final Map<Long, dev.ashlar.core.engine.StatementTemplate> updateTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile dev.ashlar.core.engine.StatementTemplate byKey;
    private final Map<InsertShape, dev.ashlar.core.engine.StatementTemplate> insertTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    private ModelMeta(ModelMapping<?> mapping) {
        this.mapping = mapping;
        this.key = mapping.key();
        this.keyIndexes = mapping.keyPositions();
        this.version = mapping.version();
        this.relationships = mapping.relationships();
        List<String> problems = new ArrayList<>();
        for (RelationshipMapping r : relationships) {
            // a to-one field holds the session's Ref holder, recognised by its class
            if (!r.kind().isCollection() && r.fieldType() != Ref.class) {
                problems.add(r.path() + ": a to-one relationship must be a Ref<" + r.target().getSimpleName() + "> field");
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingException(mapping.type(), problems);
        }
        this.selectOrigin = "session.select(" + mapping.name() + ".class)";
        this.lifecycle = dev.ashlar.orm.Lifecycle.class.isAssignableFrom(mapping.type());
        boolean anyOnUpdate = false;
        for (FieldMapping b : mapping.fields()) {
            anyOnUpdate |= b.column().onUpdate() != null;
        }
        this.onUpdate = anyOnUpdate;
        boolean bytes = false;
        for (FieldMapping b : mapping.fields()) {
            bytes |= b.column().type().javaType().isAssignableFrom(byte[].class); // byte[], or Object for a database's own type
        }
        this.mayHoldBytes = bytes;
        this.record = mapping.isRecord();
        this.hasRelationships = !relationships.isEmpty();
        boolean single = keyIndexes.length == 1;
        this.singleKeyIndex = single ? keyIndexes[0] : -1;
        this.keyWithUnsetValues = single && key.get(0).isUnsetKey(0L) ? key.get(0) : null;
    }

    /** The session's data for {@code mapping}, made on first use. */
    public static ModelMeta of(ModelMapping<?> mapping) {
        return mapping.extension(ModelMeta.class, ModelMeta::new);
    }

    /** The session's data for the model {@code type} of {@code registry}. */
    public static ModelMeta of(ModelRegistry registry, Class<?> type) {
        return of(registry.of(type));
    }

    /**
     * The load of one row by primary key, compiled once per model rather than per {@code get}:
     * the model's select with one slot per key column, in key order. {@code null} when the select
     * does not read exactly the bindings in order (then the general query path reads it).
     */
    public dev.ashlar.core.engine.StatementTemplate byKeyTemplate() {
        dev.ashlar.core.engine.StatementTemplate t = byKey;
        if (t == null && !key.isEmpty()) {
            dev.ashlar.core.sql.Select select = mapping.select();
            if (!isIdentity(positionsIn(select.columns()), select.columns().size())) {
                return null;
            }
            dev.ashlar.core.sql.Param<?>[] slots = new dev.ashlar.core.sql.Param<?>[key.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = slot(key.get(i).column());
                select = select.where(slotEq(key.get(i).column(), slots[i]));
            }
            byKey = t = dev.ashlar.core.engine.StatementTemplate.of(select, slots);
        }
        return t;
    }

    private static <T> dev.ashlar.core.sql.Param<T> slot(Column<T> column) {
        return dev.ashlar.core.engine.StatementTemplate.slot(column.type());
    }

    @SuppressWarnings("unchecked")
    private static <T> dev.ashlar.core.sql.Condition slotEq(Column<T> column, dev.ashlar.core.sql.Param<?> slot) {
        return column.eq((dev.ashlar.core.sql.Param<T>) slot);
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
                    dev.ashlar.core.sql.Param<?> slot = slot(column);
                    slots[n++] = slot;
                    insert = setSlot(insert, column, slot);
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

    @SuppressWarnings("unchecked")
    private static <T> dev.ashlar.core.sql.Insert setSlot(dev.ashlar.core.sql.Insert insert, Column<T> column,
                                                          dev.ashlar.core.sql.Param<?> slot) {
        dev.ashlar.core.sql.Expression<T> value = (dev.ashlar.core.sql.Param<T>) slot;
        return insert.set(column, value);
    }

    /** Insert templates kept per model. */
    static final int MAX_INSERT_TEMPLATES = 16;

    private record InsertShape(dev.ashlar.core.schema.Table table, List<Column<?>> columns, int rows, List<Column<?>> returning) {
    }

    /** The model class. */
    public Class<?> type() {
        return mapping.type();
    }

    /** {@code session.select(Item.class)}: how N+1 messages name a result of this model's query (made once, not per query). */
    public String selectOrigin() {
        return selectOrigin;
    }

    /** The simple class name, for messages. */
    public String name() {
        return mapping.type().getSimpleName();
    }

    /** The model's mapping. */
    public ModelMapping<?> mapping() {
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
        return version == null && !onUpdate && mapping.fields().size() <= 64 && !key.isEmpty();
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
            List<FieldMapping> bindings = mapping.fields();
            dev.ashlar.core.sql.Update update = dev.ashlar.core.sql.Sql.update(table());
            List<dev.ashlar.core.sql.Param<?>> slots = new ArrayList<>();
            for (int i = 0; i < bindings.size(); i++) {
                if ((changed & (1L << i)) != 0) {
                    dev.ashlar.core.sql.Param<?> slot = slot(bindings.get(i).column());
                    slots.add(slot);
                    update = setSlot(update, bindings.get(i).column(), slot);
                }
            }
            dev.ashlar.core.sql.Condition where = null;
            for (FieldMapping b : key) {
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
    private static <T> dev.ashlar.core.sql.Update setSlot(dev.ashlar.core.sql.Update update, Column<T> column,
                                                          dev.ashlar.core.sql.Param<?> slot) {
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
        return record;
    }

    /** Whether the model declares relationships (to-one or collections). */
    public boolean hasRelationships() {
        return hasRelationships;
    }

    /** The primary key bindings in key order. */
    public List<FieldMapping> key() {
        return key;
    }

    /** The {@code @Version} binding, or {@code null}. */
    public FieldMapping version() {
        return version;
    }

    /** The mapped field {@code field}, or {@code null}. */
    public FieldMapping binding(String field) {
        return mapping.findField(field);
    }

    /** The relationships in declaration order. */
    public List<RelationshipMapping> relationships() {
        return relationships;
    }

    /** A relationship by field name; a {@link dev.ashlar.core.error.UsageException} lists the model's relationships. */
    public RelationshipMapping relationship(String field) {
        return mapping.relationship(field);
    }

    /** The value of a mapped field. */
    public Object get(Object model, FieldMapping b) {
        return b.get(model);
    }

    /** Sets a mapped field of a (mutable) model. */
    public void set(Object model, FieldMapping b, Object value) {
        b.set(model, value);
    }

    /** All mapped values in binding order: the snapshot change tracking compares against. */
    public Object[] snapshot(Object model) {
        List<FieldMapping> bs = mapping.fields();
        Object[] values = new Object[bs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = copy(bs.get(i).get(model));
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
    public ModelKey keyOf(Object model) {
        Object value = keyValueOf(model);
        return value == null ? null : ModelKey.ofValue(type(), value);
    }

    /**
     * The raw identity key value of a model object ({@link ModelKey#value()}), or {@code null} while
     * any key value is unset.
     */
    public Object keyValueOf(Object model) {
        if (key.size() == 1) {
            FieldMapping b = key.get(0);
            Object v = b.get(model);
            return b.isUnsetKey(v) ? null : v;
        }
        Object[] values = new Object[key.size()];
        for (int i = 0; i < values.length; i++) {
            FieldMapping b = key.get(i);
            Object v = b.get(model);
            if (b.isUnsetKey(v)) {
                return null;
            }
            values[i] = v;
        }
        return List.of(values);
    }

    /**
     * Where each binding's column is among {@code columns} (a select's columns): {@code [i]} is the
     * column position of binding {@code i}; {@code null} when some mapped column is not selected.
     */
    public int[] positionsIn(List<? extends dev.ashlar.core.sql.Expression<?>> columns) {
        List<FieldMapping> bs = mapping.fields();
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

    /**
     * The raw identity key value from mapped values in field order (as {@link #keyValueOf} would give
     * for the object made from them), or {@code null} while any is unset.
     */
    public Object keyValueOfValues(Object[] values) {
        if (singleKeyIndex >= 0) {
            Object v = values[singleKeyIndex];
            return v == null || (keyWithUnsetValues != null && keyWithUnsetValues.isUnsetKey(v)) ? null : v;
        }
        Object[] kv = new Object[keyIndexes.length];
        for (int i = 0; i < kv.length; i++) {
            kv[i] = values[keyIndexes[i]];
            if (key.get(i).isUnsetKey(kv[i])) {
                return null;
            }
        }
        return List.of(kv);
    }

    /**
     * The snapshot for an object just made from {@code values} (binding order): the array itself,
     * unless it holds byte arrays, which the object shares and may change in place, so they are copied.
     */
    public Object[] snapshotOfValues(Object[] values) {
        if (!mayHoldBytes) {
            return values; // no field can hold a byte array: nothing to look for, row after row
        }
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

    /**
     * The identity key from key values given by a caller, converted to the key columns' types (an
     * {@code int} for a {@code Long} key is fine).
     *
     * @throws dev.ashlar.orm.InvalidKeyException naming the model and the key's types when the values
     *                                            do not fit the key
     */
    public ModelKey keyFromValues(Object... values) {
        if (values == null || values.length != key.size()) {
            throw invalidKey("got " + (values == null ? "no values" : values.length + " value(s) " + java.util.Arrays.toString(values)));
        }
        if (values.length == 1) {
            // the common case (get by a single-column key) without a list per call
            return ModelKey.single(type(), checked(0, values[0]));
        }
        List<Object> normalised = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            normalised.add(checked(i, values[i]));
        }
        return new ModelKey(type(), normalised);
    }

    private Object checked(int i, Object value) {
        Class<?> expected = key.get(i).column().type().javaType();
        Object converted = Values.convert(value, expected);
        if (converted == null || !expected.isInstance(converted)) {
            throw invalidKey("got " + (value == null ? "null" : describeValue(value) + " (" + value.getClass().getSimpleName() + ")")
                    + " for " + key.get(i).name());
        }
        return converted;
    }

    private static String describeValue(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private dev.ashlar.orm.InvalidKeyException invalidKey(String got) {
        List<Class<?>> types = new ArrayList<>();
        StringBuilder fields = new StringBuilder();
        for (FieldMapping b : key) {
            Class<?> t = b.column().type().javaType();
            types.add(t);
            fields.append(fields.length() == 0 ? "" : ", ").append(b.name()).append(' ').append(t.getSimpleName());
        }
        return new dev.ashlar.orm.InvalidKeyException(type(), types, name() + "'s primary key is (" + fields + "), so a key for it is "
                + (key.size() == 1 ? "one " + types.get(0).getSimpleName() : key.size() + " values of those types, in that order")
                + "; " + got);
    }

    /** The names of the key fields. */
    public List<String> keyFields() {
        List<String> names = new ArrayList<>();
        for (FieldMapping b : key) {
            names.add(b.name());
        }
        return names;
    }

    /** {@code Item(id=5)} for messages. */
    public String describe(Object model) {
        return mapping.describe(model);
    }

    /** {@code ModelMeta(Model)}. */
    @Override
    public String toString() {
        return "ModelMeta(" + name() + ")";
    }
}
