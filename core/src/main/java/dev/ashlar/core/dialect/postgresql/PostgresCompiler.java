package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Keyword;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Like;
import java.util.List;

/** PostgreSQL's statement spellings. */
class PostgresCompiler extends SqlCompiler {
    PostgresCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * PostgreSQL numbers parameters ($1, $2...), so an expression with parameters in the select list
     * and again in GROUP BY or ORDER BY is two different expressions to it ({@code substring(x, $1, $2)}
     * vs {@code substring(x, $3, $4)}), and grouping by it fails. Such an item is written as the
     * position of its select-list column ({@code GROUP BY 1}), which PostgreSQL reads as that very
     * expression. Items without parameters stay as they are.
     */
    @Override
    protected Expression<?> groupOrOrderItem(Expression<?> item, List<Expression<?>> selectList) {
        for (int i = 0; i < selectList.size(); i++) {
            Expression<?> column = selectList.get(i);
            Expression<?> selected = column instanceof Labeled<?> labeled ? labeled.expression() : column;
            Expression<?> wanted = item instanceof Labeled<?> labeled ? labeled.expression() : item;
            if (selected.equals(wanted)) {
                return dialect.compile(wanted).parameters().isEmpty() ? item : new Keyword<>(Integer.toString(i + 1), wanted.type());
            }
        }
        return item;
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
