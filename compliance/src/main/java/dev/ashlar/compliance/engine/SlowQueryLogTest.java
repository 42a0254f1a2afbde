package dev.ashlar.compliance.engine;

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
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The slow-query log: once per distinct SQL, with the plan's verdict, without values. */
class SlowQueryLogTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> name = Column.of("name", string(40)).notNull();
    private final Table items = md.table("items", id, name);

    @AllDatabases
    void logsEachSlowQueryOnceWithItsVerdict(TestDatabase db) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().slowQueryThreshold(Duration.ZERO))) {
            SchemaDdl.createAll(engine, md);
            try (Connection conn = engine.connect()) {
                conn.execute(insertInto(items).set(id, 1L).set(name, "Widget"));
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                for (String value : List.of("Widget", "Gadget", "Gizmo")) {
                    conn.query(select(id).from(items).where(name.eq(value))).list();
                }
                conn.query(select(name).from(items).where(id.eq(1L))).list();
                conn.sql("SELECT count(*) FROM items", Map.of()).list();
                conn.execute(insertInto(items).set(id, 2L).set(name, "Sprocket"));
            } finally {
                System.setErr(original);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        List<String> lines = log.lines().filter(line -> line.contains("slow query")).toList();
        assertThat(lines).as(log).hasSize(3);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("WARN", "ashlar.slow", "threshold 0 ms"));
        assertThat(lines.stream().filter(line -> line.contains("WHERE") && line.contains("name = ?")))
                .as("the lookup by name, three values: one line").singleElement()
                .satisfies(line -> assertThat(line).endsWith("-- full scan of items"));
        assertThat(lines.stream().filter(line -> line.contains("id = ?"))).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("full scan"));
        assertThat(lines.stream().filter(line -> line.contains("count(*)"))).hasSize(1);
        assertThat(log).doesNotContain("Widget").doesNotContain("Gadget").doesNotContain("Sprocket").doesNotContain("INSERT");
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatThrownBy(() -> EngineOptions.defaults().slowQueryThreshold(Duration.ofMillis(-1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("slowQueryThreshold");
        assertThat(EngineOptions.defaults().slowQueryThreshold()).isNull();
    }
}
