package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Codec;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.types.NumericType;
import java.math.BigDecimal;
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
                String text = rs.getString(i);
                return text == null ? null : new BigDecimal(text).setScale(scale, RoundingMode.HALF_EVEN);
            });
        }
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, v.toPlainString()), (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : new BigDecimal(text).setScale(scale, RoundingMode.HALF_EVEN);
        });
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
        });
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
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, DATE_TIME.format(v)), (rs, i) -> {
            String text = rs.getString(i);
            return text == null ? null : LocalDateTime.parse(text, LENIENT_DATE_TIME);
        });
    }

    @Override
    protected ValueCodec<OffsetDateTime> dateTimeTz() {
        return Codec.of(Types.VARCHAR,
                (ps, i, v) -> ps.setString(i, DATE_TIME.format(v.withOffsetSameInstant(ZoneOffset.UTC)) + "+00:00"),
                (rs, i) -> {
                    String text = rs.getString(i);
                    if (text == null) {
                        return null;
                    }
                    var parsed = LENIENT_DATE_TIME.parse(text);
                    LocalDateTime local = LocalDateTime.from(parsed);
                    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
                    return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC);
                });
    }
}
