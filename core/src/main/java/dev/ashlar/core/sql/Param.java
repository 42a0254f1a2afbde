package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/**
 * A bound parameter: a value and the SQL type that says how to bind it. Always rendered as a
 * placeholder, never as text.
 */
public record Param<T>(T value, SqlType<T> type) implements Expression<T> {
    /** A parameter of the given type. */
    public static <T> Param<T> of(T value, SqlType<T> type) {
        return new Param<>(value, type);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitParam(this);
    }
}
