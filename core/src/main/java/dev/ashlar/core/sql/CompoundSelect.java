package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.UsageException;
import java.util.List;

/**
 * Queries combined with {@code UNION}, {@code UNION ALL}, {@code INTERSECT} and {@code EXCEPT},
 * evaluated left to right on every database (where a database would give INTERSECT precedence,
 * the compiler nests the left side so that the result is the same). Its ORDER BY refers to the
 * first query's selected expressions; the parts themselves cannot be ordered or limited. Like
 * {@link Select}, a value: each method returns a new statement.
 */
public final class CompoundSelect implements Query {
    /** One further query and the operator that joins it to what comes before. */
    public record Part(SetOperator operator, Select query) {
    }

    private final Query first;
    private final AppendList<Part> parts;
    private final AppendList<SortOrder> orderBy;
    private final Long limit;
    private final Long offset;

    private CompoundSelect(Query first, AppendList<Part> parts, AppendList<SortOrder> orderBy, Long limit, Long offset) {
        this.first = first;
        this.parts = parts;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    static CompoundSelect of(Query first, SetOperator operator, Select next) {
        CompoundSelect compound = first instanceof CompoundSelect c && c.orderBy.isEmpty() && c.limit == null && c.offset == null
                ? c : new CompoundSelect(first, AppendList.of(), AppendList.of(), null, null);
        return compound.plus(operator, next);
    }

    private CompoundSelect plus(SetOperator operator, Select next) {
        if (!next.orderBy().isEmpty() || next.limit() != null || next.offset() != null) {
            throw new UsageException("a query joined by " + operator.sql()
                    + " cannot have its own ORDER BY, LIMIT or OFFSET; order and limit the combined query instead");
        }
        if (next.columns().size() != first.columns().size()) {
            throw new UsageException(operator.sql() + " of queries with " + first.columns().size() + " and "
                    + next.columns().size() + " columns; select the same number of columns in each");
        }
        return new CompoundSelect(first, parts.plus(new Part(operator, next)), orderBy, limit, offset);
    }

    /** These combined rows, ordered (a new statement; this one is unchanged). */
    public CompoundSelect orderBy(SortOrder... orders) {
        return new CompoundSelect(first, parts, orderBy.plusAll(List.of(orders)), limit, offset);
    }

    /** At most {@code limit} combined rows (a new statement). */
    public CompoundSelect limit(long limit) {
        return new CompoundSelect(first, parts, orderBy, limit, offset);
    }

    /** Skips the first {@code offset} combined rows (a new statement). */
    public CompoundSelect offset(long offset) {
        return new CompoundSelect(first, parts, orderBy, limit, offset);
    }

    /** The leftmost query. */
    public Query first() {
        return first;
    }

    /** The queries after the first, with their operators. */
    public List<Part> parts() {
        return parts;
    }

    /** The ORDER BY of the combined rows. */
    public List<SortOrder> orderBy() {
        return orderBy;
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
