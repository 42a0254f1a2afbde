package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.sql.Like;

/** PostgreSQL's statement spellings. */
class PostgresCompiler extends SqlCompiler {
    PostgresCompiler(Dialect dialect) {
        super(dialect);
    }

    /** PostgreSQL matches without regard to case with {@code ILIKE}. */
    @Override
    public void visitLike(Like like) {
        if (!like.ignoreCase()) {
            super.visitLike(like);
            return;
        }
        operand(like.expression());
        sql.append(" ILIKE ");
        operand(like.pattern());
        sql.append(" ESCAPE ").append(dialect.stringLiteral(String.valueOf(like.escape())));
    }
}
