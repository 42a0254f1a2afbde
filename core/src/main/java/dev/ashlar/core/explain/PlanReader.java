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
     * Runs EXPLAIN for a query without running the query itself, and reads the plan.
     *
     * @param connection an open connection to the database; it is left open
     * @param sql the query, with {@code ?} placeholders
     * @param parameters the values for the placeholders, bound in order with {@code setObject}
     * @return the plan with its verdict
     * @throws SQLException when the database rejects the query or the EXPLAIN
     */
    QueryPlan explain(Connection connection, String sql, List<Object> parameters) throws SQLException;
}
