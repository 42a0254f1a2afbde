package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a list of writes with as few round trips as the SQL allows: consecutive statements that
 * compile to the same SQL are sent as one JDBC batch. This is the grouping only; the runs
 * themselves go through the {@link StatementRunner}.
 */
final class StatementBatches {
    private final StatementRunner runner;
    private final Dialect dialect;

    StatementBatches(StatementRunner runner) {
        this.runner = runner;
        this.dialect = runner.dialect();
    }

    /** Runs {@code statements} in order and returns each one's row count. */
    int[] execute(List<? extends Statement> statements) {
        runner.checkOpen();
        int[] counts = new int[statements.size()];
        int i = 0;
        while (i < statements.size()) {
            CompiledSql first = dialect.compile(statements.get(i));
            List<List<Param<?>>> group = new ArrayList<>();
            group.add(first.parameters());
            // UPDATEs that differ only in their values are bound without compiling them again.
            UpdateShape shape = UpdateShape.of(statements.get(i), first);
            int j = i + 1;
            while (j < statements.size()) {
                List<Param<?>> direct = shape == null ? null : shape.parameters(statements.get(j));
                if (direct != null) {
                    group.add(direct);
                } else {
                    CompiledSql next = dialect.compile(statements.get(j));
                    if (!next.sql().equals(first.sql())) {
                        break;
                    }
                    group.add(next.parameters());
                }
                j++;
            }
            Statement source = statements.get(i);
            int[] groupCounts = group.size() == 1
                    ? new int[] {runner.update(source, first)}
                    : runner.batch(StatementRunner.kindOf(source), source, first.sql(), group, runner::bind, StatementBatches::values);
            System.arraycopy(groupCounts, 0, counts, i, groupCounts.length);
            i = j;
        }
        return counts;
    }

    private static List<Object> values(List<Param<?>> params) {
        List<Object> out = new ArrayList<>(params.size());
        for (Param<?> p : params) {
            out.add(p.value());
        }
        return out;
    }
}
