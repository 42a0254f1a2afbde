package dev.ashlar.declarative;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.selectFrom;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.RowMapper;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Select;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How one model class maps to the database, read once per class and registry by the model reader:
 * its table, its mapped fields with their columns, its primary key and {@code @Version} fields, its
 * relationships, and fast access to every field (method handles resolved when the class is read,
 * never reflection per row). It is the one description of a model that every layer uses: the ORM
 * session, the generated metamodel ({@code Item_.MODEL}) and code of your own.
 *
 * <pre>{@code
 * ModelMapping<Item> items = Models.of(Item.class);
 * Item saved = items.insert(conn, new Item(null, "Widget", null, new BigDecimal("9.99"), null));
 * List<Item> all = conn.query(items.select()).map(items.mapper());
 * }</pre>
 *
 * @param <T> the model class
 */
public final class ModelMapping<T> {
    private final Class<T> type;
    private final Table table;
    private final List<FieldMapping> fields;
    private final Map<String, FieldMapping> byName = new LinkedHashMap<>();
    private final List<FieldMapping> key;
    private final int[] keyPositions;
    private final FieldMapping version;
    private final boolean record;
    private final MethodHandle constructor;
    private final Object[] componentDefaults;
    private final MethodHandle[] componentGetters;
    /** {@link #fromValues} for a class model as one handle, made on first use (see {@link #hydrator}). */
    private volatile MethodHandle hydrator;
    /** The processor's generated {@code Item_.Factory}, or {@code null}: {@link #fromValues}'s fast path. */
    private final ModelFactory<T> factory;
    private final RowMapper<T> mapper;
    /** The relationship fields as the reader found them, resolved into {@link #relationships} by the registry. */
    private final List<ModelReader.DeclaredRelationship> declared;
    private volatile List<RelationshipMapping> relationships;
    private final Map<String, RelationshipMapping> relationshipsByName = new LinkedHashMap<>();
    private final ConcurrentHashMap<Class<?>, Object> extensions = new ConcurrentHashMap<>(2);
    private final String renamedFrom;

    /**
     * A mapping as the reader builds it. For a class, {@code constructor} is {@code () -> Object}; for a
     * record it is the canonical constructor as {@code (Object[] components) -> Object},
     * {@code componentDefaults} holds the value of each component that is not mapped, and
     * {@code componentGetters} reads every component as {@code (Object) -> Object}. {@code factory} is
     * the generated factory whose field names and types are those of {@code fields}, or {@code null}.
     */
    ModelMapping(Class<T> type, Table table, List<FieldMapping> fields, FieldMapping version, boolean record,
                 MethodHandle constructor, Object[] componentDefaults, MethodHandle[] componentGetters,
                 ModelFactory<T> factory, List<ModelReader.DeclaredRelationship> declared, String renamedFrom) {
        this.type = type;
        this.table = table;
        this.fields = List.copyOf(fields);
        for (FieldMapping f : this.fields) {
            byName.put(f.name(), f);
        }
        List<FieldMapping> keys = new ArrayList<>();
        for (Column<?> pk : table.primaryKey()) {
            for (FieldMapping f : this.fields) {
                if (f.column() == pk) {
                    keys.add(f);
                }
            }
        }
        this.key = List.copyOf(keys);
        this.keyPositions = new int[key.size()];
        for (int i = 0; i < keyPositions.length; i++) {
            keyPositions[i] = key.get(i).index();
        }
        this.version = version;
        this.record = record;
        this.constructor = constructor;
        this.componentDefaults = componentDefaults;
        this.componentGetters = componentGetters;
        this.factory = factory;
        this.declared = List.copyOf(declared);
        this.mapper = row -> type.cast(read(row));
        this.renamedFrom = renamedFrom;
    }

    /** The table's old name from the model's {@link RenamedFrom}, when it declares one. */
    public java.util.Optional<String> renamedFrom() {
        return java.util.Optional.ofNullable(renamedFrom);
    }

    /**
     * The renames this model declares with {@link RenamedFrom}: its table's, and its fields' columns
     * (keyed by the table's current name), for {@link dev.ashlar.core.diff.SchemaDiff#compare(
     * dev.ashlar.core.schema.MetaData, dev.ashlar.core.schema.MetaData, dev.ashlar.core.dialect.Dialect,
     * dev.ashlar.core.diff.Renames)}.
     */
    public dev.ashlar.core.diff.Renames renames() {
        dev.ashlar.core.diff.Renames out = dev.ashlar.core.diff.Renames.none();
        if (renamedFrom != null) {
            out = out.table(renamedFrom, table.name());
        }
        for (FieldMapping f : fields) {
            if (f.renamedFrom().isPresent()) {
                out = out.column(table.name(), f.renamedFrom().get(), f.column().name());
            }
        }
        return out;
    }

    /** The model class. */
    public Class<T> type() {
        return type;
    }

    /** The simple class name, for messages. */
    public String name() {
        return type.getSimpleName();
    }

    /** The model's table. */
    public Table table() {
        return table;
    }

