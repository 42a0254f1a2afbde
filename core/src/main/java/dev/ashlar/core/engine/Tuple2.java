package dev.ashlar.core.engine;

/**
 * Two typed values from one row, as read by {@link Row#tuple(dev.ashlar.core.sql.Expression, dev.ashlar.core.sql.Expression)}.
 *
 * @param <A> the first value's type
 * @param <B> the second value's type
 */
public record Tuple2<A, B>(A first, B second) {
}
