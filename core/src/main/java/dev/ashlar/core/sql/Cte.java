package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.types.SqlType;
import java.util.Objects;

/**
 * A common table expression, {@code WITH name AS (query)}, used in FROM by its name. Make one with
 * {@link Sql#cte(String, Query)}, or, for a recursive one whose query refers to itself, name it
 * first with {@link Sql#cte(String)}, take its columns with {@link #col(String, SqlType)}, and
 * then give its query with {@link #as(Query)}, which returns the complete CTE. Attach it with {@link Sql#with} or {@link Sql#withRecursive}.
 */
public final class Cte implements FromItem {
    private final String name;
    private final Query query;

    Cte(String name, Query query) {
        this.name = Objects.requireNonNull(name, "name");
        this.query = query;
    }

    /**
     * This CTE, named before its query was known (a recursive CTE), with its query: a new CTE of the
     * same name, which is the one to pass to {@link Sql#withRecursive}.
     */
    public Cte as(Query query) {
        if (this.query != null) {
            throw new UsageException("CTE " + name + " already has its query");
        }
        return new Cte(name, Objects.requireNonNull(query, "query"));
    }

    /** The CTE's name. */
    public String name() {
        return name;
    }

    /** Its query; fails when it has none yet. */
    public Query query() {
        if (query == null) {
            throw new UsageException("CTE " + name + " has no query: use the CTE that as(query) returns");
        }
        return query;
    }

    /** The CTE's column that its query's {@code selected} expression fills. */
    public <T> Expression<T> col(Expression<T> selected) {
        return Subqueries.column(query(), name, selected);
    }

    /** The CTE's column by name and type; for recursive CTEs, whose query is not known yet. */
    public <T> Expression<T> col(String columnName, SqlType<T> type) {
        return new QualifiedColumn<>(name, columnName, type);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitCteReference(this);
    }
}
