package dev.ashlar.compliance;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.diff.Safety;
import dev.ashlar.core.diff.SchemaChange;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Schema diff on each database: the changes found, their safety and order, and their DDL applied until nothing differs. */
class SchemaDiffTest {

    private static MetaData v1() {
        MetaData md = new MetaData();
        Column<Long> customerId = Column.of("id", bigInteger()).primaryKey();
        md.table("customers", customerId, Column.of("name", string(50)).notNull(), Column.of("email", string(100)),
                Column.of("legacy", string(20)));
        Column<Long> orderId = Column.of("id", bigInteger()).primaryKey();
        md.table("orders", orderId, Column.of("customer_id", bigInteger()).references(customerId),
                Column.of("total", numeric(10, 2)), Column.of("note", string(100)));
        md.table("obsolete", Column.of("id", bigInteger()).primaryKey());
        return md;
    }

    private static MetaData v2() {
        MetaData md = new MetaData();
        Column<Long> customerId = Column.of("id", bigInteger()).primaryKey();
        Column<String> name = Column.of("name", string(80)).notNull();
        Column<String> email = Column.of("email", string(100)).notNull();
        md.table("customers", customerId, name, email, Column.of("phone", string(20)),
                UniqueConstraint.of(email), Index.on(name));
        Column<Long> orderId = Column.of("id", bigInteger()).primaryKey();
        md.table("orders", orderId,
                Column.of("customer_id", bigInteger()).references(customerId, ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                Column.of("total", numeric(12, 2)), Column.of("note", string(50)),
                Column.of("status", string(10)).notNull().serverDefault(ServerDefault.literal("new")),
                CheckConstraint.of("total_positive", "total >= 0"));
        md.table("shipments", Column.of("id", bigInteger()).primaryKey(), Column.of("order_id", bigInteger()).references(orderId));
        return md;
    }

    @AllDatabases
    void changesAreFoundMarkedOrderedAndTheirDdlLeavesNothingToChange(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, v1());
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
                st.execute("INSERT INTO customers (id, name, email, legacy) VALUES (1, 'Ada', 'ada@example.org', 'x')");
                st.execute("INSERT INTO orders (id, customer_id, total, note) VALUES (10, 1, 12.50, 'first')");
            }
            MetaData target = v2();
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
            String report = diff.toString();
            assertThat(report).contains("drop table obsolete", "create table shipments");
            assertThat(diff.changes()).filteredOn(c -> c instanceof SchemaChange.DropTable).singleElement()
                    .satisfies(c -> assertThat(c.safety()).isEqualTo(Safety.DESTRUCTIVE));
            assertThat(diff.changes()).filteredOn(c -> c instanceof SchemaChange.CreateTable).singleElement()
                    .satisfies(c -> assertThat(c.safety()).isEqualTo(Safety.SAFE));
            if (!conn.dialect().ddl().rebuildsTables()) {
                Map<String, Safety> byDescription = diff.changes().stream()
                        .collect(Collectors.toMap(SchemaChange::describe, SchemaChange::safety, (a, b) -> a));
                String ddlType50 = conn.dialect().ddl().types().render(string(50));
                String ddlType100 = conn.dialect().ddl().types().render(string(100));
                assertThat(byDescription).containsEntry("alter column customers.name: type "
                        + conn.dialect().ddl().types().render(string(50)) + " -> " + conn.dialect().ddl().types().render(string(80)), Safety.SAFE);
                assertThat(byDescription).containsEntry("alter column customers.email: set NOT NULL", Safety.DATA_DEPENDENT);
                assertThat(byDescription).containsEntry("alter column orders.note: type " + ddlType100 + " -> " + ddlType50, Safety.DESTRUCTIVE);
                assertThat(byDescription).containsEntry("drop column customers.legacy", Safety.DESTRUCTIVE);
                assertThat(byDescription).containsEntry("add check ck_orders_total_positive on orders: total >= 0", Safety.DATA_DEPENDENT);
                assertThat(diff.changes()).anySatisfy(c -> {
                    assertThat(c).isInstanceOf(SchemaChange.AlterColumn.class);
                    assertThat(c.describe()).startsWith("alter column orders.total: type ");
                    assertThat(c.safety()).isEqualTo(Safety.SAFE);
                });
                // the old key goes before anything else; the new one comes last
                assertThat(diff.changes().get(0)).isInstanceOf(SchemaChange.DropForeignKey.class);
                assertThat(diff.changes().get(diff.changes().size() - 1)).isInstanceOf(SchemaChange.AddForeignKey.class);
            } else {
                assertThat(diff.changes()).filteredOn(c -> c instanceof SchemaChange.RebuildTable).extracting(SchemaChange::table)
                        .containsExactlyInAnyOrder("customers", "orders");
                assertThat(diff.changes()).filteredOn(c -> c instanceof SchemaChange.RebuildTable)
                        .allSatisfy(c -> assertThat(c.safety()).isEqualTo(Safety.DESTRUCTIVE));
            }

