package dev.ashlar.orm;

import dev.ashlar.core.error.NoResultException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.Relation;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.SelectParts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final List<RelationshipMapping> joins = new ArrayList<>();
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

    /**
     * Joins a relationship, so that {@link #where} and {@link #orderBy} can use the columns of its
     * target model: {@code session.select(Loan.class).join(Loan_.member).where(Member_.tier.eq(GOLD))}.
     * The relationship belongs to the queried model or to the target of an earlier join (chains
     * such as {@code join(Loan_.copy).join(Copy_.book)}); a many-to-many joins through its
     * association table. The query still returns the queried model, each object once, however
     * many related rows match: the conditions select the objects' keys in a subquery
     * ({@code WHERE id IN (SELECT loans.id FROM loans JOIN members ON ... WHERE ...)}), so
     * {@link #limit} counts objects. Ordering by a joined column needs a chain of to-one
     * relationships (a to-many one gives each object many values) and sorts by a correlated
     * subquery of that value.
     *
     * @throws UsageException when the relationship starts at a model not yet in the query,
     *                        or reaches a table the query already has
     */
    public ModelQuery<T> join(Relation<?, ?> relation) {
        return join(relation.owner(), relation.name());
    }

    /** {@link #join(Relation)} by model class and relationship field name, without the generated metamodel. */
    public ModelQuery<T> join(Class<?> owner, String relationship) {
        RelationshipMapping r = session.model(owner).relationship(relationship);
        boolean reachable = owner == meta.type() || joins.stream().anyMatch(j -> j.target() == owner);
        if (!reachable) {
            throw new UsageException("cannot join " + r.path() + ": the query has no " + owner.getSimpleName()
                    + " yet; it selects " + meta.name() + (joins.isEmpty() ? "" : " and joins " + joinedNames())
                    + ", so join the relationship leading to " + owner.getSimpleName() + " first");
        }
        List<Table> tables = new ArrayList<>();
        tables.add(meta.mapping().table());
        for (RelationshipMapping j : joins) {
            tables.addAll(joinedTables(j));
        }
        for (Table t : joinedTables(r)) {
            if (tables.contains(t)) {
                throw new UsageException("cannot join " + r.path() + ": table " + t.name()
                        + " is already in the query (a model joined twice, or to itself); write such a query with core's"
                        + " table aliases (Table.as)");
            }
            tables.add(t);
        }
        joins.add(r);
        return this;
    }

    private String joinedNames() {
        return joins.stream().map(RelationshipMapping::path).collect(Collectors.joining(", "));
    }

    /** The tables a join adds: the association table of a many-to-many, then the target's. */
    private static List<Table> joinedTables(RelationshipMapping r) {
        return r.throughMapping() == null ? List.of(r.targetMapping().table())
                : List.of(r.throughMapping().table(), r.targetMapping().table());
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
        return session.loader().query(meta, rootConditions(), rootOrder(), limit, offset, Map.copyOf(plan));
    }

    /**
     * The conditions as conditions on the queried model alone: unchanged without joins, else one
     * {@code key IN (SELECT key FROM root JOIN ... WHERE all conditions)}, which also keeps each
     * object once when a to-many join matches several rows.
     */
    private List<Condition> rootConditions() {
        if (joins.isEmpty() || conditions.isEmpty()) {
            return List.copyOf(conditions);
        }
        List<Column<?>> key = meta.mapping().table().primaryKey();
        if (key.size() != 1) {
            throw new UsageException("cannot filter " + meta.name() + " through joined models: its primary key has "
                    + key.size() + " columns; query it with core (select ... join ...)");
        }
        @SuppressWarnings("unchecked")
        Column<Object> id = (Column<Object>) key.get(0);
        Select keys = Sql.select(id).from(meta.mapping().table());
        for (RelationshipMapping j : joins) {
            keys = joinInto(keys, j);
        }
        Condition all = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            all = all.and(conditions.get(i));
        }
        return List.of(id.in(keys.where(all)));
    }

    /** {@code select} joined to the relationship's target (through its association table for a many-to-many). */
    private static Select joinInto(Select select, RelationshipMapping r) {
        Table target = r.targetMapping().table();
        if (r.kind() == RelationshipKind.MANY_TO_MANY) {
            Table through = r.throughMapping().table();
            return select.join(through, eq(r.ownerKey().column(), r.throughOwnerKey().column()))
                    .join(target, eq(r.throughTargetKey().column(), r.targetKey().column()));
        }
        return select.join(target, eq(r.ownerKey().column(), r.targetKey().column()));
    }

    @SuppressWarnings("unchecked")
    private static Condition eq(Column<?> a, Column<?> b) {
        return ((Column<Object>) a).eq((Column<Object>) b);
    }

    /**
     * The sort orders as orders on the queried model: a column of a model reached by to-one joins
     * becomes the correlated subquery of its value, {@code (SELECT members.name FROM members WHERE
     * members.id = loans.member_id)}.
     */
    private List<SortOrder> rootOrder() {
        if (joins.isEmpty()) {
            return List.copyOf(order);
        }
        List<SortOrder> out = new ArrayList<>(order.size());
        for (SortOrder o : order) {
            // by table name: the metamodel's columns may come from another registry than the session's
            if (o.expression() instanceof Column<?> c && c.table() != null
                    && !c.table().name().equals(meta.mapping().table().name())) {
                out.add(new SortOrder(valueThroughJoins(c), o.ascending(), o.nulls()));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private Expression<?> valueThroughJoins(Column<?> column) {
        List<RelationshipMapping> path = pathTo(column);
        if (path == null) {
            return column; // not a joined model's column: left for the database to judge
        }
        for (RelationshipMapping r : path) {
            if (r.kind().isCollection()) {
                throw new UsageException("cannot order " + meta.name() + " by " + column.describe() + ": it is reached"
                        + " through " + r.path() + ", a to-many relationship, so each " + meta.name() + " has many values;"
                        + " order by a to-one relationship's column, or write the query with core and an aggregate");
            }
        }
        RelationshipMapping first = path.get(0);
        Select value = Sql.select(column).from(first.targetMapping().table());
        for (RelationshipMapping r : path.subList(1, path.size())) {
            value = joinInto(value, r);
        }
        return value.where(eq(first.targetKey().column(), first.ownerKey().column())).asScalar();
    }

    /** The joins from the queried model to the table of {@code column}, or {@code null} when no join reaches it. */
    private List<RelationshipMapping> pathTo(Column<?> column) {
        RelationshipMapping last = null;
        for (RelationshipMapping j : joins) {
            if (j.targetMapping().table().name().equals(column.table().name())) {
                last = j;
            }
        }
        if (last == null) {
            return null;
        }
        List<RelationshipMapping> path = new ArrayList<>();
        for (RelationshipMapping step = last; step != null; ) {
            path.add(0, step);
            Class<?> from = step.owner();
            step = from == meta.type() ? null : joins.stream().filter(j -> j.target() == from).findFirst().orElse(null);
        }
        return path;
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
        Select select = SelectParts.apply(meta.mapping().select(), rootConditions(), rootOrder(), limit, offset);
        return session.loader().stream(meta, select);
    }
}
