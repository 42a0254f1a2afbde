package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/**
 * {@code expression LIKE pattern}; with {@code ignoreCase}, a match that ignores case on every
 * database ({@code ILIKE} where the database has it, {@code lower(x) LIKE lower(p)} elsewhere).
 */
public record Like(Expression<?> expression, Expression<String> pattern, boolean ignoreCase) implements Condition {
    public Like {
        if (expression.type().javaType() != String.class) {
            throw new IllegalArgumentException("LIKE needs a string, but " + (expression.label() == null ? "the expression" : expression.label())
                    + " is " + expression.type().describe());
        }
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitLike(this);
    }
}
