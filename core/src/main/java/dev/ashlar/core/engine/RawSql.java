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
 * come back untyped. Its kind is read from its first keyword ({@link StatementKind#ofSql}).
 */
final class RawSql {
    private final StatementRunner runner;

    RawSql(StatementRunner runner) {
        this.runner = runner;
    }

    /** Runs {@code sql} with {@code :name} placeholders bound from {@code parameters}; the rows of a query, else null. */
    Result run(String sql, Map<String, ?> parameters) {
        runner.checkOpen();
        NamedParameters named = NamedParameters.parse(sql, runner.dialect().lexicalRules());
        List<Object> values = named.values(parameters);
        String text = named.sql();
        StatementKind kind = StatementKind.ofSql(text);
        return runner.open(kind, null, text, () -> values, () -> {
            PreparedStatement ps = runner.prepare(null, text, 0);
            try {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                ResultSet rs = ps.execute() ? ps.getResultSet() : null;
                if (rs == null) {
                    int count = ps.getUpdateCount();
                    runner.release(null, ps);
                    return StatementRunner.Opened.noRows(count);
                }
                return new StatementRunner.Opened(ps, null, rs, null, -1);
            } catch (SQLException | RuntimeException e) {
                runner.release(null, ps);
                throw e;
            }
        });
    }

    /** Runs parameterless SQL such as DDL; the update count, or -1 for a query. */
    int execute(String sql) {
        StatementKind kind = StatementKind.ofSql(sql);
        return runner.execute(kind, sql, null, 1, false, List::of, () -> {
            try (java.sql.Statement s = runner.jdbc().createStatement()) {
                return s.execute(sql) ? -1 : s.getUpdateCount();
            }
        }, count -> kind == StatementKind.DDL ? -1 : count, null);
    }

    /** The database's plan for {@code sql} with positional {@code ?} parameters and the query's table aliases. */
    QueryPlan explain(String sql, List<Object> parameters, dev.ashlar.core.explain.TableAliases aliases) {
        return runner.execute(StatementKind.EXPLAIN, "EXPLAIN " + sql, null, 1, false, () -> parameters,
                () -> runner.dialect().planReader().explain(runner.jdbc(), sql, parameters, aliases), plan -> plan.nodes().size(), null);
    }
}
