package dev.ashlar.core.sql;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry points of the query language. Import statically:
 * {@code select(items.name).from(items).where(items.price.lt(limit))}.
 */
public final class Sql {
    private Sql() {
    }

    /** {@code SELECT columns...}. */
    public static Select select(Expression<?>... columns) {
        return new Select(List.of(columns));
    }

    /** {@code SELECT columns...}. */
    public static Select select(List<? extends Expression<?>> columns) {
        return new Select(columns);
    }

    /** {@code SELECT *}-equivalent: every column of the table, in order. */
    public static Select selectFrom(Table table) {
        return new Select(table.columns()).from(table);
    }

    /** {@code INSERT INTO table}. */
    public static Insert insertInto(Table table) {
        return new Insert(table);
    }

    /** {@code UPDATE table}. */
    public static Update update(Table table) {
        return new Update(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete deleteFrom(Table table) {
        return new Delete(table);
    }

    /**
     * In an upsert's {@code DO UPDATE}, the value the insert proposed for {@code column}
     * ({@code EXCLUDED.column}; {@code VALUES(column)} on MariaDB).
     */
    public static <T> Expression<T> excluded(Column<T> column) {
        return new Excluded<>(column);
    }

    /** A bound value of the given type. */
    public static <T> Param<T> value(T value, SqlType<T> type) {
        return Param.of(value, type);
    }

    /** {@code count(*)}. */
    public static FunctionCall<Long> count() {
        return new FunctionCall<>("count", List.of(Star.INSTANCE), Types.bigInteger());
    }

    /** {@code lower(expression)}. */
    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), expression.type());
    }

    /** {@code upper(expression)}. */
    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), expression.type());
    }

    // ---- subqueries and CTEs ----------------------------------------------------------------

    /** {@code EXISTS (subquery)}. */
    public static Condition exists(Query subquery) {
        return new Exists(subquery);
    }

    /** {@code NOT EXISTS (subquery)}. */
    public static Condition notExists(Query subquery) {
        return new Not(new Exists(subquery));
    }

    /** A CTE {@code name AS (query)}; attach it with {@link #with}. */
    public static Cte cte(String name, Query query) {
        return new Cte(name, query);
    }

    /** A CTE whose query comes later through {@link Cte#as(Query)}: for recursive CTEs, whose query names the CTE. */
    public static Cte cte(String name) {
        return new Cte(name, null);
    }

    /** {@code WITH ctes... SELECT ...}. */
    public static With with(Cte... ctes) {
        return new With(List.of(ctes), false);
    }

    /** {@code WITH RECURSIVE ctes... SELECT ...}: a CTE's query may read the CTE itself. */
    public static With withRecursive(Cte... ctes) {
        return new With(List.of(ctes), true);
    }

    // ---- aggregates -----------------------------------------------------------------------------

    /** {@code count(expression)}: rows where it is not NULL. */
    public static FunctionCall<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), Types.bigInteger());
    }

    /** {@code count(DISTINCT expression)}. */
    public static FunctionCall<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(new DistinctArgument(expression)), Types.bigInteger());
    }

    /** {@code sum(expression)}, typed like the expression (a decimal sum keeps its scale). */
    public static <N extends Number> FunctionCall<N> sum(Expression<N> expression) {
        return new FunctionCall<>("sum", List.of(expression), expression.type());
    }

    /**
     * {@code avg(expression)} as a decimal with four more digits after the point than the argument
     * (MariaDB's precision), rounded half-even, so that every database gives the same value.
     */
    public static FunctionCall<BigDecimal> avg(Expression<? extends Number> expression) {
        int scale = expression.type() instanceof NumericType n ? n.scale() : 0;
        int avgScale = Math.min(scale + 4, Arithmetics.DERIVED_PRECISION - 1);
        return new FunctionCall<>("avg", List.of(expression), Types.numeric(Arithmetics.DERIVED_PRECISION, avgScale));
    }

    /** {@code min(expression)}. */
    public static <T> FunctionCall<T> min(Expression<T> expression) {
        return new FunctionCall<>("min", List.of(expression), expression.type());
    }

    /** {@code max(expression)}. */
    public static <T> FunctionCall<T> max(Expression<T> expression) {
        return new FunctionCall<>("max", List.of(expression), expression.type());
    }

    // ---- window functions ---------------------------------------------------------------------

    /** {@code row_number()}; use with {@link FunctionCall#over(Window)}. */
    public static FunctionCall<Long> rowNumber() {
        return new FunctionCall<>("row_number", List.of(), Types.bigInteger());
    }

    /** {@code rank()}: ties share a rank, with gaps after them. */
    public static FunctionCall<Long> rank() {
        return new FunctionCall<>("rank", List.of(), Types.bigInteger());
    }

    /** {@code dense_rank()}: ties share a rank, without gaps. */
    public static FunctionCall<Long> denseRank() {
        return new FunctionCall<>("dense_rank", List.of(), Types.bigInteger());
    }

    /** {@code lag(expression)}: the value in the previous row of the window. */
    public static <T> FunctionCall<T> lag(Expression<T> expression) {
        return lag(expression, 1);
    }

    /** {@code lag(expression, offset)}: the value {@code offset} rows before. */
    public static <T> FunctionCall<T> lag(Expression<T> expression, int offset) {
        return new FunctionCall<>("lag", List.of(expression, intLiteral(offset)), expression.type());
    }

    /** {@code lead(expression)}: the value in the next row of the window. */
    public static <T> FunctionCall<T> lead(Expression<T> expression) {
        return lead(expression, 1);
    }

    /** {@code lead(expression, offset)}: the value {@code offset} rows after. */
    public static <T> FunctionCall<T> lead(Expression<T> expression, int offset) {
        return new FunctionCall<>("lead", List.of(expression, intLiteral(offset)), expression.type());
    }

    /** A window partitioned by {@code expressions}. */
    public static Window partitionBy(Expression<?>... expressions) {
        return Window.all().partitionBy(expressions);
    }

    /** A window ordered by {@code orders}. */
    public static Window orderBy(SortOrder... orders) {
        return Window.all().orderBy(orders);
    }

    // Some databases want a constant where a window offset goes; an int cannot carry SQL.
    private static Keyword<Integer> intLiteral(int n) {
        return new Keyword<>(Integer.toString(n), Types.integer());
    }

    // ---- conditional and conversion -------------------------------------------------------------

    /** {@code CASE WHEN condition THEN value ...}; add branches with {@link Case#when} and {@link Case#otherwise}. */
    public static <T> Case<T> when(Condition condition, Expression<T> value) {
        return new Case<T>(List.of(), null).when(condition, value);
    }

    /** {@code CAST(expression AS type)}. */
    public static <T> Cast<T> cast(Expression<?> expression, SqlType<T> type) {
        return new Cast<>(expression, type);
    }

    /** {@code coalesce(first, rest...)}: the first value that is not NULL. */
    @SafeVarargs
    public static <T> FunctionCall<T> coalesce(Expression<T> first, Expression<T>... rest) {
        List<Expression<T>> args = new ArrayList<>();
        args.add(first);
        args.addAll(List.of(rest));
        return new FunctionCall<>("coalesce", args, first.type());
    }

    /** {@code coalesce(expression, fallback)}. */
    public static <T> FunctionCall<T> coalesce(Expression<T> expression, T fallback) {
        return new FunctionCall<>("coalesce", List.of(expression, Param.of(fallback, expression.type())), expression.type());
    }

    // ---- scalar functions -----------------------------------------------------------------------

    /** {@code a || b || ...}: string concatenation, on every database. */
    public static Expression<String> concat(Expression<?> first, Expression<?>... rest) {
        Expression<String> result = null;
        Expression<?> left = first;
        for (Expression<?> next : rest) {
            result = left.concat(next);
            left = result;
        }
        return result != null ? result : new Cast<>(first, Types.text());
    }

    /** The length in characters (not bytes) on every database. */
    public static FunctionCall<Integer> length(Expression<String> expression) {
        return new FunctionCall<>("char_length", List.of(expression), Types.integer());
    }

    /** {@code trim(expression)}: without leading and trailing spaces. */
    public static FunctionCall<String> trim(Expression<String> expression) {
        return new FunctionCall<>("trim", List.of(expression), expression.type());
    }

    /** {@code substring(expression, start, length)}; {@code start} counts from 1. */
    public static FunctionCall<String> substring(Expression<String> expression, int start, int length) {
        // The positions are written as numbers (an int carries no SQL), so that the same substring in
        // the select list and in GROUP BY is the same expression to every database.
        return new FunctionCall<>("substring", List.of(expression, intLiteral(start), intLiteral(length)), expression.type());
    }

    /** {@code abs(expression)}. */
    public static <N extends Number> FunctionCall<N> abs(Expression<N> expression) {
        return new FunctionCall<>("abs", List.of(expression), expression.type());
    }

    /** {@code round(expression, digits)} for decimals: the result has {@code digits} after the point. */
    public static FunctionCall<BigDecimal> round(Expression<BigDecimal> expression, int digits) {
        int precision = expression.type() instanceof NumericType n ? n.precision() : Arithmetics.DERIVED_PRECISION;
        return new FunctionCall<>("round", List.of(expression, intLiteral(digits)),
                Types.numeric(Math.max(precision, digits + 1), Math.max(digits, 0)));
    }

    /** {@code round(expression)} to a whole number, keeping the Java type. */
    public static <N extends Number> FunctionCall<N> round(Expression<N> expression) {
        return new FunctionCall<>("round", List.of(expression), expression.type());
    }

    /** {@code CURRENT_TIMESTAMP}: the database's clock, as an instant (UTC). */
    public static Expression<java.time.OffsetDateTime> currentTimestamp() {
        return new Keyword<>("CURRENT_TIMESTAMP", Types.dateTimeTz());
    }
}