    /**
     * Whether {@link #fromValues} makes objects with the code that the annotation processor generated
     * for this model ({@link ModelFactory}), rather than with method handles: {@code false} when the
     * model was compiled without the processor, when the generated code cannot reach its constructor
     * or fields, or when that code is older than the model.
     */
    public boolean usesGeneratedFactory() {
        return factory != null;
    }

    /** Whether the model is a record (immutable: changes make a copy). */
    public boolean isRecord() {
        return record;
    }

    /** The mapped fields, in column order. */
    public List<FieldMapping> fields() {
        return fields;
    }

    /** The names of the mapped fields, in column order. */
    public List<String> fieldNames() {
        return List.copyOf(byName.keySet());
    }

    /** The mapped field {@code name}; a {@link UsageException} names the model's fields. */
    public FieldMapping field(String name) {
        FieldMapping f = byName.get(name);
        if (f == null) {
            throw new UsageException(type.getSimpleName() + " has no mapped field '" + name + "'; its fields are "
                    + byName.keySet());
        }
        return f;
    }

    /** The mapped field {@code name}, or {@code null} when the model has none. */
    public FieldMapping findField(String name) {
        return byName.get(name);
    }

    /** The column of a mapped field, by Java field name; a {@link UsageException} names the fields. */
    public Column<?> column(String fieldName) {
        return field(fieldName).column();
    }

    /** The primary key fields, in key column order. */
    public List<FieldMapping> key() {
        return key;
    }

    /** The positions of the key fields among {@link #fields()}, in key order (a copy). */
    public int[] keyPositions() {
        return keyPositions.clone();
    }

    /** The {@code @Version} field, or {@code null}. */
    public FieldMapping version() {
        return version;
    }

    /** The relationship fields, in declaration order. */
    public List<RelationshipMapping> relationships() {
        List<RelationshipMapping> r = relationships;
        if (r == null) {
            // a mapping escapes its registry only once its relationships are resolved
            throw new UsageException(type.getSimpleName() + "'s relationships are not resolved yet; "
                    + "use the mapping that ModelRegistry hands out");
        }
        return r;
    }

    /** A relationship by field name; a {@link UsageException} lists the model's relationships. */
    public RelationshipMapping relationship(String name) {
        relationships();
        RelationshipMapping r = relationshipsByName.get(name);
        if (r == null) {
            throw new UsageException(type.getSimpleName() + " has no relationship '" + name + "'; its relationships are "
                    + relationshipsByName.keySet());
        }
        return r;
    }

    List<ModelReader.DeclaredRelationship> declaredRelationships() {
        return declared;
    }

    boolean relationshipsResolved() {
        return relationships != null;
    }

    /** Installs the resolved relationships (the registry does, before it publishes the mapping), or clears them with {@code null}. */
    void relationships(List<RelationshipMapping> resolved) {
        relationshipsByName.clear();
        if (resolved != null) {
            for (RelationshipMapping r : resolved) {
                relationshipsByName.put(r.name(), r);
            }
        }
        relationships = resolved == null ? null : List.copyOf(resolved);
    }

    /**
     * Data that a layer above keeps per model (the ORM keeps its compiled statements here), made by
     * {@code make} on first use and kept as long as this mapping: one per {@code kind}. Reading it
     * takes no lock.
     */
    public <E> E extension(Class<E> kind, Function<? super ModelMapping<T>, ? extends E> make) {
        Object e = extensions.get(kind);
        if (e == null) {
            e = extensions.computeIfAbsent(kind, k -> make.apply(this));
        }
        return kind.cast(e);
    }

    // ---- reading and writing objects -------------------------------------------------------------

    /** Makes a model object from a row that holds all of the model's columns, such as one of {@link #select()}. */
    public RowMapper<T> mapper() {
        return mapper;
    }

    /** A new model holding the row's values of the mapped columns, which the row must contain. */
    public T read(Row row) {
        return read(f -> row.get(f.column()), row);
    }

    /**
     * A new model holding the value {@code values} gives for each field. For rows where the model's
     * columns are not selected as themselves, such as those of an aliased (joined) table.
     */
    public T read(Function<FieldMapping, Object> values) {
        return read(values, "values");
    }

    /**
     * A new model from values in field order ({@code values[i]} for {@code fields().get(i)}), with no
     * lookup per value: the fast path for loading whole rows. Made by the processor's generated
     * {@link ModelFactory} when the model has one ({@link #usesGeneratedFactory()}), else by method handles.
     */
    public T fromValues(Object[] values) {
        ModelFactory<T> f = factory;
        if (f != null && values.length == fields.size()) {
            try {
                return f.fromValues(values);
            } catch (RuntimeException | LinkageError e) {
                // a value that a plain cast refuses, or generated code that no longer links to the class: the
                // handles below make the object as before, or fail with the error that names the model and values
            }
        }
        try {
            if (record) {
                Object[] args = componentDefaults.clone();
                for (int i = 0; i < values.length; i++) {
                    args[fields.get(i).component()] = values[i];
                }
                return type.cast((Object) constructor.invokeExact(args));
            }
            if (values.length != fields.size()) {
                Object model = constructor.invokeExact();
                for (int i = 0; i < values.length; i++) {
                    fields.get(i).set(model, values[i]);
                }
                return type.cast(model);
            }
            MethodHandle h = hydrator;
            if (h == null) {
                hydrator = h = hydrator(constructor, fields);
            }
            return type.cast((Object) h.invokeExact(values));
        } catch (AshlarException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot make a " + type.getSimpleName() + " from values " + Arrays.toString(values) + ": " + t, t);
        }
    }

