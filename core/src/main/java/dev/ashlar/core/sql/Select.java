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
public final class Select implements Statement {
    private final List<Expression<?>> columns;
    private final List<SqlNode> from = new ArrayList<>();
    private Condition where;
    private final List<Expression<?>> groupBy = new ArrayList<>();
    private Condition having;
    private final List<SortOrder> orderBy = new ArrayList<>();
    private Long limit;
    private Long offset;
    private boolean distinct;

    Select(List<? extends Expression<?>> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a table (or other FROM item) to the FROM clause. */
    public Select from(Table table) {
        from.add(table);
        return this;
    }

    /** Adds a condition, ANDed with any earlier one. */
    public Select where(Condition condition) {
        where = where == null ? condition : where.and(condition);
        return this;
    }

    public Select groupBy(Expression<?>... expressions) {
        groupBy.addAll(List.of(expressions));
        return this;
    }

    /** Adds a HAVING condition, ANDed with any earlier one. */
    public Select having(Condition condition) {
        having = having == null ? condition : having.and(condition);
        return this;
    }

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

    public Select limit(long limit) {
        this.limit = limit;
        return this;
    }

    public Select offset(long offset) {
        this.offset = offset;
        return this;
    }

    public Select distinct() {
        this.distinct = true;
        return this;
    }

    public List<Expression<?>> columns() {
        return columns;
    }

    public List<SqlNode> from() {
        return Collections.unmodifiableList(from);
    }

    public Condition where() {
        return where;
    }

    public List<Expression<?>> groupBy() {
        return Collections.unmodifiableList(groupBy);
    }

    public Condition having() {
        return having;
    }

    public List<SortOrder> orderBy() {
        return Collections.unmodifiableList(orderBy);
    }

    public Long limit() {
        return limit;
    }

    public Long offset() {
        return offset;
    }

    public boolean isDistinct() {
        return distinct;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitSelect(this);
    }
}
