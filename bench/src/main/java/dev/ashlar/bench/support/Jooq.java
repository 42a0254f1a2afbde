package dev.ashlar.bench.support;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.RecordMapper;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code items} table for jOOQ's DSL (no code generation: typed fields declared by hand, as
 * generated code would declare them), and a context with logging and diagnostics off.
 */
public final class Jooq {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** The table. */
    public static final Table<?> ITEMS = table(name("items"));
    /** Columns. */
    public static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    public static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR);
    public static final Field<String> DESCRIPTION = field(name("description"), SQLDataType.CLOB);
    public static final Field<BigDecimal> PRICE = field(name("price"), SQLDataType.NUMERIC(10, 2));
    public static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), SQLDataType.LOCALDATETIME(6));

    /** A record of the five columns becomes an {@link Item}. */
    public static final RecordMapper<Record5<Long, String, String, BigDecimal, LocalDateTime>, Item> MAPPER =
            r -> new Item(r.value1(), r.value2(), r.value3(), r.value4(), r.value5());

    private Jooq() {
    }

    /** Settings that only remove work: no execute logging, no diagnostics. */
    public static Settings settings() {
        return new Settings().withExecuteLogging(false).withDiagnosticsLogging(false).withRenderSchema(false);
    }

    /** A context on the pool. */
    public static DSLContext context(DataSource pool, BenchDb db) {
        return DSL.using(pool, db.jooqDialect(), settings());
    }

    /** A context on one connection. */
    public static DSLContext context(java.sql.Connection connection, BenchDb db) {
        return DSL.using(connection, db.jooqDialect(), settings());
    }

    /** {@code SELECT id, name, description, price, created_at FROM items}. */
    public static SelectJoinStep<Record5<Long, String, String, BigDecimal, LocalDateTime>> selectAll(DSLContext ctx) {
        return ctx.select(ID, NAME, DESCRIPTION, PRICE, CREATED_AT).from(ITEMS);
    }
}
