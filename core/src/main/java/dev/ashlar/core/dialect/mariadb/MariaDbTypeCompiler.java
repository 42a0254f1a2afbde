package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.TypeCompiler;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;

/** MariaDB's type names. */
class MariaDbTypeCompiler extends TypeCompiler {
    @Override
    public String render(SqlType<?> type) {
        if (type instanceof IntegerType t) {
            return "INT";
        }
        // FLOAT comes back over the text protocol with only six significant digits, and its range stops just short of
        // Float.MAX_VALUE; DOUBLE holds every float exactly and reads back as the same float.
        if (type instanceof FloatType t) {
            return "DOUBLE";
        }
        return super.render(type);
    }

    /** MariaDB's own {@code ENUM('a', 'b')}, which keeps the values on the column. */
    @Override
    protected String databaseEnum(dev.ashlar.core.types.DatabaseEnumType type) {
        StringBuilder b = new StringBuilder("ENUM(");
        for (int i = 0; i < type.values().size(); i++) {
            b.append(i == 0 ? "'" : ", '").append(type.values().get(i).replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return b.append(')').toString();
    }

    @Override
    public java.util.OptionalInt defaultStringLength() {
        return java.util.OptionalInt.of(StringType.MARIADB_DEFAULT_LENGTH);
    }

    /** VARCHAR needs a length here; a String declared without one gets 255 (see {@link StringType}). */
    @Override
    protected String string(StringType type) {
        return "VARCHAR(" + type.length().orElse(StringType.MARIADB_DEFAULT_LENGTH) + ")";
    }

    /** TEXT holds only 64 KiB; Text is meant to be unbounded. */
    @Override
    protected String text() {
        return "LONGTEXT";
    }

    @Override
    protected String numeric(NumericType type) {
        return "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
    }

    @Override
    protected String float64() {
        return "DOUBLE";
    }

    /** {@code DATETIME(p)}; a plain {@code DATETIME} is {@code DATETIME(0)} here, whole seconds. */
    @Override
    protected String dateTime(DateTimeType type) {
        return "DATETIME(" + type.precision() + ")";
    }

    /** No time-zone type: instants are stored as UTC in DATETIME(p) (TIMESTAMP would end in 2038). */
    @Override
    protected String dateTimeTz(DateTimeTzType type) {
        return "DATETIME(" + type.precision() + ")";
    }

    @Override
    protected String binary() {
        return "LONGBLOB";
    }
}
