package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.currentDate;
import static dev.ashlar.core.sql.Sql.dayOfWeek;
import static dev.ashlar.core.sql.Sql.extract;
import static dev.ashlar.core.sql.Sql.hour;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.minus;
import static dev.ashlar.core.sql.Sql.month;
import static dev.ashlar.core.sql.Sql.plus;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.truncate;
import static dev.ashlar.core.sql.Sql.year;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.dateTimeTz;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.DatePart;
import dev.ashlar.core.sql.DateUnit;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Date and time parts, truncation, interval arithmetic and the current date, on values the
 * database holds: every result is compared with what {@code java.time} computes for the same
 * value, on edge cases (leap day, Sundays, the last microsecond of a year, month ends).
 */
class DateTimeQueryTest {
    final MetaData md = new MetaData();
    final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
    final Column<LocalDate> day = Column.of("day", date());
    final Column<LocalDateTime> at = Column.of("at", dateTime());
    final Column<OffsetDateTime> atTz = Column.of("at_tz", dateTimeTz());
    final Table events = md.table("events", id, day, at, atTz);

    /** Leap day's last microsecond, New Year's Eve (a Sunday), New Year (a Monday), a month end, a Sunday morning, a plain Saturday. */
    static final List<LocalDateTime> TIMESTAMPS = List.of(
            LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000),
            LocalDateTime.of(2023, 12, 31, 23, 59, 59, 999_999_000),
            LocalDateTime.of(2024, 1, 1, 0, 0, 0),
            LocalDateTime.of(2024, 1, 31, 12, 34, 56, 500_000_000),
            LocalDateTime.of(2025, 3, 2, 8, 5, 9, 123_456_000),
            LocalDateTime.of(2000, 7, 15, 1, 2, 3));

    private Engine setUp(TestDatabase db) {
        Engine engine = Engine.create(db.url());
        SchemaDdl.createAll(engine, md);
        try (Connection c = engine.connect()) {
            for (int i = 0; i < TIMESTAMPS.size(); i++) {
                LocalDateTime t = TIMESTAMPS.get(i);
                c.execute(insertInto(events).set(id, i + 1).set(day, t.toLocalDate()).set(at, t).set(atTz, t.atOffset(ZoneOffset.UTC)));
            }
        }
        return engine;
    }

    /** The first column of each row, ordered by id. */
    private static <T> List<T> byId(Connection c, Expression<T> expression, Column<Integer> id, Table table) {
        List<T> out = new ArrayList<>();
        for (Row r : c.query(select(expression).from(table).orderBy(id.asc())).list()) {
            out.add(r.get(expression));
        }
        return out;
    }

    private static <T> List<Object> expected(Function<LocalDateTime, T> f) {
        return TIMESTAMPS.stream().map(t -> (Object) f.apply(t)).toList();
    }

    @AllDatabases
    void partsOfKnownTimestamps(TestDatabase db) {
        try (Engine engine = setUp(db); Connection c = engine.connect()) {
            Map<DatePart, Function<LocalDateTime, Integer>> java = Map.of(
                    DatePart.YEAR, LocalDateTime::getYear, DatePart.MONTH, LocalDateTime::getMonthValue,
                    DatePart.DAY, LocalDateTime::getDayOfMonth, DatePart.HOUR, LocalDateTime::getHour,
                    DatePart.MINUTE, LocalDateTime::getMinute, DatePart.SECOND, LocalDateTime::getSecond,
                    DatePart.DAY_OF_WEEK, t -> t.getDayOfWeek().getValue());
            for (DatePart part : DatePart.values()) {
                List<Object> want = expected(java.get(part));
                assertThat(List.<Object>copyOf(byId(c, extract(part, at), id, events))).as("%s of dateTime", part).isEqualTo(want);
                assertThat(List.<Object>copyOf(byId(c, extract(part, atTz), id, events))).as("%s of dateTimeTz", part).isEqualTo(want);
                if (!part.isTimeOfDay()) {
                    assertThat(List.<Object>copyOf(byId(c, extract(part, day), id, events))).as("%s of date", part).isEqualTo(want);
                }
            }
            // the edge cases spelled out: Sunday is 7, Monday 1, and the last microsecond stays in its second, day and year
            assertThat(byId(c, dayOfWeek(day), id, events)).containsExactly(4, 7, 1, 3, 7, 6);
            assertThat(byId(c, Sql.second(at), id, events)).containsExactly(59, 59, 0, 56, 9, 3);
            assertThat(byId(c, year(at), id, events)).containsExactly(2024, 2023, 2024, 2024, 2025, 2000);
        }
    }

    @AllDatabases
    void truncationKeepsTheType(TestDatabase db) {
        try (Engine engine = setUp(db); Connection c = engine.connect()) {
            for (DateUnit unit : DateUnit.values()) {
                Function<LocalDateTime, LocalDateTime> java = t -> switch (unit) {
                    case YEAR -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
                    case MONTH -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
                    case DAY -> t.truncatedTo(ChronoUnit.DAYS);
                    case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
                    case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
                    case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
                };
                assertThat(List.<Object>copyOf(byId(c, truncate(at, unit), id, events))).as("dateTime to %s", unit).isEqualTo(expected(java));
                assertThat(List.<Object>copyOf(byId(c, truncate(atTz, unit), id, events))).as("dateTimeTz to %s", unit)
                        .isEqualTo(expected(t -> java.apply(t).atOffset(ZoneOffset.UTC)));
                if (!unit.isTimeOfDay()) {
                    assertThat(List.<Object>copyOf(byId(c, truncate(day, unit), id, events))).as("date to %s", unit)
                            .isEqualTo(expected(t -> java.apply(t).toLocalDate()));
                }
            }
            // a truncated value compares with a stored one: the first of January 2024 at midnight is row 3's timestamp
            assertThat(Shop.<Integer>column(c, select(id).from(events).where(truncate(at, DateUnit.MONTH).eq(at)).orderBy(id.asc())))
                    .containsExactly(3);
        }
    }

    @AllDatabases
    void intervalArithmeticKeepsTheDayWithinTheMonth(TestDatabase db) {
        try (Engine engine = setUp(db); Connection c = engine.connect()) {
            for (DateUnit unit : DateUnit.values()) {
                for (int amount : new int[] {1, -1, 13, -25}) {
                    ChronoUnit chrono = switch (unit) {
                        case YEAR -> ChronoUnit.YEARS;
                        case MONTH -> ChronoUnit.MONTHS;
                        case DAY -> ChronoUnit.DAYS;
                        case HOUR -> ChronoUnit.HOURS;
                        case MINUTE -> ChronoUnit.MINUTES;
                        case SECOND -> ChronoUnit.SECONDS;
                    };
                    String what = "plus " + amount + " " + unit;
                    assertThat(List.<Object>copyOf(byId(c, plus(at, amount, unit), id, events))).as("dateTime %s", what)
                            .isEqualTo(expected(t -> t.plus(amount, chrono)));
                    assertThat(List.<Object>copyOf(byId(c, minus(atTz, amount, unit), id, events))).as("dateTimeTz minus %s", what)
                            .isEqualTo(expected(t -> t.minus(amount, chrono).atOffset(ZoneOffset.UTC)));
                    if (!unit.isTimeOfDay()) {
                        assertThat(List.<Object>copyOf(byId(c, plus(day, amount, unit), id, events))).as("date %s", what)
                                .isEqualTo(expected(t -> t.toLocalDate().plus(amount, chrono)));
                    }
                }
            }
            // the rule, spelled out: January 31 plus one month is the last day of February, February 29 plus a year is February 28
            assertThat(byId(c, plus(day, 1, DateUnit.MONTH), id, events).get(3)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(byId(c, plus(day, 1, DateUnit.YEAR), id, events).get(0)).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(byId(c, plus(at, 1, DateUnit.MONTH), id, events).get(3)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 500_000_000));
            assertThat(byId(c, plus(at, 1, DateUnit.DAY), id, events).get(0)).isEqualTo(LocalDateTime.of(2024, 3, 1, 23, 59, 59, 999_999_000));
            // in WHERE, compared with a bound value
            assertThat(Shop.<Integer>column(c, select(id).from(events).where(plus(day, 1, DateUnit.MONTH).eq(LocalDate.of(2024, 2, 29)))
                    .orderBy(id.asc()))).containsExactly(4);
        }
    }

    @AllDatabases
    void currentDateIsTodayInUtc(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection c = engine.connect()) {
            LocalDate before = LocalDate.now(ZoneOffset.UTC);
            LocalDate today = (LocalDate) c.query(select(currentDate())).list().get(0).get(0);
            LocalDate after = LocalDate.now(ZoneOffset.UTC);
            assertThat(today).isBetween(before, after);
            LocalDate tomorrow = (LocalDate) c.query(select(plus(currentDate(), 1, DateUnit.DAY))).list().get(0).get(0);
            assertThat(tomorrow).isEqualTo(today.plusDays(1));
        }
    }

    @AllDatabases
    void groupedAndOrderedByParts(TestDatabase db) {
        try (Engine engine = setUp(db); Connection c = engine.connect()) {
            Map<Integer, Long> byMonth = new TreeMap<>();
            TIMESTAMPS.forEach(t -> byMonth.merge(t.getMonthValue(), 1L, Long::sum));
            List<List<Object>> want = new ArrayList<>();
            byMonth.forEach((m, n) -> want.add(row(m, n)));
            assertThat(rows(c, select(month(at), count()).from(events).groupBy(month(at)).orderBy(month(at).asc()))).isEqualTo(want);

            assertThat(rows(c, select(year(atTz), month(atTz), count()).from(events).groupBy(year(atTz), month(atTz))
                    .orderBy(year(atTz).desc(), month(atTz).asc())))
                    .containsExactly(row(2025, 3, 1L), row(2024, 1, 2L), row(2024, 2, 1L), row(2023, 12, 1L), row(2000, 7, 1L));

            Expression<LocalDate> firstOfMonth = truncate(day, DateUnit.MONTH);
            assertThat(rows(c, select(firstOfMonth, count()).from(events).where(year(day).ge(2024)).groupBy(firstOfMonth)
                    .orderBy(firstOfMonth.asc())))
                    .containsExactly(row(LocalDate.of(2024, 1, 1), 2L), row(LocalDate.of(2024, 2, 1), 1L), row(LocalDate.of(2025, 3, 1), 1L));
        }
    }

    @AllDatabases
    void partsInWhere(TestDatabase db) throws Exception {
        try (Engine engine = setUp(db); Connection c = engine.connect()) {
            assertThat(Shop.<Integer>column(c, select(id).from(events).where(dayOfWeek(at).eq(7)).orderBy(id.asc()))).containsExactly(2, 5);
            assertThat(Shop.<Integer>column(c, select(id).from(events).where(hour(atTz).ge(12).and(month(day).le(2))).orderBy(id.asc())))
                    .containsExactly(1, 4);
            // parts of bound values, not only of columns
            var bound = c.query(select(dayOfWeek(Sql.value(LocalDate.of(2024, 2, 29), date())),
                    Sql.second(Sql.value(LocalDateTime.of(2023, 12, 31, 23, 59, 59, 999_999_000), dateTime())),
                    truncate(Sql.value(LocalDate.of(2024, 2, 29), date()), DateUnit.YEAR))).list().get(0);
            assertThat(bound.values()).containsExactly(4, 59, LocalDate.of(2024, 1, 1));
            // the rows the database holds are what was written: the conditions did not read changed values
            try (var jdbc = db.openJdbc(); Statement s = jdbc.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(TIMESTAMPS.size());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void refusesWhatADateOrAnotherTypeHasNot() {
        Column<LocalTime> time = Column.of("t", Types.time());
        assertThatThrownBy(() -> hour(day)).isInstanceOf(AshlarException.class).hasMessageContaining("time of day");
        assertThatThrownBy(() -> plus(day, 2, DateUnit.HOUR)).isInstanceOf(AshlarException.class).hasMessageContaining("date()");
        assertThatThrownBy(() -> extract(DatePart.YEAR, time)).isInstanceOf(AshlarException.class).hasMessageContaining("Time");
    }
}
