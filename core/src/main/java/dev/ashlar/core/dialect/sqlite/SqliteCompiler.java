package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.sql.Arithmetic;
import dev.ashlar.core.sql.Operator;
import dev.ashlar.core.types.NumericType;

/** SQLite's statement spellings. */
class SqliteCompiler extends SqlCompiler {
    SqliteCompiler(Dialect dialect) {
        super(dialect);
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
}
