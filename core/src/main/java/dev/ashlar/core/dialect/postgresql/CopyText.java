package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.types.BigIntegerType;
import dev.ashlar.core.types.BooleanType;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.types.DoubleType;
import dev.ashlar.core.types.EnumType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.JsonType;
import dev.ashlar.core.types.LargeBinaryType;
import dev.ashlar.core.types.MappedType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.TextType;
import dev.ashlar.core.types.TimeType;
import dev.ashlar.core.types.UuidType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoEra;
import java.time.temporal.ChronoField;
import java.util.UUID;

/**
 * How values are written in the text format of {@code COPY ... FROM STDIN}: one encoder per type, in
 * {@link #forType}. Each writes the text PostgreSQL reads as the value the JDBC codec of that type
 * would bind ({@link PostgresTypeCodecs}): the same conversions (enum names, timestamps with time zone
 * in UTC, a mapped type's storage form) and, for dates and times, the same text pgjdbc sends, so that a
 * row holds the same whichever way it was inserted.
 *
 * <p>The text format rather than CSV: NULL is the unambiguous {@code \N}, and only backslash, tab,
 * newline and carriage return need escaping, with no quoting rules to get right. The bytes are UTF-8,
 * which is pgjdbc's client encoding on every connection.
 */
final class CopyText {
    /** Appends one non-null value in COPY text form. */
    @FunctionalInterface
    interface Encoder<J> {
        void append(StringBuilder out, J value);
    }

    /** SQL NULL. */
    static final String NULL = "\\N";
    /** pgjdbc's sentinels: later than this is {@code infinity}, before 4713 BC (PostgreSQL's first date) {@code -infinity}. */
    private static final LocalDateTime LAST_DATE_TIME = LocalDateTime.MAX.minus(Duration.ofMillis(500));
    private static final OffsetDateTime LAST_OFFSET_DATE_TIME = OffsetDateTime.MAX.minus(Duration.ofMillis(500));
    private static final LocalDate FIRST_DATE = LocalDate.of(4713, 1, 1).with(ChronoField.ERA, IsoEra.BCE.getValue());
    private static final LocalDateTime FIRST_DATE_TIME = FIRST_DATE.atStartOfDay();
    private static final OffsetDateTime FIRST_OFFSET_DATE_TIME = FIRST_DATE_TIME.atOffset(ZoneOffset.UTC);
    /** Times after this round up to {@code 24:00:00}, which PostgreSQL's time type holds. */
    private static final LocalTime LAST_TIME = LocalTime.MAX.minus(Duration.ofNanos(500));
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {
    }

    /** The encoder for values of {@code type}, or {@code null} when this class does not know the type. */
    static Encoder<?> forType(SqlType<?> type) {
        if (type instanceof MappedType<?, ?> m) {
            return mapped(m);
        }
        if (type instanceof IntegerType || type instanceof SmallIntegerType || type instanceof BigIntegerType) {
            return (Encoder<Number>) (out, v) -> out.append(v.longValue());
        }
        if (type instanceof BooleanType) {
            return (Encoder<Boolean>) (out, v) -> out.append(v ? 't' : 'f');
        }
        if (type instanceof StringType || type instanceof TextType || type instanceof JsonType || type instanceof dev.ashlar.core.types.FixedStringType) {
            return (Encoder<String>) CopyText::text;
        }
        if (type instanceof NumericType) {
            return (Encoder<BigDecimal>) (out, v) -> out.append(v.toPlainString());
        }
        if (type instanceof FloatType) {
            // Float.toString gives enough digits to read back the same float, and NaN, Infinity and -Infinity as PostgreSQL spells them
            return (Encoder<Float>) (out, v) -> out.append(v.floatValue());
        }
        if (type instanceof DoubleType) {
            return (Encoder<Double>) (out, v) -> out.append(v.doubleValue());
        }
        if (type instanceof DateType) {
            return (Encoder<LocalDate>) CopyText::date;
        }
        // rounded to the column's precision first, as TypeCodecs binds them (see FractionalSeconds)
        if (type instanceof TimeType t) {
            return (Encoder<LocalTime>) (out, v) -> time(out, t.round(v));
        }
        if (type instanceof DateTimeType t) {
            return (Encoder<LocalDateTime>) (out, v) -> dateTime(out, t.round(v));
        }
        if (type instanceof DateTimeTzType t) {
            return (Encoder<OffsetDateTime>) (out, v) -> dateTimeTz(out, t.round(v));
        }
        if (type instanceof LargeBinaryType) {
            return (Encoder<byte[]>) CopyText::bytes;
        }
        if (type instanceof EnumType<?>) {
            return (Encoder<Enum<?>>) (out, v) -> text(out, v.name());
        }
        if (type instanceof UuidType) {
            return (Encoder<UUID>) (out, v) -> out.append(v);
        }
        return null;
    }

