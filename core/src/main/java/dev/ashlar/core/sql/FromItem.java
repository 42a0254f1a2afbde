package dev.ashlar.core.sql;

/**
 * Something a query reads rows from: a {@link dev.ashlar.core.schema.Table}, a {@link TableAlias},
 * a {@link DerivedTable} (subquery in FROM) or a {@link Cte}.
 */
public interface FromItem extends SqlNode {
}
