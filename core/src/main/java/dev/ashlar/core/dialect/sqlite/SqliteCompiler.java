package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.sql.Arithmetic;
import dev.ashlar.core.sql.Cast;
import dev.ashlar.core.sql.CurrentDate;
import dev.ashlar.core.sql.DateAdd;
import dev.ashlar.core.sql.DateTrunc;
import dev.ashlar.core.sql.DateUnit;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Extract;
import dev.ashlar.core.types.DateTimeTzType;
import dev.ashlar.core.types.DateType;
import dev.ashlar.core.sql.Operator;
import dev.ashlar.core.types.BigIntegerType;
import dev.ashlar.core.types.DoubleType;
import dev.ashlar.core.types.FloatType;
import dev.ashlar.core.types.IntegerType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SmallIntegerType;
import dev.ashlar.core.types.SqlType;

/** SQLite's statement spellings. */
class SqliteCompiler extends SqlCompiler {
    SqliteCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * SQLite computes decimals in binary floating point and does not round them to the column's
     * scale on storage, as PostgreSQL and MariaDB do: a computed value written to a Numeric column
     * is rounded to its scale here, so {@code price * 1.1} stores the same cents everywhere.
     */
    @Override
    protected void assignedValue(dev.ashlar.core.schema.Column<?> column, dev.ashlar.core.sql.Expression<?> value) {
        if (column.type() instanceof NumericType numeric && !(value instanceof dev.ashlar.core.sql.Param<?>)) {
            sql.append("ROUND(");
            value.accept(this);
            sql.append(", ").append(numeric.scale()).append(')');
            return;
        }
        super.assignedValue(column, value);
    }

    /**
     * SQLite's {@code LIKE} is case-sensitive here because each connection runs with
     * {@code case_sensitive_like}; its {@code lower()} folds ASCII only, so a case-ignoring match
     * calls {@link SqliteFunctions#ILIKE}, a Java function registered on every connection of the pool.
     */
    @Override
    public void visitLike(dev.ashlar.core.sql.Like like) {
        if (!like.ignoreCase()) {
            super.visitLike(like);
            return;
        }
        sql.append(SqliteFunctions.ILIKE).append('(');
        like.expression().accept(this);
        sql.append(", ");
        like.pattern().accept(this);
        sql.append(", ").append(dialect.stringLiteral(String.valueOf(like.escape()))).append(')');
    }

    /** SQLite accepts OFFSET only after a LIMIT; {@code LIMIT -1} means no limit. */
    @Override
    protected void limitOffset(Long limit, Long offset) {
        if (limit == null && offset != null) {
            sql.append(" LIMIT -1");
        }
        super.limitOffset(limit, offset);
    }

    /** SQLite's {@code length} counts characters of text; it has no {@code char_length}. */
    @Override
    protected String functionName(String name) {
        return name.equals("char_length") ? "length" : name;
    }

    /**
     * A NUMERIC column stores a whole-valued decimal such as 10.00 as the integer 10, and SQLite
     * divides integers as integers: dividing decimals casts the dividend to REAL first.
     */
    @Override
    public void visitArithmetic(Arithmetic<?> arithmetic) {
        if (arithmetic.operator() == Operator.DIV && arithmetic.type() instanceof NumericType) {
            sql.append("CAST(");
            arithmetic.left().accept(this);
            sql.append(" AS REAL) / ");
            operand(arithmetic.right());
            return;
        }
        super.visitArithmetic(arithmetic);
    }

    /**
     * SQLite truncates a fraction cast to INTEGER where PostgreSQL and MariaDB round half away
     * from zero; rounding first gives the same integer everywhere.
     */
    @Override
    public void visitCast(Cast<?> cast) {
        SqlType<?> from = cast.expression().type();
        boolean fraction = from instanceof NumericType || from instanceof DoubleType || from instanceof FloatType;
        SqlType<?> to = cast.type();
        boolean toInteger = to instanceof IntegerType || to instanceof BigIntegerType || to instanceof SmallIntegerType;
        if (fraction && toInteger) {
            sql.append("CAST(round(");
            cast.expression().accept(this);
            sql.append(") AS ").append(castType(to)).append(')');
            return;
        }
        super.visitCast(cast);
    }

