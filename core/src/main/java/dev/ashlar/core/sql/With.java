package dev.ashlar.core.sql;

import java.util.List;

/** A WITH clause waiting for its query: {@code with(cte).select(...)}. */
public final class With {
    private final List<Cte> ctes;
    private final boolean recursive;

    With(List<Cte> ctes, boolean recursive) {
        this.ctes = List.copyOf(ctes);
        this.recursive = recursive;
    }

    /** The query that the CTEs precede. */
    public Select select(Expression<?>... columns) {
        return new Select(List.of(columns)).with(ctes, recursive);
    }

    /** The query that the CTEs precede. */
    public Select select(List<? extends Expression<?>> columns) {
        return new Select(columns).with(ctes, recursive);
    }
}
