package dev.ashlar.orm.internal;

import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import java.util.List;

/** Puts a model query's conditions, order, limit and offset on a SELECT: the one place the query's parts become SQL. */
public final class SelectParts {
    private SelectParts() {
    }

    /** Adds the conditions (ANDed), the sort orders, and the limit and offset when given; returns {@code select}. */
    public static Select apply(Select select, List<Condition> conditions, List<SortOrder> order, Long limit, Long offset) {
        conditions.forEach(select::where);
        if (!order.isEmpty()) {
            select.orderBy(order.toArray(new SortOrder[0]));
        }
        if (limit != null) {
            select.limit(limit);
        }
        if (offset != null) {
            select.offset(offset);
        }
        return select;
    }
}
