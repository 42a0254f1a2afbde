package dev.ashlar.orm.internal;

import java.util.List;

/**
 * The identity of a row in a session: the model class and its primary key values, normalised to
 * the key columns' Java types so that {@code get(Item.class, 5)} finds the row loaded as {@code 5L}.
 *
 * @param type   the model class
 * @param values the primary key values in key column order
 */
public record EntityKey(Class<?> type, List<Object> values) {
    /** {@code Item#5}, or the list of values for a composite key. */
    @Override
    public String toString() {
        return type.getSimpleName() + (values.size() == 1 ? "#" + values.get(0) : values.toString());
    }
}
