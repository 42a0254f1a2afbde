package dev.ashlar.core.engine;

/**
 * Three typed values from one row, as read by {@link Row#tuple(dev.ashlar.core.sql.Expression,
 * dev.ashlar.core.sql.Expression, dev.ashlar.core.sql.Expression)}.
 *
 * @param <A> the first value's type
 * @param <B> the second value's type
 * @param <C> the third value's type
 */
public record Tuple3<A, B, C>(A first, B second, C third) {
}
