package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.selectFrom;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.float32;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.numeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.DataException;
import dev.ashlar.core.error.NumericOutOfRangeException;
import dev.ashlar.core.error.UnstorableValueException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Values some databases cannot hold: stored faithfully where the database can (PostgreSQL keeps
 * NaN and infinities, and years after 9999), refused before sending with an {@link
 * UnstorableValueException} or {@link NumericOutOfRangeException} where it cannot, and never
 * turned into something else (SQLite's NULL for NaN, MariaDB's "Unknown column 'NaN'").
 */
class UnholdableValuesTest {
    static final class Schema {
        final MetaData md = new MetaData();
        final Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
        final Column<Double> dbl = Column.of("dbl", float64());
        final Column<Float> flt = Column.of("flt", float32());
        final Column<BigDecimal> amount = Column.of("amount", numeric(5, 2));
        final Column<BigDecimal> wide = Column.of("wide", numeric(20, 4));
        final Column<LocalDateTime> at = Column.of("at", dateTime());
        final Table t = md.table("measurements", id, dbl, flt, amount, wide, at);
    }

    @AllDatabases
    void nanAndInfinitiesAreStoredWhereTheDatabaseCanAndRefusedWhereItCannot(TestDatabase db) throws SQLException {
        Schema s = new Schema();
        List<Double> doubles = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        List<Long> stored = new ArrayList<>();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            long id = 0;
            for (double value : doubles) {
                id++;
                long key = id;
                // the dialect declares what its database cannot hold (PostgreSQL holds all three, SQLite the
                // infinities, MariaDB none); the database must then keep the rest exactly
                boolean holdable = holds(conn.dialect(), s.dbl, value);
                assertThat(holds(conn.dialect(), s.flt, (float) value)).as("float and double agree").isEqualTo(holdable);
                if (holdable) {
                    conn.execute(insertInto(s.t).set(s.id, key).set(s.dbl, value).set(s.flt, (float) value));
                    stored.add(key);
                    assertThat(conn.query(select(s.dbl, s.flt).from(s.t).where(s.id.eq(key))).one().get(s.dbl)).isEqualTo(Double.valueOf(value));
                    assertThat(conn.query(select(s.dbl, s.flt).from(s.t).where(s.id.eq(key))).one().get(s.flt)).isEqualTo(Float.valueOf((float) value));
                    continue;
                }
                UnstorableValueException refused = catchThrowableOfType(
                        () -> conn.execute(insertInto(s.t).set(s.id, key).set(s.dbl, value)), UnstorableValueException.class);
                assertThat(refused).isInstanceOf(DataException.class);
                assertThat(refused.getMessage()).contains("column measurements.dbl", String.valueOf(value), db.name(), "cannot hold");
                UnstorableValueException refusedFloat = catchThrowableOfType(
                        () -> conn.execute(insertInto(s.t).set(s.id, key).set(s.flt, (float) value)), UnstorableValueException.class);
                assertThat(refusedFloat.getMessage()).contains("column measurements.flt");
                // an UPDATE is checked the same way, and so is a value bound anywhere else (here a comparison)
                assertThat(catchThrowableOfType(() -> conn.execute(update(s.t).set(s.dbl, value).where(s.id.eq(1L))),
                        UnstorableValueException.class)).isNotNull();
                UnstorableValueException compared = catchThrowableOfType(
                        () -> conn.query(selectFrom(s.t).where(s.dbl.eq(value))).list(), UnstorableValueException.class);
                assertThat(compared.getMessage()).contains("parameter 1", "cannot hold");
                assertThat(compared.sql()).startsWith("SELECT");
            }
        }
        // what the database holds: exactly the rows whose values it can keep, with those values
        try (java.sql.Connection jdbc = db.openJdbc(); Statement st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, dbl FROM measurements ORDER BY id")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
                assertThat(Double.valueOf(rs.getDouble(2))).isEqualTo(doubles.get((int) rs.getLong(1) - 1));
                assertThat(rs.wasNull()).isFalse();
            }
            assertThat(ids).isEqualTo(stored);
        }
    }

    @AllDatabases
    void aDecimalWiderThanItsColumnIsRefusedOnEveryDatabase(TestDatabase db) throws SQLException {
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            NumericOutOfRangeException refused = catchThrowableOfType(
                    () -> conn.execute(insertInto(s.t).set(s.id, 1L).set(s.amount, new BigDecimal("1234.5"))),
                    NumericOutOfRangeException.class);
            assertThat(refused).isNotNull();
            if (refusedBeforeSql(conn.dialect(), s.amount, new BigDecimal("1234.5"))) {
                // refused before SQL (SQLite, which would store it): the message says what and why
                assertThat(refused.getMessage()).contains("column measurements.amount", "1234.5", "NUMERIC(5, 2)", "3 digits");
            }
            // rounded to the scale first, as the servers do: 999.994 fits, 999.995 does not
            conn.execute(insertInto(s.t).set(s.id, 2L).set(s.amount, new BigDecimal("999.994")));
            assertThat(catchThrowableOfType(
                    () -> conn.execute(insertInto(s.t).set(s.id, 3L).set(s.amount, new BigDecimal("999.995"))),
                    NumericOutOfRangeException.class)).isNotNull();
            // the wide (text) form is checked too, in a multi-row insert, where nothing is written
            List<Long> before = ids(db);
            assertThat(catchThrowableOfType(() -> conn.execute(insertInto(s.t)
                            .set(s.id, 4L).set(s.wide, new BigDecimal("1.5")).nextRow()
                            .set(s.id, 5L).set(s.wide, new BigDecimal("12345678901234567.5"))),
                    NumericOutOfRangeException.class)).isNotNull();
            assertThat(ids(db)).isEqualTo(before);
            // a comparison with a wider value is still a valid query
            assertThat(conn.query(selectFrom(s.t).where(s.amount.lt(new BigDecimal("100000")))).list()).hasSize(1);
            assertThat(conn.query(select(s.amount).from(s.t)).one().get(s.amount)).isEqualByComparingTo("999.99");
        }
        assertThat(ids(db)).containsExactly(2L);
    }

    @AllDatabases
    void yearsAfter9999AreKeptWhereTheDialectHoldsThemAndRefusedElsewhere(TestDatabase db) throws SQLException {
        Schema s = new Schema();
        LocalDateTime far = LocalDateTime.of(10000, 1, 1, 0, 0);
        LocalDateTime near = LocalDateTime.of(2024, 5, 1, 12, 0);
        boolean kept;
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            conn.execute(insertInto(s.t).set(s.id, 1L).set(s.at, near));
            kept = conn.dialect().latestYear() >= far.getYear();
            if (kept) {
                conn.execute(insertInto(s.t).set(s.id, 2L).set(s.at, far));
                assertThat(conn.query(select(s.id).from(s.t).where(s.at.gt(near))).one().get(s.id)).isEqualTo(2L);
                assertThat(conn.query(select(s.at).from(s.t).where(s.id.eq(2L))).one().get(s.at)).isEqualTo(far);
            } else {
                DataException refused = catchThrowableOfType(
                        () -> conn.execute(insertInto(s.t).set(s.id, 2L).set(s.at, far)), DataException.class);
                assertThat(refused).as("a year after %d", conn.dialect().latestYear()).isNotNull();
                if (refusedBeforeSql(conn.dialect(), s.at, far)) {
                    // refused before SQL (SQLite, which would store it as text): the message says what and why
                    assertThat(refused).isInstanceOf(UnstorableValueException.class);
                    assertThat(refused.getMessage()).contains("column measurements.at", "+10000-01-01", String.valueOf(conn.dialect().latestYear()));
                    // a comparison would go wrong as text ("+10000" sorts before "2024"), so it is refused too
                    assertThat(catchThrowableOfType(() -> conn.query(selectFrom(s.t).where(s.at.lt(far))).list(),
                            UnstorableValueException.class)).isNotNull();
                }
            }
        }
        assertThat(ids(db)).isEqualTo(kept ? List.of(1L, 2L) : List.of(1L));
    }

    /** Whether the dialect refuses {@code value} for {@code column} before any SQL is sent ({@link Dialect#checkWritable}). */
    private static boolean refusedBeforeSql(Dialect dialect, Column<?> column, Object value) {
        try {
            dialect.checkWritable(column, value);
            return false;
        } catch (DataException e) {
            return true;
        }
    }

    /** Whether the dialect lets {@code value} be written to {@code column}, or refuses it before SQL as one its database cannot hold. */
    private static boolean holds(Dialect dialect, Column<?> column, Object value) {
        try {
            dialect.checkWritable(column, value);
            return true;
        } catch (UnstorableValueException e) {
            return false;
        }
    }

    private static List<Long> ids(TestDatabase db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (java.sql.Connection jdbc = db.openJdbc(); Statement st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM measurements ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