    /**
     * One method handle {@code (Object[] values) -> Object} that makes a class model and sets every
     * field from its position in {@code values}. The loading of many rows calls it once per row: one
     * handle whose parts the JIT compiles together (a handle invoked often is specialised to its own
     * bound parts) instead of one call through a separate handle per field, each of which the JIT
     * cannot see through.
     */
    private static MethodHandle hydrator(MethodHandle constructor, List<FieldMapping> fields) {
        // (Object model, Object[] values) -> model, with each field's setter folded in front, first field first
        MethodHandle body = MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object[].class);
        MethodHandle element = MethodHandles.arrayElementGetter(Object[].class);
        for (int i = fields.size() - 1; i >= 0; i--) {
            MethodHandle valueAt = MethodHandles.insertArguments(element, 1, i);
            body = MethodHandles.foldArguments(body, MethodHandles.filterArguments(fields.get(i).setter(), 1, valueAt));
        }
        return MethodHandles.foldArguments(body, constructor);
    }

    private T read(Function<FieldMapping, Object> values, Object source) {
        try {
            if (record) {
                Object[] args = componentDefaults.clone();
                for (FieldMapping f : fields) {
                    args[f.component()] = values.apply(f);
                }
                return type.cast((Object) constructor.invokeExact(args));
            }
            Object model = constructor.invokeExact();
            for (FieldMapping f : fields) {
                f.set(model, values.apply(f));
            }
            return type.cast(model);
        } catch (AshlarException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot make a " + type.getSimpleName() + " from " + (source instanceof Row ? "row " : "") + source + ": " + t, t);
        }
    }

    /** The value of a mapped field of {@code model}. */
    public Object get(Object model, FieldMapping field) {
        return field.get(model);
    }

    /**
     * The model with some fields changed: the same object, changed, for a class; a copy for a record.
     */
    public Object with(Object model, Map<FieldMapping, Object> changes) {
        try {
            if (record) {
                Object[] args = new Object[componentGetters.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = componentGetters[i].invokeExact(model);
                }
                for (Map.Entry<FieldMapping, Object> change : changes.entrySet()) {
                    args[change.getKey().component()] = change.getValue();
                }
                return constructor.invokeExact(args);
            }
            for (Map.Entry<FieldMapping, Object> change : changes.entrySet()) {
                change.getKey().set(model, change.getValue());
            }
            return model;
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot set fields of " + type.getSimpleName() + ": " + t, t);
        }
    }

    /** {@code Item(id=5)} for messages: the model name and its key values. */
    public String describe(Object model) {
        StringBuilder sb = new StringBuilder(name()).append('(');
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(key.get(i).name()).append('=').append(key.get(i).get(model));
        }
        return sb.append(')').toString();
    }

    // ---- statements -------------------------------------------------------------------------------

    /** {@code SELECT} of every column of the model's table; add {@code where}/{@code orderBy} as needed. */
    public Select select() {
        return selectFrom(table);
    }

    /**
     * An {@code INSERT} of the model's non-null field values. A database-generated key that is not set
     * (null, or zero in a primitive field) is left out so the database generates it, and unset
     * columns with a client-side default (such as {@link DefaultNow}) get it.
     */
    public Insert insert(T model) {
        Insert insert = insertInto(table);
        for (FieldMapping f : fields) {
            Object value = f.get(model);
            if (value == null || (f.column().isAutoincrement() && f.isUnsetKey(value))) {
                continue;
            }
            insert = insert.set(f.column(), value);
        }
        return insert;
    }

    /**
     * Inserts the model and returns it with the values the insert generated (the key, defaults) filled
     * in: the same object for a class, a new record for a record.
     */
    public T insert(Connection connection, T model) {
        Insert insert = insert(model);
        List<FieldMapping> unset = new ArrayList<>();
        for (FieldMapping f : fields) {
            if (!insert.values().containsKey(f.column()) && (f.column().isAutoincrement() || f.column().clientDefault() != null)) {
                unset.add(f);
            }
        }
        if (unset.isEmpty()) {
            connection.execute(insert);
            return model;
        }
        Column<?>[] returning = new Column<?>[unset.size()];
        for (int i = 0; i < returning.length; i++) {
            returning[i] = unset.get(i).column();
        }
        insert = insert.returning(returning);
        Row row = connection.insertReturning(insert);
        Map<FieldMapping, Object> generated = new LinkedHashMap<>();
        for (FieldMapping f : unset) {
            generated.put(f, row.get(f.column()));
        }
        return type.cast(with(model, generated));
    }

    @Override
    public String toString() {
        return "ModelMapping(" + type.getSimpleName() + " -> " + table.name() + ")";
    }
}
