package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import java.util.List;

/** {@code expression IN (v1, v2, ...)}. */
public record InList(Expression<?> expression, List<? extends Expression<?>> values) implements Condition {
    public InList {
        values = List.copyOf(values);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitInList(this);
    }
}
