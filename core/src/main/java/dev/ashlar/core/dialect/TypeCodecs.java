package dev.ashlar.core.dialect;

import dev.ashlar.core.error.UsageException;
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
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The codecs for each type, in the form JDBC drivers handle best when the database supports the
 * type natively. Dialects subclass this and override the methods for the types their database
 * stores differently (SQLite keeps dates as text, MariaDB has no UUID or time-zone type).
 */
public class TypeCodecs {
    /** The codec for {@code type}; dispatches to one method per type so that dialects can override one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ValueCodec<?> forType(SqlType<?> type) {
        if (type instanceof MappedType m) {
            return mapped(m);
        }
        if (type instanceof IntegerType t) {
            return integer();
        }
        if (type instanceof SmallIntegerType t) {
            return smallInteger();
        }
        if (type instanceof BigIntegerType t) {
            return bigInteger();
        }
        if (type instanceof BooleanType t) {
            return bool();
        }
        if (type instanceof StringType t) {
            return string();
        }
        if (type instanceof TextType t) {
            return string();
        }
        if (type instanceof dev.ashlar.core.types.FixedStringType t) {
            return fixedString(t);
        }
        if (type instanceof NumericType t) {
            return numeric(t);
        }
        if (type instanceof FloatType t) {
            return float32();
        }
        if (type instanceof DoubleType t) {
            return float64();
        }
        if (type instanceof DateType t) {
            return date();
        }
        if (type instanceof TimeType t) {
            return rounding(time(), t::round);
        }
        if (type instanceof DateTimeType t) {
            return rounding(dateTime(), t::round);
        }
        if (type instanceof DateTimeTzType t) {
            return rounding(dateTimeTz(), t::round);
        }
        if (type instanceof LargeBinaryType t) {
            return bytes();
        }
        if (type instanceof EnumType t) {
            return enumeration(t);
        }
        if (type instanceof UuidType t) {
            return uuid();
        }
        if (type instanceof JsonType t) {
            return json();
        }
        if (type instanceof dev.ashlar.core.types.DatabaseEnumType t) {
            return databaseEnum();
        }
        if (type instanceof dev.ashlar.core.types.DatabaseType t) {
            return Codec.of(java.sql.Types.OTHER, (ps, i, v) -> ps.setObject(i, v), (rs, i) -> rs.getObject(i));
        }
        throw new dev.ashlar.core.error.AshlarException("no codec for type " + type.describe() + " (" + type.getClass().getName() + ")");
    }

    /**
     * {@code codec} binding each value rounded to its type's fractional-second precision, so that
     * every database is sent a value it holds exactly (the rule of {@link dev.ashlar.core.types.FractionalSeconds}).
     */
    private static <J> ValueCodec<J> rounding(ValueCodec<J> codec, java.util.function.UnaryOperator<J> round) {
        if (codec instanceof Codec<J> c) {
            return c.rounding(round); // still a Codec: rows read it as they read every other column
        }
        return new ValueCodec<>() {
            @Override
            public void bind(java.sql.PreparedStatement statement, int index, J value) throws java.sql.SQLException {
                codec.bind(statement, index, value == null ? null : round.apply(value));
            }

            @Override
            public J read(ResultSet resultSet, int index) throws java.sql.SQLException {
                return codec.read(resultSet, index);
            }

            @Override
            public RefusedValue refuseWrite(J value) {
                return codec.refuseWrite(value == null ? null : round.apply(value));
            }
        };
    }

    /** A database enum's value, as text; PostgreSQL overrides it, as its enums do not take a VARCHAR parameter. */
    protected ValueCodec<String> databaseEnum() {
        return string();
    }

