package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.Expression;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a result, worked out once per query: labels, the selected expressions and the
 * codec that reads each column. Rows share it, so reading a row does no lookups.
 */
final class RowShape {
    private final List<String> labels;
    private final List<? extends Expression<?>> expressions;
    private final ValueCodec<?>[] codecs;
    /** The selected expressions in column order, searched by identity: a row has few columns, so a scan beats a map. */
    private final Expression<?>[] selected;
    /** For wide results only, expression to position (the first position, as the scan finds). */
    private final Map<Expression<?>, Integer> byExpression;

    private RowShape(List<String> labels, List<? extends Expression<?>> expressions, ValueCodec<?>[] codecs) {
        this.labels = labels;
        this.expressions = expressions;
        this.codecs = codecs;
        this.selected = expressions.toArray(new Expression<?>[0]);
        if (selected.length > SCAN_LIMIT) {
            byExpression = new IdentityHashMap<>();
            for (int i = 0; i < selected.length; i++) {
                byExpression.putIfAbsent(selected[i], i);
            }
        } else {
            byExpression = null;
        }
    }

    /** Up to this many columns, {@link #indexOf(Expression)} scans instead of building a map per query. */
    private static final int SCAN_LIMIT = 16;

    /**
     * A shape for selected expressions: each column is read with its expression's type. The driver's
     * metadata is asked only for a column whose expression has no label of its own.
     */
    static RowShape of(Dialect dialect, List<? extends Expression<?>> expressions, ResultSet rs) throws SQLException {
        ValueCodec<?>[] codecs = new ValueCodec<?>[expressions.size()];
        String[] labels = new String[expressions.size()];
        ResultSetMetaData meta = null;
        for (int i = 0; i < expressions.size(); i++) {
            Expression<?> e = expressions.get(i);
            codecs[i] = e.type() == null ? null : dialect.codec(e.type());
            String label = e.label();
            if (label == null) {
                if (meta == null) {
                    meta = rs.getMetaData();
                }
                label = meta.getColumnLabel(i + 1);
            }
            labels[i] = label;
        }
        return new RowShape(List.of(labels), expressions, codecs);
    }

    /** A shape for raw SQL: values come as the driver gives them. */
    static RowShape untyped(ResultSetMetaData meta) throws SQLException {
        int n = meta.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            labels.add(meta.getColumnLabel(i));
        }
        return new RowShape(List.copyOf(labels), List.of(), new ValueCodec<?>[n]);
    }

    Row read(ResultSet rs) throws SQLException {
        return new Row(this, values(rs));
    }

    /** The current row's values in column order, each read through its column's codec ({@link Codec#readRow}). */
    Object[] values(ResultSet rs) throws SQLException {
        return Codec.readRow(rs, codecs);
    }

    int indexOf(Expression<?> expression) {
        if (byExpression == null) {
            for (int i = 0; i < selected.length; i++) {
                if (selected[i] == expression) {
                    return i;
                }
            }
        }
        Integer i = byExpression == null ? null : byExpression.get(expression);
        if (i == null) {
            String label = expression.label();
            throw new UsageException("the expression " + (label == null ? expression : label) + " was not selected; selected: " + labels);
        }
        return i;
    }

    int indexOf(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new UsageException("no column labelled '" + label + "'; columns: " + labels);
    }

    List<String> labels() {
        return labels;
    }
}
