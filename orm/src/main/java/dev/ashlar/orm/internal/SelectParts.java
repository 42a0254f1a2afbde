package dev.ashlar.orm.internal;

import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import java.util.List;

/** Puts a model query's conditions, order, limit and offset on a SELECT: the one place the query's parts become SQL. */
public final class SelectParts {
    private SelectParts() {
    }

    /**
     * {@code select} with the conditions (ANDed), the sort orders, and the limit and offset when
     * given. Uses the statement each builder call returns, so it composes a new statement when the
     * builders are generative and never relies on {@code select} being changed in place.
     */
    public static Select apply(Select select, List<Condition> conditions, List<SortOrder> order, Long limit, Long offset) {
        Select out = select;
        for (Condition condition : conditions) {
            out = out.where(condition);
        }
        if (!order.isEmpty()) {
            out = out.orderBy(order.toArray(new SortOrder[0]));
        }
        if (limit != null) {
            out = out.limit(limit);
        }
        if (offset != null) {
            out = out.offset(offset);
        }
        return out;
    }
}
