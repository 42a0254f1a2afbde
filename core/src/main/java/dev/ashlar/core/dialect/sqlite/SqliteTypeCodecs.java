package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.RefusedValue;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.types.NumericType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * SQLite has no date, time, boolean or decimal storage. Dates and times are ISO-8601 text with a
 * fixed six-digit fraction, so that text order is time order and SQLite's date functions read
 * them; decimals are bound and read as text so that no binary float ever rounds them.
 */
class SqliteTypeCodecs extends TypeCodecs {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter();
    /** Reads what we write and what SQLite's own functions write ('T' or ' ', 0 to 9 fraction digits). */
    private static final DateTimeFormatter LENIENT_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    /**
     * Up to 15 digits a decimal is bound as a double, which SQLite stores as REAL and prints back
     * with 15 significant digits: exact after rescaling, and it compares as a number even inside
     * expressions such as {@code price * 2 < ?}, where a text parameter would compare as text.
     * Wider decimals live in TEXT-affinity columns (see {@link SqliteTypeCompiler}) and go as text.
     */
    @Override
    protected ValueCodec<BigDecimal> numeric(NumericType type) {
        int scale = type.scale();
        if (type.precision() <= SqliteTypeCompiler.EXACT_NUMERIC_DIGITS) {
            return Codec.of(Types.DOUBLE, (ps, i, v) -> ps.setDouble(i, v.doubleValue()), (rs, i) -> {
                double value = rs.getDouble(i);
                if (value == 0) {
                    // SQLite also gives 0 for NULL and for text that is no number: tell those apart (zeros only, so rarely)
                    String text = rs.getString(i);
                    return text == null ? null : new BigDecimal(text.strip()).setScale(scale, RoundingMode.HALF_UP);
                }
                return exactDecimal(value).setScale(scale, RoundingMode.HALF_UP);
            }).refusingWrites(precision(type));
        }
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, v.toPlainString()), (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
        }).refusingWrites(precision(type));
    }

    /**
     * SQLite does not enforce {@code CHAR(n)}: a value longer than {@code n} characters is refused
     * here as PostgreSQL and MariaDB refuse it, unless what is beyond {@code n} is spaces, which
     * those two cut silently and so is cut here. Shorter values are stored as given (no padding).
     */
    @Override
    protected ValueCodec<String> fixedString(dev.ashlar.core.types.FixedStringType type) {
        int n = type.length();
        return Codec.<String>of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, cutSurplusSpaces(v, n)), Codec.Getter.STRING)
                .refusingWrites(v -> {
                    String cut = cutSurplusSpaces(v, n);
                    int length = cut.codePointCount(0, cut.length());
                    return length <= n ? null : RefusedValue.tooLong("a value of " + length + " characters does not fit CHAR(" + n
                            + ") (PostgreSQL and MariaDB refuse it too; SQLite would store it): shorten it or widen the column");
                });
    }

    /** {@code value} without the trailing spaces that lie beyond {@code n} characters. */
    private static String cutSurplusSpaces(String value, int n) {
        if (value.codePointCount(0, value.length()) <= n) {
            return value;
        }
        int end = value.offsetByCodePoints(0, n);
        int last = value.length();
        while (last > end && value.charAt(last - 1) == ' ') {
            last--;
        }
        return value.substring(0, last);
    }

    /** SQLite prints a REAL as text with this many significant digits, which is what reading it as text gave. */
    private static final MathContext SQLITE_REAL_TEXT = new MathContext(15, RoundingMode.HALF_EVEN);

    /**
     * The decimal a REAL holds, as SQLite's own text of it would give: read as a double, which skips
     * the driver's conversion to text. A value bound from a decimal of at most 15 digits comes back
     * as that decimal (the shortest text of the double); a computed value with more digits is
     * rounded to 15 significant digits, as SQLite's text is.
     */
    static BigDecimal exactDecimal(double value) {
        BigDecimal shortest = BigDecimal.valueOf(value);
        return shortest.precision() <= SQLITE_REAL_TEXT.getPrecision() ? shortest : new BigDecimal(value).round(SQLITE_REAL_TEXT);
    }

    /** SQLite stores NULL for a NaN without an error; infinities it keeps. */
    @Override
    protected ValueCodec<Double> float64() {
        return refused(super.float64()).refusing(v -> v.isNaN() ? noNaN("DOUBLE") : null);
    }

    @Override
    protected ValueCodec<Float> float32() {
        return refused(super.float32()).refusing(v -> v.isNaN() ? noNaN("REAL") : null);
    }

    private static RefusedValue noNaN(String type) {
        return RefusedValue.unstorable("sqlite cannot hold NaN in a " + type + " column: it would store NULL instead."
                + " Store null, or a value of your own for 'not a number'");
    }

    /**
     * The precision of a {@code Numeric(p, s)}, which SQLite does not enforce: a value with more than
     * {@code p - s} digits before the point once rounded to {@code s} places is refused, as
     * PostgreSQL and MariaDB refuse it, so code tested on SQLite fails the same way on the servers.
     */
    private static Codec.Refusal<BigDecimal> precision(NumericType type) {
        int integerDigits = type.precision() - type.scale();
        return v -> {
            BigDecimal rounded = v.setScale(type.scale(), RoundingMode.HALF_UP);
            if (rounded.signum() == 0 || rounded.precision() - rounded.scale() <= integerDigits) {
                return null;
            }
            return RefusedValue.outOfRange(v.toPlainString() + " does not fit NUMERIC(" + type.precision() + ", "
                    + type.scale() + "), which holds at most " + integerDigits + " digits before the decimal point"
                    + " (PostgreSQL and MariaDB refuse it too; SQLite would store it)");
        };
    }

    /**
     * Dates are ISO text, which sorts as time only for years 0000 to 9999: year 10000 is written
     * {@code +10000-01-01} and would sort before {@code 2024}. Such a date is refused rather than
     * compared wrongly.
     */
    private static RefusedValue year(int year, Object value) {
        if (year >= 0 && year <= 9999) {
            return null;
        }
        return RefusedValue.unstorable("sqlite cannot hold " + value + ": dates are stored as ISO text, which compares"
                + " correctly only for years 0000 to 9999");
    }

    @Override
    protected ValueCodec<Boolean> bool() {
        return Codec.of(Types.INTEGER, (ps, i, v) -> ps.setInt(i, v ? 1 : 0), (rs, i) -> {
            int v = rs.getInt(i);
            return v == 0 && rs.wasNull() ? null : v != 0;
        });
    }

    @Override
    protected ValueCodec<LocalDate> date() {
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, v.toString()), (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        }).refusing(v -> year(v.getYear(), v));
    }

    @Override
    protected ValueCodec<LocalTime> time() {
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, TIME.format(v)), (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : LocalTime.parse(text);
        });
    }

    @Override
    protected ValueCodec<LocalDateTime> dateTime() {
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, formatDateTime(v)), (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : parseDateTime(text);
        }).refusing(v -> year(v.getYear(), v));
    }

    /**
     * Writes a timestamp as {@link #DATE_TIME} does ({@code yyyy-MM-dd HH:mm:ss.ffffff}, the fraction
     * cut to microseconds), digit by digit for years 0000 to 9999, the only ones SQLite is given: the
     * formatter took about a tenth of the CPU of an insert of 100,000 timestamps (bench/NOTES.md,
     * twenty-first round). Other years go to the formatter, whose text the codec refuses anyway.
     */
    static String formatDateTime(LocalDateTime v) {
        int year = v.getYear();
        if (year < 0 || year > 9999) {
            return DATE_TIME.format(v);
        }
        char[] text = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', ' ', '0', '0', ':', '0', '0', ':', '0', '0', '.',
                '0', '0', '0', '0', '0', '0'};
        putDigits(text, 4, year);
        putDigits(text, 7, v.getMonthValue());
        putDigits(text, 10, v.getDayOfMonth());
        putDigits(text, 13, v.getHour());
        putDigits(text, 16, v.getMinute());
        putDigits(text, 19, v.getSecond());
        putDigits(text, 26, v.getNano() / 1000);
        return new String(text);
    }

    /** Writes {@code value}'s decimal digits ending before {@code end}, over the zeros already there. */
    private static void putDigits(char[] text, int end, int value) {
        for (int i = end - 1; value > 0; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Reads a timestamp. The text Ashlar writes ({@code yyyy-MM-dd HH:mm:ss.ffffff}) is read digit by
     * digit: the lenient formatter copies its parse state at every optional section, which made it
     * most of the allocation of a SQLite fetch (see docs/benchmarks.md). Anything else goes to it.
     */
    static LocalDateTime parseDateTime(String text) {
        if (text.length() == 26 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == ' '
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int micros = digits(text, 20, 26);
            if ((year | month | day | hour | minute | second | micros) >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
            }
        }
        return LocalDateTime.parse(text, LENIENT_DATE_TIME);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    protected ValueCodec<OffsetDateTime> dateTimeTz() {
        return Codec.of(Types.VARCHAR,
                (ps, i, v) -> ps.setString(i, formatDateTime(v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00:00"),
                (rs, i) -> {
                    String text = rs.getString(i);
                    if (text == null) {
                        return null;
                    }
                    var parsed = LENIENT_DATE_TIME.parse(text);
                    LocalDateTime local = LocalDateTime.from(parsed);
                    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
                    return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
                }).refusing(v -> year(v.withOffsetSameInstant(ZoneOffset.UTC).getYear(), v));
    }
}
