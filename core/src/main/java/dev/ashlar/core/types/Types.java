package dev.ashlar.core.types;

import java.util.List;

/**
 * Factory for every column type. Import statically: {@code integer()}, {@code string(50)},
 * {@code numeric(10, 2)}, {@code dateTime()}.
 */
public final class Types {
    private Types() {
    }

    /** 32-bit integer. */
    public static IntegerType integer() {
        return IntegerType.INSTANCE;
    }

    /** 16-bit integer. */
    public static SmallIntegerType smallInteger() {
        return SmallIntegerType.INSTANCE;
    }

    /** 64-bit integer. */
    public static BigIntegerType bigInteger() {
        return BigIntegerType.INSTANCE;
    }

    /** Boolean. */
    public static BooleanType bool() {
        return BooleanType.INSTANCE;
    }

    /** A string without a declared length (see {@link StringType} for what that means on each database). */
    public static StringType string() {
        return new StringType(null);
    }

    /** A string of at most {@code length} characters. */
    public static StringType string(int length) {
        return new StringType(length);
    }

    /**
     * Fixed-length text of {@code length} characters, {@code CHAR(length)}. Padding differs by
     * database and Ashlar returns what the database returns: see {@link FixedStringType}.
     */
    public static FixedStringType fixedString(int length) {
        return new FixedStringType(length);
    }

    /** Unbounded text. */
    public static TextType text() {
        return TextType.INSTANCE;
    }

    /** An exact decimal with {@code precision} digits, {@code scale} after the point. */
    public static NumericType numeric(int precision, int scale) {
        return new NumericType(precision, scale);
    }

    /** Single-precision floating point. */
    public static FloatType float32() {
        return FloatType.INSTANCE;
    }

    /** Double-precision floating point. */
    public static DoubleType float64() {
        return DoubleType.INSTANCE;
    }

    /** A date. */
    public static DateType date() {
        return DateType.INSTANCE;
    }

    /** A time of day, to the microsecond. */
    public static TimeType time() {
        return TimeType.INSTANCE;
    }

    /**
     * A time of day kept to {@code precision} fractional-second digits, 0 to 6; {@code time(6)} is
     * {@link #time()}. See {@link FractionalSeconds} for how values are rounded; a precision out of
     * range is refused by {@code Column.of}, naming the column.
     */
    public static TimeType time(int precision) {
        return precision == FractionalSeconds.DEFAULT_PRECISION ? TimeType.INSTANCE : new TimeType(precision);
    }

    /** A date and time without time zone, to the microsecond. */
    public static DateTimeType dateTime() {
        return DateTimeType.INSTANCE;
    }

    /**
     * A date and time without time zone kept to {@code precision} fractional-second digits, 0 to 6:
     * {@code dateTime(0)} is MariaDB's plain {@code DATETIME}, {@code dateTime(6)} is {@link #dateTime()}.
     * See {@link FractionalSeconds} for how values are rounded; a precision out of range is refused
     * by {@code Column.of}, naming the column.
     */
    public static DateTimeType dateTime(int precision) {
        return precision == FractionalSeconds.DEFAULT_PRECISION ? DateTimeType.INSTANCE : new DateTimeType(precision);
    }

    /** An instant, stored as UTC, to the microsecond. */
    public static DateTimeTzType dateTimeTz() {
        return DateTimeTzType.INSTANCE;
    }

    /**
     * An instant, stored as UTC, kept to {@code precision} fractional-second digits, 0 to 6;
     * {@code dateTimeTz(6)} is {@link #dateTimeTz()}. See {@link FractionalSeconds}.
     */
    public static DateTimeTzType dateTimeTz(int precision) {
        return precision == FractionalSeconds.DEFAULT_PRECISION ? DateTimeTzType.INSTANCE : new DateTimeTzType(precision);
    }

    /** Bytes. */
    public static LargeBinaryType largeBinary() {
        return LargeBinaryType.INSTANCE;
    }

    /** A Java enum stored by name. */
    public static <E extends Enum<E>> EnumType<E> enumOf(Class<E> enumClass) {
        return new EnumType<>(enumClass);
    }

    /**
     * An enum the database keeps itself (a PostgreSQL enum type, MariaDB's {@code ENUM}, a SQLite
     * {@code CHECK (x IN (...))}), with its values as text.
     *
     * @param name   the type's name where the database names enum types (PostgreSQL), or {@code null}
     * @param values the values, in order
     */
    public static DatabaseEnumType databaseEnum(String name, List<String> values) {
        return new DatabaseEnumType(name, values);
    }

    /** A UUID. */
    public static UuidType uuid() {
        return UuidType.INSTANCE;
    }

    /** JSON text. */
    public static JsonType json() {
        return JsonType.INSTANCE;
    }

    /** A type Ashlar has no own type for, by the database's spelling, such as {@code inet}; values are the driver's objects. */
    public static DatabaseType databaseType(String spelling) {
        return new DatabaseType(spelling);
    }
}
