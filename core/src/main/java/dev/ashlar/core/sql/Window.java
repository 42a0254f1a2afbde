package dev.ashlar.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code OVER (PARTITION BY ... ORDER BY ...)} of a window function. Immutable: each method
 * returns a new window. Start with {@link Sql#partitionBy} or {@link Sql#orderBy}.
 */
public record Window(List<Expression<?>> partitionBy, List<SortOrder> orderBy) {
    public Window {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** The empty window, {@code OVER ()}: the whole result is one partition. */
    public static Window all() {
        return new Window(List.of(), List.of());
    }

    /** This window, also partitioned by {@code expressions}. */
    public Window partitionBy(Expression<?>... expressions) {
        List<Expression<?>> p = new ArrayList<>(partitionBy);
        p.addAll(List.of(expressions));
        return new Window(p, orderBy);
    }

    /** This window, also ordered by {@code orders}. */
    public Window orderBy(SortOrder... orders) {
        List<SortOrder> o = new ArrayList<>(orderBy);
        o.addAll(List.of(orders));
        return new Window(partitionBy, o);
    }
}
