package dev.ashlar.orm.internal;

import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import java.util.List;

/** Puts a model query's conditions, order, limit and offset on a SELECT: the one place the query's parts become SQL. */
public final class SelectParts {
    private SelectParts() {
    }

    /** {@code select} with the conditions (ANDed), the sort orders, and the limit and offset when given. */
    public static Select apply(Select select, List<Condition> conditions, List<SortOrder> order, Long limit, Long offset) {
        for (Condition condition : conditions) {
            select = select.where(condition);
        }
        if (!order.isEmpty()) {
            select = select.orderBy(order.toArray(new SortOrder[0]));
        }
        if (limit != null) {
            select = select.limit(limit);
        }
        if (offset != null) {
            select = select.offset(offset);
        }
        return select;
    }
}
