package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Queries combined with {@code UNION}, {@code UNION ALL}, {@code INTERSECT} and {@code EXCEPT},
 * evaluated left to right on every database (where a database would give INTERSECT precedence,
 * the compiler nests the left side so that the result is the same). Its ORDER BY refers to the
 * first query's selected expressions; the parts themselves cannot be ordered or limited.
 */
public final class CompoundSelect implements Query {
    /** One further query and the operator that joins it to what comes before. */
    public record Part(SetOperator operator, Select query) {
    }

    private final Query first;
    private final List<Part> parts = new ArrayList<>();
    private final List<SortOrder> orderBy = new ArrayList<>();
    private Long limit;
    private Long offset;

    private CompoundSelect(Query first) {
        this.first = first;
    }

    static CompoundSelect of(Query first, SetOperator operator, Select next) {
        CompoundSelect compound = first instanceof CompoundSelect c && c.orderBy.isEmpty() && c.limit == null && c.offset == null
                ? c : new CompoundSelect(first);
        return compound.add(operator, next);
    }

    private CompoundSelect add(SetOperator operator, Select next) {
        if (!next.orderBy().isEmpty() || next.limit() != null || next.offset() != null) {
            throw new IllegalArgumentException("a query joined by " + operator.sql()
                    + " cannot have its own ORDER BY, LIMIT or OFFSET; order and limit the combined query instead");
        }
        if (next.columns().size() != first.columns().size()) {
            throw new IllegalArgumentException(operator.sql() + " of queries with " + first.columns().size() + " and "
                    + next.columns().size() + " columns");
        }
        parts.add(new Part(operator, next));
        return this;
    }

    /** Orders the combined rows. */
    public CompoundSelect orderBy(SortOrder... orders) {
        orderBy.addAll(List.of(orders));
        return this;
    }

    /** At most {@code limit} combined rows. */
    public CompoundSelect limit(long limit) {
        this.limit = limit;
        return this;
    }

    /** Skips the first {@code offset} combined rows. */
    public CompoundSelect offset(long offset) {
        this.offset = offset;
        return this;
    }

    /** The leftmost query. */
    public Query first() {
        return first;
    }

    /** The queries after the first, with their operators. */
    public List<Part> parts() {
        return Collections.unmodifiableList(parts);
    }

    /** The ORDER BY of the combined rows. */
    public List<SortOrder> orderBy() {
        return Collections.unmodifiableList(orderBy);
    }

    /** The LIMIT, or {@code null}. */
    public Long limit() {
        return limit;
    }

    /** The OFFSET, or {@code null}. */
    public Long offset() {
        return offset;
    }

    @Override
    public List<Expression<?>> columns() {
        return first.columns();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitCompoundSelect(this);
    }
}
