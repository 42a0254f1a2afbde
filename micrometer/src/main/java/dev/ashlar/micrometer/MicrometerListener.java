package dev.ashlar.micrometer;

import dev.ashlar.core.engine.ExecutionListener;
import dev.ashlar.core.engine.StatementEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Records every statement an engine sends in Micrometer, with a bounded set of tags: the statement
 * kind ({@code query}, {@code insert}, ..., {@code commit}), the table (the first one the statement
 * tree names: a write's target or a query's first FROM table; {@code none} for raw SQL and
 * transaction control), and the outcome ({@code success}, or the simple name of Ashlar's exception
 * type). Never the SQL text or a value, so a table with a thousand distinct lookups is one series.
 * <ul>
 *   <li>{@code ashlar.statements}: a timer of each statement's duration (for a query, until its
 *       result closed);</li>
 *   <li>{@code ashlar.statement.rows}: a counter of rows read or written, for statements that
 *       report them.</li>
 * </ul>
 *
 * <pre>{@code
 * Engine engine = Engine.create(url, EngineOptions.defaults().listener(new MicrometerListener(registry)));
 * }</pre>
 */
public final class MicrometerListener implements ExecutionListener {
    /** The timer's name. */
    public static final String STATEMENTS = "ashlar.statements";
    /** The row counter's name. */
    public static final String ROWS = "ashlar.statement.rows";

    private final MeterRegistry registry;

    public MicrometerListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void statementEnded(StatementEvent event) {
        String kind = event.kind().name().toLowerCase(Locale.ROOT);
        String table = event.tables().isEmpty() ? "none" : event.tables().get(0);
        String outcome = event.error() == null ? "success" : event.error().getClass().getSimpleName();
        Tags tags = Tags.of("kind", kind, "table", table);
        Timer.builder(STATEMENTS)
                .description("Statements sent by Ashlar, by kind, table and outcome")
                .tags(tags).tag("outcome", outcome)
                .register(registry)
                .record(event.durationNanos(), TimeUnit.NANOSECONDS);
        if (event.rows() > 0) {
            Counter.builder(ROWS)
                    .description("Rows read or written by Ashlar's statements, by kind and table")
                    .tags(tags)
                    .register(registry)
                    .increment(event.rows());
        }
    }
}
