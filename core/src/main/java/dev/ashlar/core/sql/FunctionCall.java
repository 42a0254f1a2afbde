package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;
import java.util.List;

/** A SQL function call such as {@code count(*)} or {@code lower(name)}, with its result type. */
public record FunctionCall<T>(String name, List<? extends SqlNode> arguments, SqlType<T> type) implements Expression<T> {
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    /** This function evaluated over a window: {@code sum(total) OVER (PARTITION BY ... ORDER BY ...)}. */
    public WindowFunction<T> over(Window window) {
        return new WindowFunction<>(this, window);
    }

    /** This function over the whole result, {@code OVER ()}. */
    public WindowFunction<T> over() {
        return over(Window.all());
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitFunctionCall(this);
    }
}
