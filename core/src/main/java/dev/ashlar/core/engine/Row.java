package dev.ashlar.core.engine;

import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.Expression;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One result row: values by position, by label and, type-safely, by the expression that was
 * selected: {@code row.get(items.price)} is a {@code BigDecimal}.
 */
public final class Row {
    private final RowShape shape;
    private final Object[] values;

    Row(RowShape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** The value of a selected expression, typed by it. */
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
        return (T) values[shape.indexOf(expression)];
    }

    /** Two selected expressions' values as a typed pair. */
    public <A, B> Tuple2<A, B> tuple(Expression<A> a, Expression<B> b) {
        return new Tuple2<>(get(a), get(b));
    }

    /** Three selected expressions' values as a typed triple. */
    public <A, B, C> Tuple3<A, B, C> tuple(Expression<A> a, Expression<B> b, Expression<C> c) {
        return new Tuple3<>(get(a), get(b), get(c));
    }

    /** The value at a zero-based position. */
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new UsageException("row has " + values.length + " columns, no index " + index
                    + "; indexes count from 0");
        }
        return values[index];
    }

    /** The value of the column with this label (case-insensitive). */
    public Object get(String label) {
        return values[shape.indexOf(label)];
    }

    /** The value with this label, checked to be of {@code type}. */
    public <T> T get(String label, Class<T> type) {
        Object v = get(label);
        if (v != null && !type.isInstance(v)) {
            throw new UsageException("column '" + label + "' holds " + v.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** Number of columns. */
    public int size() {
        return values.length;
    }

    /** The column labels, in order. */
    public List<String> labels() {
        return shape.labels();
    }

    /** The values in order. */
    public List<Object> values() {
        return Arrays.asList(values.clone());
    }

    /** Label to value, in column order. */
    public Map<String, Object> asMap() {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < values.length; i++) {
            map.put(shape.labels().get(i), values[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }
}
