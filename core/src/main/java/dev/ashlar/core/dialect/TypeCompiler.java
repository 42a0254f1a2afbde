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
import dev.ashlar.core.types.MappedType;
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
        if (type instanceof MappedType<?, ?> mapped) {
            return render(mapped.storage());
        }
        if (type instanceof IntegerType t) {
            return "INTEGER";
        }
        if (type instanceof SmallIntegerType t) {
            return "SMALLINT";
        }
        if (type instanceof BigIntegerType t) {
            return "BIGINT";
        }
        if (type instanceof BooleanType t) {
            return "BOOLEAN";
        }
        if (type instanceof StringType t) {
            return string(t);
        }
        if (type instanceof TextType t) {
            return text();
        }
        if (type instanceof dev.ashlar.core.types.FixedStringType t) {
            return fixedString(t);
        }
        if (type instanceof NumericType t) {
            return numeric(t);
        }
        if (type instanceof FloatType t) {
            return "REAL";
        }
        if (type instanceof DoubleType t) {
            return float64();
        }
        if (type instanceof DateType t) {
            return "DATE";
        }
        if (type instanceof TimeType t) {
            return time(t);
        }
        if (type instanceof DateTimeType t) {
            return dateTime(t);
        }
        if (type instanceof DateTimeTzType t) {
            return dateTimeTz(t);
        }
        if (type instanceof LargeBinaryType t) {
            return binary();
        }
        if (type instanceof EnumType<?> t) {
            return "VARCHAR(" + t.length() + ")";
        }
        if (type instanceof UuidType t) {
            return uuid();
        }
        if (type instanceof dev.ashlar.core.types.DatabaseEnumType t) {
            return databaseEnum(t);
        }
        if (type instanceof JsonType t) {
            return json();
        }
        if (type instanceof dev.ashlar.core.types.DatabaseType t) {
            return t.spelling();
        }
        throw new dev.ashlar.core.error.AshlarException("type " + type.describe() + " has no DDL spelling in " + getClass().getSimpleName());
    }

    /**
     * The length a {@code string()} column declared without one gets: none by default, where
     * {@code VARCHAR} without a length holds text of any length. MariaDB needs a length, so such a
     * column is {@code VARCHAR(255)} there, and a longer value is refused.
     */
    public java.util.OptionalInt defaultStringLength() {
        return java.util.OptionalInt.empty();
    }

    protected String string(StringType type) {
        return type.length().isPresent() ? "VARCHAR(" + type.length().getAsInt() + ")" : "VARCHAR";
    }

    /** {@code CHAR(n)}, the same spelling on every database. */
    protected String fixedString(dev.ashlar.core.types.FixedStringType type) {
        return "CHAR(" + type.length() + ")";
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

    /** {@code TIME(p)}, with the type's fractional-second precision. */
    protected String time(TimeType type) {
        return "TIME(" + type.precision() + ")";
    }

    /** {@code TIMESTAMP(p)}, with the type's fractional-second precision. */
    protected String dateTime(DateTimeType type) {
        return "TIMESTAMP(" + type.precision() + ")";
    }

    /** {@code TIMESTAMP(p) WITH TIME ZONE}, with the type's fractional-second precision. */
    protected String dateTimeTz(DateTimeTzType type) {
        return "TIMESTAMP(" + type.precision() + ") WITH TIME ZONE";
    }

    protected String binary() {
        return "BLOB";
    }

    /**
     * A database enum as the column's type: a {@code VARCHAR} as long as the longest value by default,
     * which a dialect without enums guards with a CHECK ({@link DdlCompiler}); dialects with enums override it.
     */
    protected String databaseEnum(dev.ashlar.core.types.DatabaseEnumType type) {
        return "VARCHAR(" + type.length() + ")";
    }

    protected String uuid() {
        return "CHAR(36)";
    }

    protected String json() {
        return "JSON";
    }
}
