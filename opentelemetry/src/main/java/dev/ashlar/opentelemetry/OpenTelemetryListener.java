package dev.ashlar.opentelemetry;

import dev.ashlar.core.engine.ExecutionListener;
import dev.ashlar.core.engine.StatementEvent;
import dev.ashlar.core.engine.StatementKind;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;

/**
 * One OpenTelemetry span per statement, following the database semantic conventions: span kind
 * CLIENT, named {@code "<operation> <collection>"} ({@code SELECT items}), with
 * <ul>
 *   <li>{@code db.system.name} (and the older {@code db.system}): the dialect, such as
 *       {@code postgresql};</li>
 *   <li>{@code db.operation.name}: {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE},
 *       {@code COPY}, {@code COMMIT}..., or the first keyword of raw SQL and DDL;</li>
 *   <li>{@code db.collection.name}: the table, taken from Ashlar's statement tree (not parsed from
 *       text), when the statement names exactly one;</li>
 *   <li>{@code db.query.text}: the SQL as sent, with placeholders; string and number literals that
 *       raw SQL spells out are replaced by {@code ?}, so no value reaches the span;</li>
 *   <li>{@code db.response.returned_rows} for queries, and on failure {@code error.type} (Ashlar's
 *       exception type) with status ERROR. The exception itself is not recorded, since its message
 *       carries the statement's parameters.</li>
 * </ul>
 *
 * <pre>{@code
 * Engine engine = Engine.create(url, EngineOptions.defaults().listener(new OpenTelemetryListener(openTelemetry, "postgresql")));
 * }</pre>
 */
public final class OpenTelemetryListener implements ExecutionListener {
    static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> DB_COLLECTION_NAME = AttributeKey.stringKey("db.collection.name");
    static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    static final AttributeKey<Long> DB_RETURNED_ROWS = AttributeKey.longKey("db.response.returned_rows");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private static final Object SPAN = new Object();

    private final Tracer tracer;
    private final String system;

    /**
     * @param openTelemetry where spans go
     * @param system        the database, as the conventions name it: the engine's
     *                      {@code engine.dialect().name()} ({@code sqlite}, {@code postgresql}, {@code mariadb})
     */
    public OpenTelemetryListener(OpenTelemetry openTelemetry, String system) {
        this.tracer = openTelemetry.getTracer("dev.ashlar");
        this.system = system;
    }

    @Override
    public void statementStarted(StatementEvent event) {
        String operation = operation(event);
        String collection = event.tables().size() == 1 ? event.tables().get(0) : null;
        var builder = tracer.spanBuilder(collection == null ? operation : operation + " " + collection)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM_NAME, system)
                .setAttribute(DB_SYSTEM, system)
                .setAttribute(DB_OPERATION_NAME, operation)
                .setAttribute(DB_QUERY_TEXT, QueryText.withoutLiterals(event.sql()));
        if (collection != null) {
            builder.setAttribute(DB_COLLECTION_NAME, collection);
        }
        event.attribute(SPAN, builder.startSpan());
    }

    @Override
    public void statementEnded(StatementEvent event) {
        if (!(event.attribute(SPAN) instanceof Span span)) {
            return;
        }
        if (event.error() != null) {
            span.setAttribute(ERROR_TYPE, event.error().getClass().getName());
            span.setStatus(StatusCode.ERROR, event.error().getClass().getSimpleName());
        } else if (event.kind() == StatementKind.QUERY && event.rows() >= 0) {
            span.setAttribute(DB_RETURNED_ROWS, event.rows());
        }
        span.end();
    }

    private static String operation(StatementEvent event) {
        return switch (event.kind()) {
            case QUERY -> "SELECT";
            case INSERT, UPDATE, DELETE, COPY, EXPLAIN, BEGIN, COMMIT, ROLLBACK, SAVEPOINT -> event.kind().name();
            case RELEASE_SAVEPOINT -> "RELEASE SAVEPOINT";
            case ROLLBACK_TO_SAVEPOINT -> "ROLLBACK TO SAVEPOINT";
            case DDL, OTHER -> QueryText.firstKeyword(event.sql());
        };
    }
}