    // ---- dates and times -------------------------------------------------------------------------
    // Dates are stored as 'YYYY-MM-DD', timestamps as 'YYYY-MM-DD HH:MM:SS.ffffff' (zoned ones in UTC
    // with '+00:00' after), see SqliteTypeCodecs. SQLite's date functions keep milliseconds only and
    // round the fraction, which would turn 23:59:59.9999 into the next day: they are given the text up
    // to the whole second, and results are written back in the stored format, so that the codecs
    // read them and they compare with stored values as text.

    /** The argument for SQLite's date functions: a timestamp without its fraction. */
    private void dateArgument(Expression<?> expression) {
        if (expression.type() instanceof DateType) {
            expression.accept(this);
            return;
        }
        sql.append("substr(");
        expression.accept(this);
        sql.append(", 1, 19)");
    }

    /** {@code strftime} of the part, as an integer; {@code %w} counts 0 = Sunday, shifted to ISO's 1 = Monday ... 7 = Sunday. */
    @Override
    public void visitExtract(Extract extract) {
        String format = switch (extract.part()) {
            case YEAR -> "%Y";
            case MONTH -> "%m";
            case DAY -> "%d";
            case HOUR -> "%H";
            case MINUTE -> "%M";
            case SECOND -> "%S";
            case DAY_OF_WEEK -> "%w";
        };
        boolean dayOfWeek = extract.part() == dev.ashlar.core.sql.DatePart.DAY_OF_WEEK;
        sql.append(dayOfWeek ? "((CAST(strftime('" : "CAST(strftime('").append(format).append("', ");
        dateArgument(extract.expression());
        sql.append(dayOfWeek ? ") AS INTEGER) + 6) % 7 + 1)" : ") AS INTEGER)");
    }

    /** {@code strftime} with the unit's fields kept and the rest written as their first value, in the stored format. */
    @Override
    public void visitDateTrunc(DateTrunc<?> trunc) {
        String format = switch (trunc.unit()) {
            case YEAR -> "%Y-01-01";
            case MONTH -> "%Y-%m-01";
            case DAY -> "%Y-%m-%d";
            case HOUR -> "%Y-%m-%d %H";
            case MINUTE -> "%Y-%m-%d %H:%M";
            case SECOND -> "%Y-%m-%d %H:%M:%S";
        };
        if (!(trunc.type() instanceof DateType)) {
            format += switch (trunc.unit()) {
                case YEAR, MONTH, DAY -> " 00:00:00.000000";
                case HOUR -> ":00:00.000000";
                case MINUTE -> ":00.000000";
                case SECOND -> ".000000";
            };
            if (trunc.type() instanceof DateTimeTzType) {
                format += "+00:00";
            }
        }
        sql.append("strftime('").append(format).append("', ");
        dateArgument(trunc.expression());
        sql.append(')');
    }

    /**
     * {@code strftime(format, x, '+n months', 'floor')}: the {@code floor} modifier (SQLite 3.46+)
     * keeps the day within the target month as PostgreSQL and MariaDB do, where SQLite would
     * otherwise roll January 31 plus a month over into March. A timestamp's fraction (and zone) is
     * copied from the original text, since whole units leave it unchanged.
     */
    @Override
    public void visitDateAdd(DateAdd<?> add) {
        boolean date = add.type() instanceof DateType;
        sql.append(date ? "strftime('%Y-%m-%d', " : "(strftime('%Y-%m-%d %H:%M:%S', ");
        dateArgument(add.expression());
        sql.append(", '").append(add.amount() >= 0 ? "+" : "").append(add.amount()).append(' ').append(add.unit().sqlName()).append("s'");
        if (add.unit() == DateUnit.MONTH || add.unit() == DateUnit.YEAR) {
            sql.append(", 'floor'");
        }
        sql.append(')');
        if (!date) {
            sql.append(" || substr(");
            add.expression().accept(this);
            sql.append(", 20))");
        }
    }

    /** Today in UTC: SQLite's {@code 'now'} is UTC. */
    @Override
    public void visitCurrentDate(CurrentDate current) {
        sql.append("date('now')");
    }
}
