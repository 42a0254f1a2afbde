package dev.ashlar.core.explain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Asks one kind of database how it will run a query. Each database has its own implementation in
 * its dialect package, because every database words its plans differently.
 */
@FunctionalInterface
public interface PlanReader {
    /**
     * Runs EXPLAIN for a query whose table aliases are known (a statement that Ashlar compiled:
     * the aliases come from its tree), and reads the plan.
     *
     * @param connection an open connection to the database; it is left open
     * @param sql the query, with {@code ?} placeholders
     * @param parameters the values for the placeholders, bound in order with {@code setObject}
     * @param aliases the table behind each alias of the query, which plans may name instead of the table
     * @return the plan with its verdict
     * @throws SQLException when the database rejects the query or the EXPLAIN
     */
    QueryPlan explain(Connection connection, String sql, List<Object> parameters, TableAliases aliases) throws SQLException;

    /**
     * Runs EXPLAIN for raw SQL without running the query itself, and reads the plan; aliases are
     * read from the SQL's FROM and JOIN clauses ({@link TableAliases#of(String)}).
     *
     * @param connection an open connection to the database; it is left open
     * @param sql the query, with {@code ?} placeholders
     * @param parameters the values for the placeholders, bound in order with {@code setObject}
     * @return the plan with its verdict
     * @throws SQLException when the database rejects the query or the EXPLAIN
     */
    default QueryPlan explain(Connection connection, String sql, List<Object> parameters) throws SQLException {
        return explain(connection, sql, parameters, TableAliases.of(sql));
    }

    /**
     * How this database's plans name a lookup through a table's primary key, whose catalog name is
     * {@code primaryKeyName} ({@link dev.ashlar.core.dialect.Dialect#primaryKeyName}): by that name by
     * default. SQLite's plans say {@code PRIMARY KEY} for a search of the rowid, whatever the key is called.
     *
     * @param primaryKeyName the key's name in the catalog
     * @return the index name {@link PlanNode#index()} and {@link QueryPlan#indexesUsed()} give such a lookup
     */
    default String primaryKeyIndex(String primaryKeyName) {
        return primaryKeyName;
    }
}
