package dev.ashlar.core.engine;

/**
 * Turns a row into an object. Implementations are made once (for a model, at startup) and called
 * per row, so they must not reflect or look anything up per call.
 *
 * @param <T> what a row becomes
 */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
