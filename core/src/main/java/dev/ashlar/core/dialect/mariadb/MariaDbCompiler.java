package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.CurrentDate;
import dev.ashlar.core.sql.DateAdd;
import dev.ashlar.core.sql.DateTrunc;
import dev.ashlar.core.sql.Excluded;
import dev.ashlar.core.sql.Extract;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.sql.OnConflict;
import dev.ashlar.core.sql.Arithmetic;
import dev.ashlar.core.sql.Operator;
import dev.ashlar.core.sql.SortOrder;
import dev.ashlar.core.types.BigIntegerType;
import dev.ashlar.core.types.DateTimeType;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.DoubleType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.TextType;
import dev.ashlar.core.types.TimeType;

/** MariaDB's statement spellings. */
class MariaDbCompiler extends SqlCompiler {
    MariaDbCompiler(Dialect dialect) {
        super(dialect);
    }

    // ---- writes ---------------------------------------------------------------------------

    /**
     * {@code ON DUPLICATE KEY UPDATE}: MariaDB has no conflict target and reacts to any unique key.
     * "Do nothing" is a no-op assignment rather than {@code INSERT IGNORE}, because IGNORE also turns
     * NOT NULL, foreign key and data errors into warnings and would store bad rows silently.
     */
    @Override
    protected void onConflict(OnConflict conflict) {
        sql.append(" ON DUPLICATE KEY UPDATE ");
        if (conflict.isDoNothing()) {
            Column<?> column = keyColumn(conflict);
            identifier(column.name());
            append(" = ");
            identifier(column.name());
            return;
        }
        assignments(conflict.updates());
    }

    private static Column<?> keyColumn(OnConflict conflict) {
        if (!conflict.target().isEmpty()) {
            return conflict.target().get(0);
        }
        var table = conflict.table();
        return table.primaryKey().isEmpty() ? table.columns().get(0) : table.primaryKey().get(0);
    }

    /** MariaDB 10.11 spells the proposed value {@code VALUES(col)}. */
    @Override
    public void visitExcluded(Excluded<?> excluded) {
        append("VALUES(");
        identifier(excluded.column().name());
        append(")");
    }

    // ---- reads ----------------------------------------------------------------------------

    /**
     * MariaDB lacks {@code NULLS FIRST/LAST} and sorts NULLs as the smallest value; ordering by
     * {@code x IS NULL} first puts them where asked.
     */
    @Override
    public void visitSortOrder(SortOrder order) {
        if (order.nulls() != SortOrder.Nulls.DEFAULT) {
            operand(order.expression());
            sql.append(order.nulls() == SortOrder.Nulls.FIRST ? " IS NULL DESC, " : " IS NULL ASC, ");
        }
        super.visitSortOrder(new SortOrder(order.expression(), order.ascending(), SortOrder.Nulls.DEFAULT));
    }

    /** {@code /} on integers yields a decimal in MariaDB; {@code DIV} divides as the other databases do. */
    @Override
    protected String arithmeticOperator(Arithmetic<?> arithmetic) {
        if (arithmetic.operator() == Operator.DIV && isInteger(arithmetic.type())) {
            return "DIV";
        }
        return super.arithmeticOperator(arithmetic);
    }

    private static boolean isInteger(SqlType<?> type) {
        return type instanceof IntegerType || type instanceof BigIntegerType || type instanceof SmallIntegerType;
    }

    /** CAST accepts only a few type names in MariaDB, not the DDL ones. */
    @Override
    protected String castType(SqlType<?> type) {
        if (type instanceof StringType || type instanceof TextType || type instanceof dev.ashlar.core.types.FixedStringType) {
            return "CHAR";
        }
        if (isInteger(type)) {
            return "SIGNED";
        }
        if (type instanceof NumericType n) {
            return "DECIMAL(" + n.precision() + ", " + n.scale() + ")";
        }
        if (type instanceof DoubleType) {
            return "DOUBLE";
        }
        if (type instanceof FloatType) {
            return "FLOAT";
        }
        if (type instanceof DateTimeType || type instanceof DateTimeTzType) {
            return "DATETIME(" + ((dev.ashlar.core.types.FractionalSeconds) type).precision() + ")";
        }
        if (type instanceof TimeType t) {
            return "TIME(" + t.precision() + ")";
        }
        return super.castType(type);
    }

    /** MariaDB takes OFFSET only after a LIMIT; the largest unsigned 64-bit value means no limit. */
    @Override
    protected void limitOffset(Long limit, Long offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT 18446744073709551615");
        }
        super.limitOffset(limit, offset);
    }

    // ---- dates and times (zoned timestamps are stored as UTC DATETIME(6)) ----------------------

    /**
     * {@code EXTRACT} gives integers here, seconds without their fraction; {@code WEEKDAY} counts
     * 0 = Monday, so the ISO day of week is one more.
     */
    @Override
    public void visitExtract(Extract extract) {
        if (extract.part() == dev.ashlar.core.sql.DatePart.DAY_OF_WEEK) {
            sql.append("(WEEKDAY(");
            extract.expression().accept(this);
            sql.append(") + 1)");
            return;
        }
        sql.append("EXTRACT(").append(extract.part().name()).append(" FROM ");
        extract.expression().accept(this);
        sql.append(')');
    }

    /** MariaDB has no {@code date_trunc}: the value is formatted down to its unit and cast back to its type. */
    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        boolean date = trunc.type() instanceof DateType;
        String format = switch (trunc.unit()) {
            case YEAR -> "%Y-01-01";
            case MONTH -> "%Y-%m-01";
            case DAY -> "%Y-%m-%d";
            case HOUR -> "%Y-%m-%d %H";
            case MINUTE -> "%Y-%m-%d %H:%i";
            case SECOND -> "%Y-%m-%d %H:%i:%s";
        };
        if (!date) {
            format += switch (trunc.unit()) {
                case YEAR, MONTH, DAY -> " 00:00:00";
                case HOUR -> ":00:00";
                case MINUTE -> ":00";
                case SECOND -> "";
            };
        }
        sql.append("CAST(DATE_FORMAT(");
        trunc.expression().accept(this);
        sql.append(", '").append(format).append(date ? "') AS DATE)" : "') AS DATETIME(6))");
    }

    /** {@code DATE_ADD(x, INTERVAL n MONTH)}, which keeps the day within the target month and a date a date. */
    @Override
    public void visitDateAdd(DateAdd<?> add) {
        sql.append("DATE_ADD(");
        add.expression().accept(this);
        sql.append(", INTERVAL ").append(add.amount()).append(' ').append(add.unit().name()).append(')');
    }

    /** Today in UTC, whatever the session's zone. */
    @Override
    public void visitCurrentDate(CurrentDate current) {
        sql.append("UTC_DATE()");
    }
}
