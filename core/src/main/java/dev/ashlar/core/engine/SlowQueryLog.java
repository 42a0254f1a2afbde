package dev.ashlar.core.engine;

import dev.ashlar.core.explain.QueryPlan;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow-query log ({@link EngineOptions#slowQueryThreshold}): a query that took at least the
 * threshold is logged once per distinct SQL text, at WARN through SLF4J logger {@code ashlar.slow},
 * with the verdict of its plan, so that the log says why it was slow:
 * {@code slow query (41.2 ms, threshold 20 ms): SELECT ... WHERE items.name = ? -- full scan of items}.
 *
 * <p>The plan is read with EXPLAIN on the same connection, with the same values, right after the
 * query ended (for a query, when its result closed), once per SQL text. Only successful SELECT (and
 * WITH) queries are explained; the values never appear in the line.
 */
final class SlowQueryLog implements ExecutionListener {
    /** Distinct SQL texts remembered; past this, new ones are logged but no longer remembered. */
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger("ashlar.slow");

    private final long thresholdNanos;
    private final Duration threshold;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    SlowQueryLog(Duration threshold) {
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public void statementEnded(StatementEvent event) {
        if (event.kind() != StatementKind.QUERY || event.error() != null || event.durationNanos() < thresholdNanos
                || !explainable(event.sql()) || logged.contains(event.sql())) {
            return;
        }
        if (logged.size() < MAX_REMEMBERED) {
            logged.add(event.sql());
        }
        LOG.warn("slow query ({} ms, threshold {} ms): {} -- {}", String.format(Locale.ROOT, "%.1f", event.durationNanos() / 1e6),
                threshold.toMillis(), event.sql(), verdict(event));
    }

    private static boolean explainable(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH");
    }

    private static String verdict(StatementEvent event) {
        if (event.runner == null || event.runner.isClosed()) {
            return "no plan: the connection is closed";
        }
        try {
            QueryPlan plan = new RawSql(event.runner).explain(event.sql(), event.values.get(), dev.ashlar.core.explain.TableAliases.of(event.sql()));
            return plan.verdict();
        } catch (RuntimeException e) {
            return "no plan: EXPLAIN failed with " + e.getClass().getSimpleName();
        }
    }
}
