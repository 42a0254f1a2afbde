package dev.ashlar.core.dialect;

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
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.TextType;
import dev.ashlar.core.types.TimeType;
import dev.ashlar.core.types.UuidType;

/**
 * Spells column types in DDL. The defaults are standard SQL; each dialect overrides the types its
 * database names differently. The table in README.md lists the result for every database.
 */
public class TypeCompiler {
    /** The DDL spelling of {@code type}. */
    public String render(SqlType<?> type) {
        return switch (type) {
            case IntegerType t -> "INTEGER";
            case SmallIntegerType t -> "SMALLINT";
            case BigIntegerType t -> "BIGINT";
            case BooleanType t -> "BOOLEAN";
            case StringType t -> string(t);
            case TextType t -> text();
            case NumericType t -> numeric(t);
            case FloatType t -> "REAL";
            case DoubleType t -> float64();
            case DateType t -> "DATE";
            case TimeType t -> time();
            case DateTimeType t -> dateTime();
            case DateTimeTzType t -> dateTimeTz();
            case LargeBinaryType t -> binary();
            case EnumType<?> t -> "VARCHAR(" + t.length() + ")";
            case UuidType t -> uuid();
            case JsonType t -> json();
            default -> throw new IllegalArgumentException("type " + type.describe() + " has no DDL spelling in " + getClass().getSimpleName());
        };
    }

    protected String string(StringType type) {
        return type.length().isPresent() ? "VARCHAR(" + type.length().getAsInt() + ")" : "VARCHAR";
    }

    protected String text() {
        return "TEXT";
    }

    protected String numeric(NumericType type) {
        return "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
    }

    protected String float64() {
        return "DOUBLE PRECISION";
    }

    protected String time() {
        return "TIME(6)";
    }

    protected String dateTime() {
        return "TIMESTAMP(6)";
    }

    protected String dateTimeTz() {
        return "TIMESTAMP(6) WITH TIME ZONE";
    }

    protected String binary() {
        return "BLOB";
    }

    protected String uuid() {
        return "CHAR(36)";
    }

    protected String json() {
        return "JSON";
    }
}