            diff.apply(conn);
            SchemaDiff after = SchemaDiff.compare(Inspector.of(conn).reflect(), target, conn.dialect());
            assertThat(after.changes()).as(after.toString()).isEmpty();
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement();
                 ResultSet rs = st.executeQuery("SELECT c.name, c.email, o.total, o.note, o.status FROM customers c JOIN orders o ON o.customer_id = c.id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Ada");
                assertThat(rs.getString(2)).isEqualTo("ada@example.org");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(new BigDecimal("12.50"));
                assertThat(rs.getString(4)).isEqualTo("first");
                assertThat(rs.getString(5)).isEqualTo("new");
            }
        }
    }

    /**
     * A unique constraint added to a table with rows is one statement on every database, SQLite
     * included (a named unique index, as its new tables get): no rebuild, described as what it does,
     * and the database then refuses a duplicate.
     */
    @AllDatabases
    void aUniqueConstraintIsAddedInPlaceOnEveryDatabase(TestDatabase db) throws SQLException {
        MetaData before = new MetaData();
        before.table("members", Column.of("id", bigInteger()).primaryKey(), Column.of("email", string(100)));
        MetaData after = new MetaData();
        Column<String> email = Column.of("email", string(100));
        after.table("members", Column.of("id", bigInteger()).primaryKey(), email, UniqueConstraint.of(email));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, before);
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
                st.execute("INSERT INTO members (id, email) VALUES (1, 'ada@example.org'), (2, 'bob@example.org')");
            }
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), after, conn.dialect());
            assertThat(diff.changes()).singleElement().satisfies(c -> {
                assertThat(c).isInstanceOf(SchemaChange.AddUnique.class);
                assertThat(c.describe()).isEqualTo("add unique uq_members_email on members[email]");
                assertThat(c.safety()).isEqualTo(Safety.DATA_DEPENDENT);
                assertThat(c.sql(conn.dialect())).hasSize(1);
            });
            diff.apply(conn);
            assertThat(SchemaDiff.compare(Inspector.of(conn).reflect(), after, conn.dialect()).changes()).isEmpty();
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
                assertThatThrownBy(() -> st.execute("INSERT INTO members (id, email) VALUES (3, 'ada@example.org')"))
                        .isInstanceOf(SQLException.class);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM members")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
        }
    }

    /**
     * A column that no key, constraint or index uses is dropped with DROP COLUMN on every database,
     * SQLite included (3.35+): no table rebuild, and the other columns keep their values.
     */
    @AllDatabases
    void anUnusedColumnIsDroppedInPlace(TestDatabase db) throws SQLException {
        MetaData before = new MetaData();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
        Column<String> name = Column.of("name", string(40));
        before.table("gauges", id, name, Column.of("legacy", string(10)), Index.on(name).named("ix_gauges_name"));
        MetaData after = new MetaData();
        Column<String> kept = Column.of("name", string(40));
        after.table("gauges", Column.of("id", bigInteger()).primaryKey().autoincrement(false), kept, Index.on(kept).named("ix_gauges_name"));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, before);
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
                st.execute("INSERT INTO gauges (id, name, legacy) VALUES (1, 'left', 'a'), (2, 'right', 'b')");
            }
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), after, conn.dialect());
            assertThat(diff.changes()).singleElement().isInstanceOf(SchemaChange.DropColumn.class);
            assertThat(diff.statements()).singleElement().asString().containsIgnoringCase("DROP COLUMN");
            diff.apply(conn);
            assertThat(SchemaDiff.compare(Inspector.of(conn).reflect(), after, conn.dialect()).changes()).isEmpty();
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, name FROM gauges ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("left");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("right");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /** The same schema written with other spellings of the same types and defaults is no change. */
    @AllDatabases
    void spellingsOfTheSameSchemaAreNotChanges(TestDatabase db) {
        MetaData md = new MetaData();
        md.table("spelled", Column.of("id", bigInteger()).primaryKey().autoincrement(false),
                Column.of("small", integer()).notNull().serverDefault(ServerDefault.literal(7)),
                Column.of("price", numeric(10, 2)).serverDefault(ServerDefault.literal(new BigDecimal("0.50"))),
                Column.of("flag", bool()).serverDefault(ServerDefault.literal(true)),
                Column.of("name", string(40)).serverDefault(ServerDefault.literal("it's")),
                Column.of("at", dateTime()).serverDefault(ServerDefault.currentTimestamp()));
        // the same columns as another tool might write them, in this database's own spellings
        String ddl = db.vendor().otherSpellings();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            conn.executeSql(ddl);
            SchemaDiff diff = SchemaDiff.compare(Inspector.of(conn).reflect(), md, conn.dialect());
            assertThat(diff.changes()).as(diff.toString()).isEmpty();
        }
    }

    /**
     * Date-time types written with each database's own spellings of a precision: MariaDB's plain
     * {@code DATETIME} and {@code TIME} keep whole seconds (precision 0), PostgreSQL's plain
     * {@code timestamp} keeps six digits; neither is a change against the same precision in models.
     */
    @AllDatabases
    void precisionSpellingsOfDateTimesAreNotChanges(TestDatabase db) {
        MetaData md = new MetaData();
        md.table("stamps", Column.of("id", bigInteger()).primaryKey().autoincrement(false),
                Column.of("whole", Types.dateTime(0)), Column.of("millis", Types.dateTime(3)), Column.of("micros", dateTime()),
                Column.of("clock", Types.time(0)), Column.of("seen", Types.dateTime(0)).serverDefault(ServerDefault.currentTimestamp()));
        String ddl = db.vendor().precisionSpellings();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            conn.executeSql(ddl);
            MetaData reflected = Inspector.of(conn).reflect();
            assertThat(reflected.get("stamps").column("whole").type()).isEqualTo(Types.dateTime(0));
            assertThat(reflected.get("stamps").column("millis").type()).isEqualTo(Types.dateTime(3));
            assertThat(reflected.get("stamps").column("micros").type()).isEqualTo(dateTime());
            assertThat(reflected.get("stamps").column("clock").type()).isEqualTo(Types.time(0));
            SchemaDiff diff = SchemaDiff.compare(reflected, md, conn.dialect());
            assertThat(diff.changes()).as(diff.toString()).isEmpty();
        }
    }

    /**
     * A precision change is a type change, reported with both types: more digits keep every value
     * (safe), fewer round them away (destructive). Applied, the database then has the new precision.
     */
    @AllDatabases
    void aPrecisionChangeIsATypeChangeNarrowingIsDestructive(TestDatabase db) throws SQLException {
        MetaData whole = stamps(0);
        MetaData millis = stamps(3);
        MetaData micros = stamps(6);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, millis);
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
                st.execute("INSERT INTO stamps (id, at) VALUES (1, '2024-05-06 07:08:09.123')");
            }
            var ddl = conn.dialect().ddl();
            SchemaDiff widen = SchemaDiff.compare(Inspector.of(conn).reflect(), micros, conn.dialect());
            assertThat(alterations(widen)).singleElement().satisfies(c -> {
                assertThat(c.safety()).isEqualTo(Safety.SAFE);
                assertThat(c.changes()).containsExactly("type " + ddl.columnType(millis.get("stamps").column("at")) + " -> "
                        + ddl.columnType(micros.get("stamps").column("at")));
            });
            SchemaDiff narrow = SchemaDiff.compare(Inspector.of(conn).reflect(), whole, conn.dialect());
            assertThat(alterations(narrow)).singleElement().satisfies(c -> {
                assertThat(c.safety()).isEqualTo(Safety.DESTRUCTIVE);
                assertThat(c.describe()).contains(ddl.columnType(millis.get("stamps").column("at")),
                        ddl.columnType(whole.get("stamps").column("at")));
            });
            widen.apply(conn);
            assertThat(SchemaDiff.compare(Inspector.of(conn).reflect(), micros, conn.dialect()).changes()).isEmpty();
            assertThat(db.queryOne("SELECT " + db.vendor().dateTimeText("at") + " FROM stamps"))
                    .startsWith("2024-05-06 07:08:09.123");
            SchemaDiff.compare(Inspector.of(conn).reflect(), whole, conn.dialect()).apply(conn);
            assertThat(SchemaDiff.compare(Inspector.of(conn).reflect(), whole, conn.dialect()).changes()).isEmpty();
            assertThat(Inspector.of(conn).reflect().get("stamps").column("at").type()).isEqualTo(Types.dateTime(0));
        }
    }

    /** The column changes of a diff, taken out of the table rebuilds that carry them on SQLite. */
    private static List<SchemaChange.AlterColumn> alterations(SchemaDiff diff) {
        return diff.changes().stream()
                .flatMap(c -> c instanceof SchemaChange.RebuildTable r ? r.changes().stream() : java.util.stream.Stream.of(c))
                .map(SchemaChange.AlterColumn.class::cast).toList();
    }

    private static MetaData stamps(int precision) {
        MetaData md = new MetaData();
        md.table("stamps", Column.of("id", bigInteger()).primaryKey().autoincrement(false), Column.of("at", Types.dateTime(precision)));
        return md;
    }

    /** The DDL of a diff can be written for any dialect, without a connection. */
    @Test
    void ddlIsWrittenForEveryDialect() {
        MetaData before = new MetaData();
        before.table("t", Column.of("id", bigInteger()).primaryKey(), Column.of("a", string(10)));
        MetaData after = new MetaData();
        after.table("t", Column.of("id", bigInteger()).primaryKey(), Column.of("a", string(20)), Column.of("b", integer()));
        SchemaDiff diff = SchemaDiff.compare(before, after, Dialects.forScheme("postgresql"));
        assertThat(diff.statements()).containsExactly("ALTER TABLE t ALTER COLUMN a TYPE VARCHAR(20) USING a::VARCHAR(20)",
                "ALTER TABLE t ADD COLUMN b INTEGER");
        assertThat(diff.statements(Dialects.forScheme("mariadb"))).containsExactly("ALTER TABLE t MODIFY COLUMN a VARCHAR(20)",
                "ALTER TABLE t ADD COLUMN b INT");
        assertThat(SchemaDiff.compare(after, after, Dialects.forScheme("sqlite")).isEmpty()).isTrue();
        assertThat(List.of(Safety.values())).hasSize(3);
    }
}
