package dev.ashlar.compliance;

import static dev.ashlar.compliance.RoundTrip.roundTrip;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.dateTimeTz;
import static dev.ashlar.core.types.Types.enumOf;
import static dev.ashlar.core.types.Types.float32;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.json;
import static dev.ashlar.core.types.Types.largeBinary;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.smallInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static dev.ashlar.core.types.Types.time;
import static dev.ashlar.core.types.Types.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.compliance.RoundTrip.ValueTable;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.ValueTooLongException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Every type of {@link dev.ashlar.core.types.Types} goes in through Ashlar and comes back unchanged, at
 * its edges; where it matters, plain JDBC checks what the database really stores.
 */
class TypesRoundTripTest {
    enum Colour { RED, GREEN, ULTRAVIOLET }

    @AllDatabases
    void integersAtTheirLimits(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            assertThat(roundTrip(conn, integer(), List.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE)))
                    .containsExactly(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE);
            assertThat(roundTrip(conn, smallInteger(), List.of(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE)))
                    .containsExactly(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE);
            assertThat(roundTrip(conn, bigInteger(), List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE)))
                    .containsExactly(Long.MIN_VALUE, 0L, Long.MAX_VALUE);
            assertThat(roundTrip(conn, bool(), List.of(true, false))).containsExactly(true, false);
        }
    }

    @AllDatabases
    void stringsWithAndWithoutLengthAndLongText(TestDatabase db) throws SQLException {
        String hundredKb = "abcdefghij\u00e9\u4e2d\ud83d\ude00".repeat(100 * 1024 / 14 + 1);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            assertThat(roundTrip(conn, string(5), List.of("", "abcde", "  x  "))).containsExactly("", "abcde", "  x  ");
            java.util.OptionalInt defaultLength = conn.dialect().ddl().types().defaultStringLength();
            String atDefaultLength = "\u00e9".repeat(defaultLength.orElse(255));
            ValueTable<String> unbounded = RoundTrip.create(conn, string());
            RoundTrip.insert(conn, unbounded, List.of(atDefaultLength));
            assertThat(RoundTrip.read(conn, unbounded)).containsExactly(atDefaultLength);
            var column = Inspector.of(conn).columns(unbounded.table().name()).get(1);
            assertThat(column.typeName()).isEqualTo("VARCHAR");
            if (defaultLength.isPresent()) {
                // a database that needs a length (MariaDB: 255) gives it to a String without one, and refuses longer values
                assertThat(column.size()).isEqualTo(defaultLength.getAsInt());
                assertThatThrownBy(() -> RoundTrip.insert(conn, unbounded, List.of(atDefaultLength + "x")))
                        .isInstanceOf(ValueTooLongException.class);
            } else {
                String longer = "\u00e9".repeat(10_000);
                assertThat(roundTrip(conn, string(), List.of(longer))).containsExactly(longer);
            }
            ValueTable<String> t = RoundTrip.create(conn, text());
            RoundTrip.insert(conn, t, List.of(hundredKb));
            assertThat(RoundTrip.read(conn, t)).singleElement().isEqualTo(hundredKb);
            assertThat(jdbcString(db, "SELECT v FROM " + t.table().name())).isEqualTo(hundredKb);
        }
    }

    @AllDatabases
    void everyStorableNaughtyStringRoundTripsInAStringColumn(TestDatabase db) {
        List<String> naughty = Blns.storable();
        int longest = naughty.stream().mapToInt(String::length).max().orElseThrow();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            assertThat(roundTrip(conn, string(Math.max(longest, 1)), naughty)).containsExactlyElementsOf(naughty);
        }
    }

    @AllDatabases
    void numericsReadBackDigitForDigit(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            List<BigDecimal> small = List.of(new BigDecimal("99999999.99"), new BigDecimal("-0.01"), new BigDecimal("0.10"),
                    new BigDecimal("-99999999.99"), new BigDecimal("0.00"));
            assertThat(roundTrip(conn, numeric(10, 2), small)).extracting(BigDecimal::toPlainString)
                    .containsExactly("99999999.99", "-0.01", "0.10", "-99999999.99", "0.00");

            ValueTable<BigDecimal> wide = RoundTrip.create(conn, numeric(30, 10));
            List<BigDecimal> wideValues = List.of(new BigDecimal("12345678901234567890.1234567891"),
                    new BigDecimal("-99999999999999999999.9999999999"), new BigDecimal("0.0000000001"));
            RoundTrip.insert(conn, wide, wideValues);
            assertThat(RoundTrip.read(conn, wide)).extracting(BigDecimal::toPlainString)
                    .containsExactly("12345678901234567890.1234567891", "-99999999999999999999.9999999999", "0.0000000001");
            // what the database holds, independently of Ashlar's codec: exact digits, no binary float
            String q = "SELECT v FROM " + wide.table().name() + " ORDER BY id";
            // digit for digit as plain JDBC reads it, on every database (SQLite keeps the value as text to do so)
            assertThat(jdbcString(db, q)).isEqualTo("12345678901234567890.1234567891");
        }
    }

    @AllDatabases
    void floatingPointEdges(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            assertThat(roundTrip(conn, float64(), List.of(Double.MAX_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 0.1, 1e-300)))
                    .containsExactly(Double.MAX_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 0.1, 1e-300);
            assertThat(roundTrip(conn, float32(), List.of(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, -1.5f, 0.1f)))
                    .containsExactly(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, -1.5f, 0.1f);
            List<Double> zeros = roundTrip(conn, float64(), List.of(-0.0d));
            if (conn.dialect().keepsNegativeZero()) {
                // only PostgreSQL keeps the sign of zero; SQLite and MariaDB store -0.0 as 0 (equal in SQL either way)
                assertThat(Double.doubleToRawLongBits(zeros.get(0))).isEqualTo(Double.doubleToRawLongBits(-0.0d));
            } else {
                assertThat(zeros.get(0)).isEqualTo(0.0d, org.assertj.core.api.Assertions.offset(0.0d));
            }
        }
    }

    @AllDatabases
    void datesAtTheEdgesOfTheCalendar(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            List<LocalDate> dates = List.of(LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 10), LocalDate.of(1970, 1, 1),
                    LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31));
            ValueTable<LocalDate> t = RoundTrip.create(conn, date());
            RoundTrip.insert(conn, t, dates);
            assertThat(RoundTrip.read(conn, t)).containsExactlyElementsOf(dates);
            // the text the database holds for year 1 and for 1582-10-10 (inside the Julian/Gregorian gap)
            String cast = db.vendor().dateText("v");
            assertThat(jdbcStrings(db, "SELECT " + cast + " FROM " + t.table().name() + " ORDER BY id"))
                    .containsExactly("0001-01-01", "1582-10-10", "1970-01-01", "2024-02-29", "9999-12-31");
        }
    }

    @AllDatabases
    void timesAndNaiveDateTimesKeepMicroseconds(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            List<LocalTime> times = List.of(LocalTime.of(13, 45, 12, 123_456_000), LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000));
            assertThat(roundTrip(conn, time(), times)).containsExactlyElementsOf(times);
            List<LocalDateTime> stamps = List.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000),
                    LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
            assertThat(roundTrip(conn, dateTime(), stamps)).containsExactlyElementsOf(stamps);
        }
    }

    @AllDatabases
    void naiveDateTimesInADaylightSavingGapAreStoredUnchangedWhateverTheJvmZone(TestDatabase db) throws SQLException {
        TimeZone before = TimeZone.getDefault();
        // 02:30 does not exist on these days in these zones: a driver that goes through java.sql.Timestamp moves it to 03:30
        List<LocalDateTime> gaps = List.of(LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(2024, 3, 10, 2, 30, 0, 500_000));
        for (String zone : List.of("Europe/Berlin", "America/New_York")) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
                ValueTable<LocalDateTime> t = RoundTrip.create(conn, dateTime());
                RoundTrip.insert(conn, t, gaps);
                assertThat(RoundTrip.read(conn, t)).as("JVM zone %s", zone).containsExactlyElementsOf(gaps);
                String text = db.vendor().dateTimeText("v");
                assertThat(jdbcStrings(db, "SELECT " + text + " FROM " + t.table().name() + " ORDER BY id")).as("JVM zone %s", zone)
                        .containsExactly("2024-03-31 02:30:00.000000", "2024-03-10 02:30:00.000500");
            } finally {
                TimeZone.setDefault(before);
            }
        }
    }

    @AllDatabases
    void instantsReadBackAsTheSameInstantInUtc(TestDatabase db) {
        ZoneId newYork = ZoneId.of("America/New_York");
        OffsetDateTime india = OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30));
        // the spring-forward gap resolves to 03:30 EDT; the autumn overlap has two instants, an hour apart
        OffsetDateTime gap = ZonedDateTime.of(LocalDateTime.of(2024, 3, 10, 2, 30), newYork).toOffsetDateTime();
        ZonedDateTime overlap = ZonedDateTime.of(LocalDateTime.of(2024, 11, 3, 1, 30), newYork);
        OffsetDateTime overlapEarly = overlap.withEarlierOffsetAtOverlap().toOffsetDateTime();
        OffsetDateTime overlapLate = overlap.withLaterOffsetAtOverlap().toOffsetDateTime();
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(newYork));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            List<OffsetDateTime> back = roundTrip(conn, dateTimeTz(), List.of(india, gap, overlapEarly, overlapLate));
            assertThat(back).containsExactly(
                    OffsetDateTime.of(2024, 6, 1, 6, 30, 0, 123_456_000, ZoneOffset.UTC),
                    OffsetDateTime.of(2024, 3, 10, 7, 30, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(2024, 11, 3, 5, 30, 0, 0, ZoneOffset.UTC),
                    OffsetDateTime.of(2024, 11, 3, 6, 30, 0, 0, ZoneOffset.UTC));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @AllDatabases
    void binaryEnumUuidAndJson(TestDatabase db) throws SQLException {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            List<byte[]> bytes = roundTrip(conn, largeBinary(), List.of(all, new byte[0]));
            assertThat(bytes.get(0)).containsExactly(all);
            assertThat(bytes.get(1)).isEmpty();

            assertThat(roundTrip(conn, enumOf(Colour.class), List.of(Colour.RED, Colour.ULTRAVIOLET)))
                    .containsExactly(Colour.RED, Colour.ULTRAVIOLET);

            UUID u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            ValueTable<UUID> ut = RoundTrip.create(conn, uuid());
            RoundTrip.insert(conn, ut, List.of(u, new UUID(-1L, -1L)));
            assertThat(RoundTrip.read(conn, ut)).containsExactly(u, new UUID(-1L, -1L));
            assertThat(jdbcString(db, "SELECT v FROM " + ut.table().name() + " ORDER BY id")).isEqualTo(u.toString());

            String doc = "{\"b\": 1,  \"a\": [1.50, \"x\\u00e9\", null, true], \"nested\": {\"k\": \"v\"}}";
            String back = roundTrip(conn, json(), List.of(doc)).get(0);
            if (!conn.dialect().keepsJsonText()) {
                // JSONB stores a parsed document: key order and white space are normalised, the content is the same
                assertThat(JsonDocument.parse(back)).isEqualTo(JsonDocument.parse(doc));
                assertThat(back).isNotEqualTo(doc);
            } else {
                assertThat(back).isEqualTo(doc);
            }
        }
    }

    @AllDatabases
    void nullRoundTripsForEveryType(TestDatabase db) {
        List<SqlType<?>> types = List.of(integer(), smallInteger(), bigInteger(), bool(), string(), string(10), text(),
                numeric(10, 2), numeric(30, 10), float32(), float64(), date(), time(), dateTime(), dateTimeTz(), largeBinary(),
                enumOf(Colour.class), uuid(), json());
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            for (SqlType<?> type : types) {
                List<Object> back = new ArrayList<>(nullBack(conn, type));
                assertThat(back).as(type.describe()).hasSize(1).containsOnlyNulls();
            }
        }
    }

    private static <T> List<T> nullBack(Connection conn, SqlType<T> type) {
        List<T> values = new ArrayList<>();
        values.add(null);
        return roundTrip(conn, type, values);
    }

    private static String jdbcString(TestDatabase db, String sql) throws SQLException {
        return jdbcStrings(db, sql).get(0);
    }

    private static List<String> jdbcStrings(TestDatabase db, String sql) throws SQLException {
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
