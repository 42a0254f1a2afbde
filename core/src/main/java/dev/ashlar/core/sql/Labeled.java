package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/**
 * An expression with a name in the select list, {@code expr AS label}. Select the labelled
 * expression and read it back with {@code row.get(labelled)} or {@code row.get("label")}. In ORDER
 * BY it refers to the select list's column by its label.
 */
public record Labeled<T>(Expression<T> expression, String label) implements Expression<T> {
    @Override
    public SqlType<T> type() {
        return expression.type();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitLabeled(this);
    }
}