    /** A mapped type goes through its storage type's codec, converted on each side. */
    private <J, S> ValueCodec<J> mapped(MappedType<J, S> type) {
        ValueCodec<S> storage = forStorage(type.storage());
        return new ValueCodec<>() {
            @Override
            public void bind(java.sql.PreparedStatement statement, int index, J value) throws java.sql.SQLException {
                storage.bind(statement, index, value == null ? null : type.toStorage(value));
            }

            @Override
            public J read(ResultSet resultSet, int index) throws java.sql.SQLException {
                S stored = storage.read(resultSet, index);
                return stored == null ? null : type.fromStorage(stored);
            }

            @Override
            public RefusedValue refuseWrite(J value) {
                return value == null ? null : storage.refuseWrite(type.toStorage(value));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <S> ValueCodec<S> forStorage(SqlType<S> storage) {
        return (ValueCodec<S>) forType(storage);
    }

    /**
     * The base codecs of this class are all {@link Codec}s, so that a dialect can add refusals to
     * one ({@code refused(super.float64()).refusing(...)}) without repeating how it binds and reads.
     */
    protected static <J> Codec<J> refused(ValueCodec<J> codec) {
        if (codec instanceof Codec<J> c) {
            return c;
        }
        throw new UsageException("not a Codec: " + codec.getClass().getName()
                + "; add refusals only to the codecs that TypeCodecs itself returns");
    }

    protected ValueCodec<Integer> integer() {
        return Codec.of(Types.INTEGER, (ps, i, v) -> ps.setInt(i, v), Codec.Getter.INT);
    }

    protected ValueCodec<Short> smallInteger() {
        return Codec.of(Types.SMALLINT, (ps, i, v) -> ps.setShort(i, v), Codec.Getter.SHORT);
    }

    protected ValueCodec<Long> bigInteger() {
        return Codec.of(Types.BIGINT, (ps, i, v) -> ps.setLong(i, v), Codec.Getter.LONG);
    }

    protected ValueCodec<Boolean> bool() {
        return Codec.of(Types.BOOLEAN, (ps, i, v) -> ps.setBoolean(i, v), Codec.Getter.BOOLEAN);
    }

    protected ValueCodec<String> string() {
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, v), Codec.Getter.STRING);
    }

    /** Exact decimals read back with the column's scale, so {@code 10.5} in a Numeric(10, 2) reads as {@code 10.50}. */
    /** {@code CHAR(n)}: a string, padded, trimmed and length-checked by the database itself. */
    protected ValueCodec<String> fixedString(dev.ashlar.core.types.FixedStringType type) {
        return string();
    }

    protected ValueCodec<BigDecimal> numeric(NumericType type) {
        return Codec.ofDecimal(Types.NUMERIC, (ps, i, v) -> ps.setBigDecimal(i, v), type.scale());
    }

    protected ValueCodec<Float> float32() {
        return Codec.of(Types.REAL, (ps, i, v) -> ps.setFloat(i, v), Codec.Getter.FLOAT);
    }

    protected ValueCodec<Double> float64() {
        return Codec.of(Types.DOUBLE, (ps, i, v) -> ps.setDouble(i, v), Codec.Getter.DOUBLE);
    }

    protected ValueCodec<LocalDate> date() {
        return Codec.ofObject(Types.DATE, (ps, i, v) -> ps.setObject(i, v), LocalDate.class);
    }

    protected ValueCodec<LocalTime> time() {
        return Codec.ofObject(Types.TIME, (ps, i, v) -> ps.setObject(i, v), LocalTime.class);
    }

    protected ValueCodec<LocalDateTime> dateTime() {
        return Codec.ofObject(Types.TIMESTAMP, (ps, i, v) -> ps.setObject(i, v), LocalDateTime.class);
    }

    /** Instants go in as UTC and come out with offset +00:00. */
    protected ValueCodec<OffsetDateTime> dateTimeTz() {
        return Codec.of(Types.TIMESTAMP_WITH_TIMEZONE, (ps, i, v) -> ps.setObject(i, v.withOffsetSameInstant(ZoneOffset.UTC)),
                (rs, i) -> {
                    OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                    return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
                });
    }

    protected ValueCodec<byte[]> bytes() {
        return Codec.of(Types.VARBINARY, (ps, i, v) -> ps.setBytes(i, v), Codec.Getter.BYTES);
    }

    protected <E extends Enum<E>> ValueCodec<E> enumeration(EnumType<E> type) {
        return Codec.of(Types.VARCHAR, (ps, i, v) -> ps.setString(i, v.name()), (rs, i) -> {
            String name = rs.getString(i);
            return name == null ? null : type.valueOf(name);
        });
    }

    protected ValueCodec<UUID> uuid() {
        return Codec.of(Types.CHAR, (ps, i, v) -> ps.setString(i, v.toString()), (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : UUID.fromString(s);
        });
    }

    protected ValueCodec<String> json() {
        return string();
    }
}
