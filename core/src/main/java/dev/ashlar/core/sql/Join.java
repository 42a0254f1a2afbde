package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/**
 * One join in a query's FROM clause: {@code LEFT JOIN target ON condition}.
 *
 * @param type inner, left, right or full
 * @param target what is joined
 * @param on the join condition
 */
public record Join(JoinType type, FromItem target, Condition on) implements SqlNode {
    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitJoin(this);
    }
}
