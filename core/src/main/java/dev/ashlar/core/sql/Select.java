package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code SELECT}. Built fluently: {@code select(items.name, items.price).from(items).where(items.price.lt(ten)).orderBy(items.name.asc())}.
 * A select is a value: each method returns a new statement and leaves this one as it was, so a base
 * query can be kept in a {@code static final} field and extended anywhere, from any thread.
 */
public final class Select implements Query {
    private final List<Expression<?>> columns;
    private final AppendList<SqlNode> from;
    private final Condition where;
    private final AppendList<Expression<?>> groupBy;
    private final Condition having;
    private final AppendList<SortOrder> orderBy;
    private final Long limit;
    private final Long offset;
    private final boolean distinct;
    private final AppendList<Join> joins;
    private final List<Cte> ctes;
    private final boolean recursive;

    Select(List<? extends Expression<?>> columns) {
        this(List.copyOf(columns), AppendList.of(), null, AppendList.of(), null, AppendList.of(), null, null, false,
                AppendList.of(), List.of(), false);
    }

    private Select(List<Expression<?>> columns, AppendList<SqlNode> from, Condition where, AppendList<Expression<?>> groupBy,
            Condition having, AppendList<SortOrder> orderBy, Long limit, Long offset, boolean distinct, AppendList<Join> joins,
            List<Cte> ctes, boolean recursive) {
        this.columns = columns;
        this.from = from;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.joins = joins;
        this.ctes = ctes;
        this.recursive = recursive;
    }

    private Select withFrom(AppendList<SqlNode> from) {
        return new Select(columns, from, where, groupBy, having, orderBy, limit, offset, distinct, joins, ctes, recursive);
    }

    /** This select with a table (or other FROM item) added to the FROM clause. */
    public Select from(Table table) {
        return withFrom(from.plus(table));
    }

    /** This select with an aliased table, derived table or CTE added to the FROM clause. */
    public Select from(FromItem item) {
        return withFrom(from.plus(item));
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

    /** This select with a join of any type with an explicit condition added. */
    public Select join(JoinType type, FromItem target, Condition on) {
        if (from.isEmpty()) {
            throw new UsageException("join before from: call from(...) first");
        }
        return new Select(columns, from, where, groupBy, having, orderBy, limit, offset, distinct,
                joins.plus(new Join(type, target, on)), ctes, recursive);
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
        return new Select(columns, from, where, groupBy, having, orderBy, limit, offset, distinct, joins, List.copyOf(ctes), recursive);
    }

    /** This select with {@code condition} added, ANDed with any earlier one. */
    public Select where(Condition condition) {
        Condition w = where == null ? condition : where.and(condition);
        return new Select(columns, from, w, groupBy, having, orderBy, limit, offset, distinct, joins, ctes, recursive);
    }

    /** This select with {@code GROUP BY} expressions added. */
    public Select groupBy(Expression<?>... expressions) {
        return new Select(columns, from, where, groupBy.plusAll(List.of(expressions)), having, orderBy, limit, offset, distinct,
                joins, ctes, recursive);
    }

    /** This select with a HAVING condition added, ANDed with any earlier one. */
    public Select having(Condition condition) {
        Condition h = having == null ? condition : having.and(condition);
        return new Select(columns, from, where, groupBy, h, orderBy, limit, offset, distinct, joins, ctes, recursive);
    }

    /** This select with {@code ORDER BY} items added. */
    public Select orderBy(SortOrder... orders) {
        return new Select(columns, from, where, groupBy, having, orderBy.plusAll(List.of(orders)), limit, offset, distinct,
                joins, ctes, recursive);
    }

    /** This select also ordered ascending by each expression. */
    public Select orderBy(Expression<?>... expressions) {
        List<SortOrder> orders = new ArrayList<>(expressions.length);
        for (Expression<?> e : expressions) {
            orders.add(e.asc());
        }
        return new Select(columns, from, where, groupBy, having, orderBy.plusAll(orders), limit, offset, distinct,
                joins, ctes, recursive);
    }

    /** This select returning at most {@code limit} rows. */
    public Select limit(long limit) {
        return new Select(columns, from, where, groupBy, having, orderBy, limit, offset, distinct, joins, ctes, recursive);
    }

    /** This select skipping the first {@code offset} rows. */
    public Select offset(long offset) {
        return new Select(columns, from, where, groupBy, having, orderBy, limit, offset, distinct, joins, ctes, recursive);
    }

    /** This select as {@code SELECT DISTINCT}. */
    public Select distinct() {
        return new Select(columns, from, where, groupBy, having, orderBy, limit, offset, true, joins, ctes, recursive);
    }

    /** The joins after the FROM items, in order. */
    public List<Join> joins() {
        return joins;
    }

    /** The common table expressions of this query's WITH clause. */
    public List<Cte> ctes() {
        return ctes;
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
        return from;
    }

    /** The WHERE condition, or {@code null}. */
    public Condition where() {
        return where;
    }

    /** The GROUP BY expressions. */
    public List<Expression<?>> groupBy() {
        return groupBy;
    }

    /** The HAVING condition, or {@code null}. */
    public Condition having() {
        return having;
    }

    /** The ORDER BY items. */
    public List<SortOrder> orderBy() {
        return orderBy;
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
