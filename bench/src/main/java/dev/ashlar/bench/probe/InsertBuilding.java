package dev.ashlar.bench.probe;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;

import dev.ashlar.bench.support.Fixture;
import dev.ashlar.bench.support.Item;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What core's {@code insert} workload spends before the database sees a row: building its 100,000-row
 * {@link Insert} with {@code set} and {@code nextRow} ({@code build}), and that plus the rows with their
 * defaults, which the engine takes before it binds ({@code buildAndExpand}). No database: the question is
 * the cost of the generative builder, which the workload's 100-ms-wide error cannot show.
 *
 * <p>It calls only API that core has had since 2026-11-29, so it can run against an older core: put that
 * core's jar first on the class path,
 * {@code java -cp OLD-CORE.jar:bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main InsertBuilding},
 * and compare with the same command without it (bench/NOTES.md, seventeenth round).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class InsertBuilding {
    /** The workload's table, declared here so that the probe needs nothing newer from core. */
    private static final MetaData METADATA = new MetaData();
    private static final Column<Long> ID = Column.of("id", bigInteger()).primaryKey();
    private static final Column<String> NAME = Column.of("name", string()).notNull();
    private static final Column<String> DESCRIPTION = Column.of("description", text());
    private static final Column<BigDecimal> PRICE = Column.of("price", numeric(10, 2)).notNull();
    private static final Column<LocalDateTime> CREATED_AT = Column.of("created_at", dateTime());
    private static final Table ITEMS = METADATA.table("items", ID, NAME, DESCRIPTION, PRICE, CREATED_AT);

    private List<Item> items;

    /** The workload's items. */
    @Setup
    public void makeItems() {
        items = Fixture.items(100_000);
    }

    /**
     * The insert as {@code Insert.ashlarCore} builds it: a copy of that loop, not a call, because the workload's class
     * links the ORM and the peer libraries, built against today's core, and the probe must load nothing of Ashlar's
     * but core's statement API to run against an older core.
     */
    @Benchmark
    public Insert build() {
        Insert insert = insertInto(ITEMS);
        boolean first = true;
        for (Item item : items) {
            if (!first) {
                insert = insert.nextRow();
            }
            first = false;
            insert = insert.set(NAME, item.name).set(DESCRIPTION, item.description).set(PRICE, item.price).set(CREATED_AT, item.createdAt);
        }
        return insert;
    }

    /** The insert built, and its rows with their defaults, as the engine takes them to bind. */
    @Benchmark
    public int buildAndExpand() {
        return build().rowsWithDefaults().size();
    }
}
