package dev.ashlar.core.engine;

import dev.ashlar.core.explain.QueryPlan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * SQL text the caller wrote rather than a statement Ashlar compiled: raw SQL with named
 * parameters, parameterless DDL, and EXPLAIN. Such text is run once, so its statements are not
 * cached, its values are bound as the driver sees fit (no column types are known), and its rows
 * come back untyped.
 */
final class RawSql {
    private final StatementRunner runner;

    RawSql(StatementRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code sql} with {@code :name} placeholders bound from {@code parameters}; the rows of a query, else null. */
    Result run(String sql, Map<String, ?> parameters) {
        NamedParameters named = NamedParameters.parse(sql, runner.dialect().backslashEscapesInStrings());
        List<Object> values = named.values(parameters);
        long start = System.nanoTime();
        PreparedStatement ps = null;
        try {
            ps = runner.prepare(null, named.sql(), 0);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            boolean hasRows = ps.execute();
            runner.notifyListener(named.sql(), 1);
            ResultSet rs = hasRows ? ps.getResultSet() : null;
            if (rs == null) {
                int count = ps.getUpdateCount();
                runner.release(null, ps);
                if (runner.echo().on()) {
                    runner.echo().statement(named.sql(), values, start, count, "rows affected");
                }
                return null;
            }
            return runner.register(new Result(runner, ps, null, rs, RowShape.untyped(rs.getMetaData()), named.sql(), () -> values, start));
        } catch (SQLException e) {
            runner.release(null, ps);
            throw runner.translate(e, named.sql(), values);
        } catch (RuntimeException e) {
            runner.release(null, ps);
            throw e;
        }
    }

    /** Runs parameterless SQL such as DDL; the update count, or -1 for a query. */
    int execute(String sql) {
        long start = System.nanoTime();
        try (java.sql.Statement s = runner.jdbc().createStatement()) {
            boolean rows = s.execute(sql);
            runner.notifyListener(sql, 1);
            int count = rows ? -1 : s.getUpdateCount();
            if (runner.echo().on()) {
                runner.echo().statement(sql, List.of(), start);
            }
            return count;
        } catch (SQLException e) {
            throw runner.translate(e, sql, List.of());
        }
    }

    /** The database's plan for {@code sql} with positional {@code ?} parameters and the query's table aliases. */
    QueryPlan explain(String sql, List<Object> parameters, dev.ashlar.core.explain.TableAliases aliases) {
        runner.checkOpen();
        long start = System.nanoTime();
        try {
            QueryPlan plan = runner.dialect().planReader().explain(runner.jdbc(), sql, parameters, aliases);
            if (runner.echo().on()) {
                runner.echo().statement("EXPLAIN " + sql, parameters, start, plan.nodes().size(), "plan nodes");
            }
            return plan;
        } catch (SQLException e) {
            throw runner.translate(e, "EXPLAIN " + sql, parameters);
        }
    }
}
