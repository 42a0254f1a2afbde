package dev.ashlar.orm.internal;

import java.util.List;
import java.util.Objects;

/**
 * The identity of a row in a session: the model class and its primary key values, normalised to
 * the key columns' Java types so that {@code get(Item.class, 5)} finds the row loaded as {@code 5L}.
 * A single-column key holds its value directly (no list per loaded row); {@link #values()} makes
 * the list only when asked.
 */
public final class ModelKey {
    private final Class<?> type;
    /** The key value of a single-column key, else {@code null}. */
    private final Object id;
    /** The key values of a composite key, else {@code null}. */
    private final List<Object> composite;

    /** The key of {@code type} with the given values in key column order. */
    public ModelKey(Class<?> type, List<Object> values) {
        this.type = type;
        if (values.size() == 1) {
            this.id = values.get(0);
            this.composite = null;
        } else {
            this.id = null;
            this.composite = values;
        }
    }

    private ModelKey(Class<?> type, Object id) {
        this.type = type;
        this.id = id;
        this.composite = null;
    }

    /** The key of {@code type} with a single-column key value. */
    public static ModelKey single(Class<?> type, Object id) {
        return new ModelKey(type, id);
    }

    /** The key of {@code type} from its raw value: the value of a single-column key, the list of a composite one. */
    @SuppressWarnings("unchecked")
    public static ModelKey ofValue(Class<?> type, Object value) {
        return value instanceof List<?> list ? new ModelKey(type, (List<Object>) list) : new ModelKey(type, value);
    }

    /** The model class. */
    public Class<?> type() {
        return type;
    }

    /**
     * The raw key value as the session's per-model key tables hold it: the value itself for a
     * single-column key, the list of values for a composite one.
     */
    public Object value() {
        return composite != null ? composite : id;
    }

    /** The primary key values in key column order. */
    public List<Object> values() {
        return composite != null ? composite : List.of(id);
    }

    /** The primary key values in key column order, as a new array (for binding them to a statement). */
    public Object[] toArray() {
        return composite != null ? composite.toArray() : new Object[] {id};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelKey k && type == k.type && Objects.equals(id, k.id) && Objects.equals(composite, k.composite);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + (composite != null ? composite.hashCode() : id.hashCode());
    }

    /** {@code Item#5}, or the list of values for a composite key. */
    @Override
    public String toString() {
        return type.getSimpleName() + (composite == null ? "#" + id : composite.toString());
    }
}
