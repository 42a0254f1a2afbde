package dev.ashlar.core.sql;

import dev.ashlar.core.types.SqlType;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL value expression: a column, a bound parameter, an operation or a function call.
 * Comparisons take values of the expression's own Java type, so comparing a {@code String} column
 * with a number does not compile. Every value becomes a bound parameter; there is no way to
 * splice a value into the SQL text.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends SqlNode {
    /** The SQL type of the expression's values, which decides how values are bound and read. */
    SqlType<T> type();

    /** {@code this = value}; a {@code null} value yields {@code IS NULL}. */
    default Condition eq(T value) {
        return value == null ? isNull() : new Comparison(this, Operator.EQ, Param.of(value, type()));
    }

    /** {@code this = other}. */
    default Condition eq(Expression<T> other) {
        return new Comparison(this, Operator.EQ, other);
    }

    /** {@code this <> value}; a {@code null} value yields {@code IS NOT NULL}. */
    default Condition ne(T value) {
        return value == null ? isNotNull() : new Comparison(this, Operator.NE, Param.of(value, type()));
    }

    /** {@code this <> other}. */
    default Condition ne(Expression<T> other) {
        return new Comparison(this, Operator.NE, other);
    }

    /** {@code this < value}. */
    default Condition lt(T value) {
        return new Comparison(this, Operator.LT, Param.of(value, type()));
    }

    /** {@code this < other}. */
    default Condition lt(Expression<T> other) {
        return new Comparison(this, Operator.LT, other);
    }

    /** {@code this <= value}. */
    default Condition le(T value) {
        return new Comparison(this, Operator.LE, Param.of(value, type()));
    }

    /** {@code this <= other}. */
    default Condition le(Expression<T> other) {
        return new Comparison(this, Operator.LE, other);
    }

    /** {@code this > value}. */
    default Condition gt(T value) {
        return new Comparison(this, Operator.GT, Param.of(value, type()));
    }

    /** {@code this > other}. */
    default Condition gt(Expression<T> other) {
        return new Comparison(this, Operator.GT, other);
    }

    /** {@code this >= value}. */
    default Condition ge(T value) {
        return new Comparison(this, Operator.GE, Param.of(value, type()));
    }

    /** {@code this >= other}. */
    default Condition ge(Expression<T> other) {
        return new Comparison(this, Operator.GE, other);
    }

    /** {@code this IS NULL}. */
    default Condition isNull() {
        return new NullTest(this, false);
    }

    /** {@code this IS NOT NULL}. */
    default Condition isNotNull() {
        return new NullTest(this, true);
    }

    /** {@code this IN (values...)}; an empty list is always false. */
    @SuppressWarnings("unchecked")
    default Condition in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code this IN (values...)}; an empty collection is always false. */
    default Condition in(Collection<? extends T> values) {
        List<Expression<T>> params = values.stream().map(v -> (Expression<T>) Param.of(v, type())).toList();
        return new InList(this, params);
    }

    /** {@code this + value} (minimal arithmetic for writes such as {@code set(hits, hits.add(1L))}). */
    default Expression<T> add(T value) {
        return new Arithmetic<>(this, "+", Param.of(value, type()));
    }

    /** {@code this + other}. */
    default Expression<T> add(Expression<T> other) {
        return new Arithmetic<>(this, "+", other);
    }

    /** {@code this * value} (for writes such as {@code set(price, price.mul(new BigDecimal("1.1")))}). */
    default Expression<T> mul(T value) {
        return new Arithmetic<>(this, "*", Param.of(value, type()));
    }

    /** {@code this * other}. */
    default Expression<T> mul(Expression<T> other) {
        return new Arithmetic<>(this, "*", other);
    }

    /** Ascending order on this expression. */
    default SortOrder asc() {
        return new SortOrder(this, true, SortOrder.Nulls.DEFAULT);
    }

    /** Descending order on this expression. */
    default SortOrder desc() {
        return new SortOrder(this, false, SortOrder.Nulls.DEFAULT);
    }

    /** The SQL name of this expression in a select list, or {@code null} when it has none. */
    default String label() {
        return null;
    }
}