    /** A mapped type is written as its storage type writes the converted value. */
    private static <J, S> Encoder<J> mapped(MappedType<J, S> type) {
        @SuppressWarnings("unchecked")
        Encoder<S> storage = (Encoder<S>) forType(type.storage());
        if (storage == null) {
            return null;
        }
        return (out, v) -> {
            S stored = type.toStorage(v);
            if (stored == null) {
                out.append(NULL);
            } else {
                storage.append(out, stored);
            }
        };
    }

    /**
     * Text with COPY's escapes for backslash, newline, carriage return and tab; everything else as it
     * is. A NUL character goes through unchanged for the server to refuse, as it refuses it in a bound
     * string, so that both paths fail alike.
     */
    static void text(StringBuilder out, String s) {
        int from = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char escape = switch (s.charAt(i)) {
                case '\\' -> '\\';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escape != 0) {
                out.append(s, from, i).append('\\').append(escape);
                from = i + 1;
            }
        }
        out.append(s, from, length);
    }

    /** bytea's hex form {@code \x0a1b}, its backslash doubled for COPY. */
    private static void bytes(StringBuilder out, byte[] bytes) {
        out.ensureCapacity(out.length() + 3 + 2 * bytes.length);
        out.append("\\\\x");
        for (byte b : bytes) {
            out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }

    private static void date(StringBuilder out, LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            out.append("infinity");
        } else if (date.isBefore(FIRST_DATE)) {
            out.append("-infinity");
        } else {
            appendDate(out, date);
            appendEra(out, date);
        }
    }

    private static void time(StringBuilder out, LocalTime time) {
        if (time.isAfter(LAST_TIME)) {
            out.append("24:00:00");
        } else {
            appendTime(out, roundsUp(time.getNano()) ? time.plusNanos(1000) : time);
        }
    }

    private static void dateTime(StringBuilder out, LocalDateTime dateTime) {
        if (dateTime.isAfter(LAST_DATE_TIME)) {
            out.append("infinity");
        } else if (dateTime.isBefore(FIRST_DATE_TIME)) {
            out.append("-infinity");
        } else {
            LocalDateTime rounded = roundsUp(dateTime.getNano()) ? dateTime.plusNanos(1000) : dateTime;
            appendDate(out, rounded.toLocalDate());
            out.append(' ');
            appendTime(out, rounded.toLocalTime());
            appendEra(out, rounded.toLocalDate());
        }
    }

    /** In UTC, as {@code TypeCodecs.dateTimeTz} binds it; the session runs in UTC too. */
    private static void dateTimeTz(StringBuilder out, OffsetDateTime value) {
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.isAfter(LAST_OFFSET_DATE_TIME)) {
            out.append("infinity");
        } else if (utc.isBefore(FIRST_OFFSET_DATE_TIME)) {
            out.append("-infinity");
        } else {
            LocalDateTime rounded = (roundsUp(utc.getNano()) ? utc.plusNanos(1000) : utc).toLocalDateTime();
            appendDate(out, rounded.toLocalDate());
            out.append(' ');
            appendTime(out, rounded.toLocalTime());
            out.append("+00");
            appendEra(out, rounded.toLocalDate());
        }
    }

    /** Whether nanoseconds round up to the next microsecond (PostgreSQL keeps microseconds; pgjdbc rounds half up). */
    private static boolean roundsUp(int nanos) {
        return nanos % 1000 >= 500;
    }

    /** {@code yyyy-mm-dd} with the year of the era in at least four digits. */
    private static void appendDate(StringBuilder out, LocalDate date) {
        pad(out, date.get(ChronoField.YEAR_OF_ERA), 4);
        out.append('-');
        pad(out, date.getMonthValue(), 2);
        out.append('-');
        pad(out, date.getDayOfMonth(), 2);
    }

    private static void appendEra(StringBuilder out, LocalDate date) {
        if (date.get(ChronoField.ERA) == IsoEra.BCE.getValue()) {
            out.append(" BC");
        }
    }

    /** {@code hh:mm:ss} and, when there are any, the microseconds (sub-microsecond digits are dropped). */
    private static void appendTime(StringBuilder out, LocalTime time) {
        pad(out, time.getHour(), 2);
        out.append(':');
        pad(out, time.getMinute(), 2);
        out.append(':');
        pad(out, time.getSecond(), 2);
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            out.append('.');
            pad(out, micros, 6);
        }
    }

    private static void pad(StringBuilder out, int value, int digits) {
        for (int limit = 10, i = 1; i < digits; i++, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }
}
