package dev.ashlar.opentelemetry;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spans per the database semantic conventions, from the statement tree, never carrying a value. */
class OpenTelemetryListenerTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> name = Column.of("name", string(40)).notNull();
    private final Table items = md.table("items", id, name);

    @AllDatabases
    void aThousandDistinctValuesMakeSpansWithoutTheValues(TestDatabase db) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        try (Engine setup = Engine.create(db.url())) {
            SchemaDdl.createAll(setup, md);
        }
        String system = db.kind().id();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().listener(new OpenTelemetryListener(otel, system)));
             Connection conn = engine.connect()) {
            conn.execute(insertInto(items).set(id, 1L).set(name, "secret-1"));
            for (int i = 0; i < 1_000; i++) {
                conn.query(select(id).from(items).where(name.eq("secret-" + i))).list();
            }
            conn.sql("SELECT id FROM items WHERE name = 'secret-x' AND id > 7", Map.of()).list();
            assertThatThrownBy(() -> conn.execute(insertInto(items).set(id, 1L).set(name, "secret-dup")))
                    .isInstanceOf(UniqueViolationException.class);
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        List<SpanData> lookups = spans.stream().filter(s -> s.getName().equals("SELECT items")).toList();
        assertThat(lookups).hasSize(1_000);
        assertThat(lookups.stream().map(s -> s.getAttributes().get(OpenTelemetryListener.DB_QUERY_TEXT)).distinct().toList())
                .singleElement().satisfies(text -> assertThat(text).contains("?"));
        SpanData lookup = lookups.get(0);
        assertThat(lookup.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(lookup.getAttributes().get(OpenTelemetryListener.DB_SYSTEM_NAME)).isEqualTo(system);
        assertThat(lookup.getAttributes().get(OpenTelemetryListener.DB_SYSTEM)).isEqualTo(system);
        assertThat(lookup.getAttributes().get(OpenTelemetryListener.DB_OPERATION_NAME)).isEqualTo("SELECT");
        assertThat(lookup.getAttributes().get(OpenTelemetryListener.DB_COLLECTION_NAME)).isEqualTo("items");

        SpanData raw = spans.stream().filter(s -> String.valueOf(s.getAttributes().get(OpenTelemetryListener.DB_QUERY_TEXT))
                .startsWith("SELECT id FROM items WHERE name =")).findFirst().orElseThrow();
        assertThat(raw.getAttributes().get(OpenTelemetryListener.DB_QUERY_TEXT)).isEqualTo("SELECT id FROM items WHERE name = ? AND id > ?");

        SpanData failed = spans.stream().filter(s -> s.getStatus().getStatusCode() == StatusCode.ERROR).findFirst().orElseThrow();
        assertThat(failed.getName()).isEqualTo("INSERT items");
        assertThat(failed.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isEqualTo(UniqueViolationException.class.getName());
        assertThat(failed.getEvents()).as("no exception event: its message would carry the parameters").isEmpty();

        for (SpanData span : spans) {
            assertThat(span.getName() + span.getAttributes() + span.getStatus() + span.getEvents()).doesNotContain("secret");
        }
    }

    @Test
    void literalsInRawSqlBecomePlaceholders() {
        assertThat(QueryText.withoutLiterals("SELECT * FROM t1 WHERE a = 'it''s' AND b = -4.5e3 AND \"c2\" = 3 LIMIT 10"))
                .isEqualTo("SELECT * FROM t1 WHERE a = ? AND b = ? AND \"c2\" = ? LIMIT ?");
        assertThat(QueryText.withoutLiterals("SELECT x FROM items WHERE id = ?")).isEqualTo("SELECT x FROM items WHERE id = ?");
    }
}
