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

    /** {@code this BETWEEN low AND high}, both ends included. */
    default Condition between(T low, T high) {
        return new Between(this, Param.of(low, type()), Param.of(high, type()));
    }

    /** {@code this BETWEEN low AND high}, both ends included. */
    default Condition between(Expression<T> low, Expression<T> high) {
        return new Between(this, low, high);
    }

    /** {@code this IN (SELECT ...)}; the subquery selects one column. */
    default Condition in(Query subquery) {
        return new InSubquery(this, subquery);
    }

    /**
     * {@code this LIKE pattern}: {@code %} any text, {@code _} one character, and a backslash makes
     * the character after it stand for itself ({@code ESCAPE '\'}). Case-sensitive on every
     * database; see {@link #ilike} for a match that ignores case.
     */
    default Condition like(String pattern) {
        return new Like(this, Param.of(pattern, dev.ashlar.core.types.Types.text()), false);
    }

    /** {@code this LIKE pattern ESCAPE 'escape'}, for hand-written patterns with another escape character. Case-sensitive. */
    default Condition like(String pattern, char escape) {
        return new Like(this, Param.of(pattern, dev.ashlar.core.types.Types.text()), false, escape);
    }

    /** A {@code LIKE} (backslash escapes) that ignores case for all of Unicode on every database: {@code É} matches {@code é}. */
    default Condition ilike(String pattern) {
        return new Like(this, Param.of(pattern, dev.ashlar.core.types.Types.text()), true);
    }

    /** {@link #ilike(String)} with another escape character. */
    default Condition ilike(String pattern, char escape) {
        return new Like(this, Param.of(pattern, dev.ashlar.core.types.Types.text()), true, escape);
    }

    /** Whether this text contains {@code text} as it is: {@code %} and {@code _} in it are no wildcards. Case-sensitive. */
    default Condition contains(String text) {
        return like("%" + Like.escape(text, Like.DEFAULT_ESCAPE) + "%");
    }

    /** Whether this text starts with {@code text} as it is (wildcards escaped). Case-sensitive. */
    default Condition startsWith(String text) {
        return like(Like.escape(text, Like.DEFAULT_ESCAPE) + "%");
    }

    /** Whether this text ends with {@code text} as it is (wildcards escaped). Case-sensitive. */
    default Condition endsWith(String text) {
        return like("%" + Like.escape(text, Like.DEFAULT_ESCAPE));
    }

    /** This expression named {@code label} in a select list: {@code expr AS label}. */
    default Labeled<T> as(String label) {
        return new Labeled<>(this, label);
    }

    /** {@code this + other}; for numbers only (checked when built). */
    default Expression<T> add(Expression<T> other) {
        return Arithmetics.of(Operator.ADD, this, other);
    }

    /** {@code this + n}, {@code n} bound with this expression's type; for numbers only. */
    default Expression<T> add(Number n) {
        return Arithmetics.of(Operator.ADD, this, n);
    }

    /** {@code this - other}; for numbers only. */
    default Expression<T> sub(Expression<T> other) {
        return Arithmetics.of(Operator.SUB, this, other);
    }

    /** {@code this - n}; for numbers only. */
    default Expression<T> sub(Number n) {
        return Arithmetics.of(Operator.SUB, this, n);
    }

    /** {@code this * other}; for numbers only. A decimal's scale is the sum of the operands' scales. */
    default Expression<T> mul(Expression<T> other) {
        return Arithmetics.of(Operator.MUL, this, other);
    }

    /** {@code this * n}; for numbers only: {@code price.mul(2)}. */
    default Expression<T> mul(Number n) {
        return Arithmetics.of(Operator.MUL, this, n);
    }

    /** {@code this / other}; integer division for integer types on every database. */
    default Expression<T> div(Expression<T> other) {
        return Arithmetics.of(Operator.DIV, this, other);
    }

    /** {@code this / n}; integer division for integer types on every database. */
    default Expression<T> div(Number n) {
        return Arithmetics.of(Operator.DIV, this, n);
    }

    /** {@code this || other}: string concatenation (MariaDB sessions run with PIPES_AS_CONCAT). */
    default Expression<String> concat(Expression<?> other) {
        return new Arithmetic<>(Operator.CONCAT, this, other, dev.ashlar.core.types.Types.text());
    }

    /** {@code this || text}. */
    default Expression<String> concat(String text) {
        return concat(Param.of(text, dev.ashlar.core.types.Types.text()));
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
