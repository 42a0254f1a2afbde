package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import java.util.Objects;

/**
 * A subquery in FROM, {@code (SELECT ...) AS alias}. Its columns are the subquery's selected
 * expressions seen from outside: {@code totals.col(sumExpr)} is {@code totals.total}, typed like {@code sumExpr}.
 *
 * @param query the subquery
 * @param alias the name the outer query uses for it
 */
public record DerivedTable(Query query, String alias) implements FromItem {
    public DerivedTable {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(alias, "alias");
    }

    /** The column of this derived table that the subquery's {@code selected} expression fills. */
    public <T> Expression<T> col(Expression<T> selected) {
        return Subqueries.column(query, alias, selected);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitDerivedTable(this);
    }
}
