package dev.ashlar.core.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The fast path for Ashlar's own timestamp text agrees with the lenient formatter, which still reads the rest. */
class SqliteDateTimeParseTest {
    @Test
    void readsAshlarsFixedFormatExactly() {
        assertThat(SqliteTypeCodecs.parseDateTime("2024-02-29 23:59:58.123456"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000));
        assertThat(SqliteTypeCodecs.parseDateTime("0001-01-01 00:00:00.000000")).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0));
    }

    @Test
    void fallsBackForOtherShapes() {
        assertThat(SqliteTypeCodecs.parseDateTime("2024-01-02T03:04:05")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(SqliteTypeCodecs.parseDateTime("2024-01-02 03:04")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4));
        assertThat(SqliteTypeCodecs.parseDateTime("2024-01-02 03:04:05.1")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 100_000_000));
        // 26 characters but a letter among the digits: not the fast path, and not a date either.
        assertThatThrownBy(() -> SqliteTypeCodecs.parseDateTime("2024-01-02 03:04:05.12345x")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void rejectsImpossibleDatesInTheFixedFormat() {
        assertThatThrownBy(() -> SqliteTypeCodecs.parseDateTime("2023-02-29 00:00:00.000000")).isInstanceOf(DateTimeException.class);
    }
}
