package dev.ashlar.orm;

import dev.ashlar.core.error.NoResultException;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.SelectParts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A query for model objects, made by {@link Session#select(Class)}: conditions and order in the
 * core query language, loading options, then {@link #list()}, {@link #first()}, {@link #one()} or
 * {@link #stream()}. Running it flushes pending changes first (autoflush).
 *
 * @param <T> the model
 */
public final class ModelQuery<T> {
    private final Session session;
    private final ModelMeta meta;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<SortOrder> order = new ArrayList<>();
    private final Map<String, Fetch> plan = new HashMap<>();
    private Long limit;
    private Long offset;

    ModelQuery(Session session, ModelMeta meta) {
        this.session = session;
        this.meta = meta;
    }

    /** Adds a condition, ANDed with earlier ones. */
    public ModelQuery<T> where(Condition condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds sort orders. */
    public ModelQuery<T> orderBy(SortOrder... orders) {
        order.addAll(List.of(orders));
        return this;
    }

    /** Adds ascending sort orders. */
    public ModelQuery<T> orderBy(Expression<?>... expressions) {
        for (Expression<?> e : expressions) {
            order.add(e.asc());
        }
        return this;
    }

    /** At most this many objects. */
    public ModelQuery<T> limit(long limit) {
        this.limit = limit;
        return this;
    }

    /** Skips this many rows first. */
    public ModelQuery<T> offset(long offset) {
        this.offset = offset;
        return this;
    }

    /**
     * Loads relationships as given instead of their declared default, here and in the objects the
     * query reaches: {@code options(Load.selectIn(Order.class, "lines"), Load.selectIn(OrderLine.class, "item"))}.
     */
    public ModelQuery<T> options(Load... loads) {
        for (Load load : loads) {
            session.model(load.model()).relationship(load.relationship()); // fails early on a typo
            plan.put(load.model().getSimpleName() + "." + load.relationship(), load.fetch());
        }
        return this;
    }

    /** All matching objects, in the session's identity map (one object per row). */
    public List<T> list() {
        return session.loader().query(meta, List.copyOf(conditions), List.copyOf(order), limit, offset, Map.copyOf(plan));
    }

    /** The first matching object, or {@code null}. */
    public T first() {
        Long saved = limit;
        limit = 1L;
        try {
            List<T> found = list();
            return found.isEmpty() ? null : found.get(0);
        } finally {
            limit = saved;
        }
    }

    /** The only matching object; a {@link NoResultException} when there are none or several. */
    public T one() {
        Long saved = limit;
        limit = 2L;
        try {
            List<T> found = list();
            if (found.size() != 1) {
                throw new NoResultException("expected exactly one " + meta.name() + ", got " + (found.isEmpty() ? "none" : "more"));
            }
            return found.get(0);
        } finally {
            limit = saved;
        }
    }

    /**
     * The matching objects as a lazy stream over an open cursor, for results too large for memory.
     * The objects are not put in the identity map and not tracked (changes to them are not saved),
     * and their relationships are not loaded. Close the stream.
     */
    public Stream<T> stream() {
        Select select = SelectParts.apply(meta.mapping().select(), conditions, order, limit, offset);
        return session.loader().stream(meta, select);
    }
}
