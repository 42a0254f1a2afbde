package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;
import java.util.List;

/** A SQL function call such as {@code count(*)} or {@code lower(name)}, with its result type. */
public record FunctionCall<T>(String name, List<? extends SqlNode> arguments, SqlType<T> type) implements Expression<T> {
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitFunctionCall(this);
    }
}
