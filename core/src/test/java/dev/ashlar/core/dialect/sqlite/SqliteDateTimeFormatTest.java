package dev.ashlar.core.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The digit-by-digit timestamp text is the formatter's, for every year SQLite is given, and reads back as written. */
class SqliteDateTimeFormatTest {
    /** The format as the codec declared it before the fast path: ISO date, a space, the time with six fraction digits. */
    private static final DateTimeFormatter FORMATTER = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();

    @Property(tries = 5000)
    void writesWhatTheFormatterWrites(@ForAll @IntRange(min = 0, max = 9999) int year, @ForAll @IntRange(min = 1, max = 12) int month,
                                      @ForAll @IntRange(min = 1, max = 28) int day, @ForAll @IntRange(min = 0, max = 23) int hour,
                                      @ForAll @IntRange(min = 0, max = 59) int minute, @ForAll @IntRange(min = 0, max = 59) int second,
                                      @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
        LocalDateTime value = LocalDateTime.of(year, month, day, hour, minute, second, nano);
        String text = SqliteTypeCodecs.formatDateTime(value);
        assertThat(text).isEqualTo(FORMATTER.format(value));
        assertThat(SqliteTypeCodecs.parseDateTime(text)).isEqualTo(value.withNano(nano / 1000 * 1000));
    }

    @Test
    void edgesOfTheRange() {
        for (LocalDateTime value : new LocalDateTime[]{LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1000), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 999)}) {
            assertThat(SqliteTypeCodecs.formatDateTime(value)).isEqualTo(FORMATTER.format(value));
        }
        assertThat(SqliteTypeCodecs.formatDateTime(LocalDateTime.of(10_000, 1, 1, 0, 0))).isEqualTo("+10000-01-01 00:00:00.000000");
        assertThat(SqliteTypeCodecs.formatDateTime(LocalDateTime.of(-1, 1, 1, 0, 0))).isEqualTo("-0001-01-01 00:00:00.000000");
    }
}
