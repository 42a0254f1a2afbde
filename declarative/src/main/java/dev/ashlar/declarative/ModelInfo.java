package dev.ashlar.declarative;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.selectFrom;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.RowMapper;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Select;
import dev.ashlar.declarative.internal.ModelMapping;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped model: its table, a row mapper and helpers that turn model objects into inserts. Made
 * once per class by {@link Models#of} (or a {@link ModelRegistry}); everything here works through
 * handles resolved then, never through reflection per row.
 *
 * <pre>{@code
 * ModelInfo<Item> items = Models.of(Item.class);
 * Item saved = items.insert(conn, new Item(null, "Widget", null, new BigDecimal("9.99"), null));
 * List<Item> all = conn.query(items.select()).map(items.mapper());
 * }</pre>
 *
 * @param <T> the model class
 */
public final class ModelInfo<T> {
    private final Class<T> type;
    private final ModelMapping mapping;
    private final Map<String, Binding> byField = new LinkedHashMap<>();
    private final RowMapper<T> mapper;

    ModelInfo(Class<T> type, ModelMapping mapping) {
        this.type = type;
        this.mapping = mapping;
        for (Binding b : mapping.bindings()) {
            byField.put(b.field(), b);
        }
        this.mapper = row -> type.cast(mapping.read(row));
    }

    /** The model class. */
    public Class<T> type() {
        return type;
    }

    /** The model's table. */
    public Table table() {
        return mapping.table();
    }

    /** The resolved mapping (field bindings and handles), for the ORM session; not a stable API. */
    public ModelMapping mapping() {
        return mapping;
    }

    /** The names of the mapped fields, in column order. */
    public List<String> fieldNames() {
        return List.copyOf(byField.keySet());
    }

    /** The column of a mapped field, by Java field name; an {@link IllegalArgumentException} names the fields. */
    public Column<?> column(String fieldName) {
        Binding b = byField.get(fieldName);
        if (b == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no mapped field '" + fieldName + "'; its fields are "
                    + byField.keySet());
        }
        return b.column();
    }

    /** Makes a model object from a row that holds all of the model's columns, such as one of {@link #select()}. */
    public RowMapper<T> mapper() {
        return mapper;
    }

    /** {@code SELECT} of every column of the model's table; add {@code where}/{@code orderBy} as needed. */
    public Select select() {
        return selectFrom(mapping.table());
    }

    /**
     * An {@code INSERT} of the model's non-null field values. A database-generated key that is not set
     * (null, or zero in a primitive field) is left out so the database generates it, and unset
     * columns with a client-side default (such as {@link DefaultNow}) get it.
     */
    public Insert insert(T model) {
        Insert insert = insertInto(mapping.table());
        for (Binding b : mapping.bindings()) {
            Object value = mapping.get(model, b);
            if (value == null || (isGenerated(b) && b.primitive() && isZero(value))) {
                continue;
            }
            insert = insert.set(b.column(), value);
        }
        return insert;
    }

    /**
     * Inserts the model and returns it with the values the insert generated (the key, defaults) filled
     * in: the same object for a class, a new record for a record.
     */
    public T insert(Connection connection, T model) {
        Insert insert = insert(model);
        List<Binding> unset = new ArrayList<>();
        Map<Column<?>, ?> set = insert.values();
        for (Binding b : mapping.bindings()) {
            if (!set.containsKey(b.column()) && (isGenerated(b) || b.column().clientDefault() != null)) {
                unset.add(b);
            }
        }
        if (unset.isEmpty()) {
            connection.execute(insert);
            return model;
        }
        for (Binding b : unset) {
            insert = insert.returning(b.column());
        }
        Row row = connection.insertReturning(insert);
        Map<Binding, Object> generated = new LinkedHashMap<>();
        for (Binding b : unset) {
            generated.put(b, row.get(b.column()));
        }
        return type.cast(mapping.with(model, generated));
    }

    private static boolean isGenerated(Binding b) {
        return b.column().isAutoincrement();
    }

    private static boolean isZero(Object value) {
        return value instanceof Number n && n.longValue() == 0;
    }

    @Override
    public String toString() {
        return "ModelInfo(" + type.getSimpleName() + " -> " + mapping.table().name() + ")";
    }
}
