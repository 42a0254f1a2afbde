package dev.ashlar.micrometer;

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
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/** Statement metrics: tags are kind, table and outcome only, so distinct values never make new series. */
class MicrometerListenerTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> name = Column.of("name", string(40)).notNull();
    private final Table items = md.table("items", id, name);

    @AllDatabases
    void aThousandDistinctValuesMakeOneSeriesWithoutTheValues(TestDatabase db) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().listener(new MicrometerListener(registry)))) {
            SchemaDdl.createAll(engine, md);
            try (Connection conn = engine.connect()) {
                conn.execute(insertInto(items).set(id, 1L).set(name, "value-1"));
                for (int i = 0; i < 1_000; i++) {
                    conn.query(select(id).from(items).where(name.eq("value-" + i))).list();
                }
                assertThatThrownBy(() -> conn.execute(insertInto(items).set(id, 1L).set(name, "value-dup")))
                        .isInstanceOf(UniqueViolationException.class);
            }
        }
        List<Timer> queries = registry.find(MicrometerListener.STATEMENTS).tags("kind", "query", "table", "items").timers().stream().toList();
        assertThat(queries).hasSize(1);
        assertThat(queries.get(0).count()).isEqualTo(1_000);
        assertThat(queries.get(0).getId().getTag("outcome")).isEqualTo("success");
        assertThat(registry.find(MicrometerListener.STATEMENTS).tags("kind", "insert", "table", "items", "outcome", "UniqueViolationException")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find(MicrometerListener.ROWS).tags("kind", "query", "table", "items").counter().count())
                .as("one row found by the lookup of value-1").isEqualTo(1.0);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).allSatisfy(tag -> assertThat(tag.getValue()).doesNotContain("value-"));
        }
        assertThat(registry.getMeters().stream().map(m -> m.getId().getName() + m.getId().getTags()).distinct().count())
                .as("series: a handful, whatever the number of values").isLessThan(12);
    }
}
