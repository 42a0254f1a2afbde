package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.sql.Arithmetic;
import dev.ashlar.core.sql.Cast;
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
}
