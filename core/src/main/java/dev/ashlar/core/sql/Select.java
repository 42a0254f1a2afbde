package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@code SELECT}. Built fluently: {@code select(items.name, items.price).from(items).where(items.price.lt(ten)).orderBy(items.name.asc())}.
 * Each method changes this statement and returns it.
 */
public final class Select implements Query {
    private final List<Expression<?>> columns;
    private final List<SqlNode> from = new ArrayList<>();
    private Condition where;
    private final List<Expression<?>> groupBy = new ArrayList<>();
    private Condition having;
    private final List<SortOrder> orderBy = new ArrayList<>();
    private Long limit;
    private Long offset;
    private boolean distinct;
    private final List<Join> joins = new ArrayList<>();
    private final List<Cte> ctes = new ArrayList<>();
    private boolean recursive;

    Select(List<? extends Expression<?>> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a table (or other FROM item) to the FROM clause. */
    public Select from(Table table) {
        from.add(table);
        return this;
    }

    /** Adds an aliased table, derived table or CTE to the FROM clause. */
    public Select from(FromItem item) {
        from.add(item);
        return this;
    }

    /** {@code JOIN target ON ...}, the condition taken from the one foreign key between target and the tables before it. */
    public Select join(FromItem target) {
        return join(JoinType.INNER, target, JoinConditions.infer(fromItems(), target));
    }

    /** {@code JOIN target ON on}. */
    public Select join(FromItem target, Condition on) {
        return join(JoinType.INNER, target, on);
    }

    /** {@code LEFT JOIN target ON ...}, the condition inferred from the one foreign key, as for {@link #join(FromItem)}. */
    public Select leftJoin(FromItem target) {
        return join(JoinType.LEFT, target, JoinConditions.infer(fromItems(), target));
    }

    /** {@code LEFT JOIN target ON on}. */
    public Select leftJoin(FromItem target, Condition on) {
        return join(JoinType.LEFT, target, on);
    }

    /** {@code RIGHT JOIN target ON ...}, the condition inferred from the one foreign key. */
    public Select rightJoin(FromItem target) {
        return join(JoinType.RIGHT, target, JoinConditions.infer(fromItems(), target));
    }

    /** {@code RIGHT JOIN target ON on}. */
    public Select rightJoin(FromItem target, Condition on) {
        return join(JoinType.RIGHT, target, on);
    }

    /** {@code FULL JOIN target ON ...}, the condition inferred from the one foreign key. MariaDB has no full join. */
    public Select fullJoin(FromItem target) {
        return join(JoinType.FULL, target, JoinConditions.infer(fromItems(), target));
    }

    /** {@code FULL JOIN target ON on}. MariaDB has no full join: compiling it there fails. */
    public Select fullJoin(FromItem target, Condition on) {
        return join(JoinType.FULL, target, on);
    }

    /** Adds a join of any type with an explicit condition. */
    public Select join(JoinType type, FromItem target, Condition on) {
        if (from.isEmpty()) {
            throw new IllegalStateException("join before from: call from(...) first");
        }
        joins.add(new Join(type, target, on));
        return this;
    }

    private List<FromItem> fromItems() {
        List<FromItem> items = new ArrayList<>();
        for (SqlNode node : from) {
            if (node instanceof FromItem item) {
                items.add(item);
            }
        }
        joins.forEach(j -> items.add(j.target()));
        return items;
    }

    Select with(List<Cte> ctes, boolean recursive) {
        this.ctes.addAll(ctes);
        this.recursive = recursive;
        return this;
    }

    /** Adds a condition, ANDed with any earlier one. */
    public Select where(Condition condition) {
        where = where == null ? condition : where.and(condition);
        return this;
    }

    /** Adds {@code GROUP BY} expressions. */
    public Select groupBy(Expression<?>... expressions) {
        groupBy.addAll(List.of(expressions));
        return this;
    }

    /** Adds a HAVING condition, ANDed with any earlier one. */
    public Select having(Condition condition) {
        having = having == null ? condition : having.and(condition);
        return this;
    }

    /** Adds {@code ORDER BY} items. */
    public Select orderBy(SortOrder... orders) {
        orderBy.addAll(List.of(orders));
        return this;
    }

    /** Orders ascending by each expression. */
    public Select orderBy(Expression<?>... expressions) {
        for (Expression<?> e : expressions) {
            orderBy.add(e.asc());
        }
        return this;
    }

    /** At most {@code limit} rows. */
    public Select limit(long limit) {
        this.limit = limit;
        return this;
    }

    /** Skips the first {@code offset} rows. */
    public Select offset(long offset) {
        this.offset = offset;
        return this;
    }

    /** {@code SELECT DISTINCT}. */
    public Select distinct() {
        this.distinct = true;
        return this;
    }

    /** The joins after the FROM items, in order. */
    public List<Join> joins() {
        return Collections.unmodifiableList(joins);
    }

    /** The common table expressions of this query's WITH clause. */
    public List<Cte> ctes() {
        return Collections.unmodifiableList(ctes);
    }

    /** Whether the WITH clause is {@code WITH RECURSIVE}. */
    public boolean isRecursive() {
        return recursive;
    }

    @Override
    public List<Expression<?>> columns() {
        return columns;
    }

    /** The FROM items, in order. */
    public List<SqlNode> from() {
        return Collections.unmodifiableList(from);
    }

    /** The WHERE condition, or {@code null}. */
    public Condition where() {
        return where;
    }

    /** The GROUP BY expressions. */
    public List<Expression<?>> groupBy() {
        return Collections.unmodifiableList(groupBy);
    }

    /** The HAVING condition, or {@code null}. */
    public Condition having() {
        return having;
    }

    /** The ORDER BY items. */
    public List<SortOrder> orderBy() {
        return Collections.unmodifiableList(orderBy);
    }

    /** The row limit, or {@code null}. */
    public Long limit() {
        return limit;
    }

    /** The offset, or {@code null}. */
    public Long offset() {
        return offset;
    }

    /** Whether the select is DISTINCT. */
    public boolean isDistinct() {
        return distinct;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitSelect(this);
    }
}
