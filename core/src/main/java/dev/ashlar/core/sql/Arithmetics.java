package dev.ashlar.core.sql;

import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The typing rules of arithmetic: the result holds the left operand's Java type; exact decimals
 * get the precision and scale SQL gives them ({@code *} adds scales, {@code /} keeps four more
 * digits than the dividend, as MariaDB does).
 */
final class Arithmetics {
    private static final Set<Class<?>> NUMBERS = Set.of(Short.class, Integer.class, Long.class, Float.class, Double.class,
            BigDecimal.class);
    /** Literal decimals stay within the digits SQLite binds exactly (see its type codecs). */
    private static final int LITERAL_PRECISION = 15;

    /**
     * Derived decimal types stop at 15 digits: the precision of a computed value only decides how
     * values compared with it are bound, and SQLite binds decimals of up to 15 digits as numbers
     * (wider ones as text, which would compare as text). Reading is exact whatever the precision.
     */
    static final int DERIVED_PRECISION = 15;

    private Arithmetics() {
    }

    static <T> Arithmetic<T> of(Operator operator, Expression<T> left, Expression<T> right) {
        requireNumber(left, operator);
        return new Arithmetic<>(operator, left, right, resultType(operator, left.type(), right.type()));
    }

    static <T> Arithmetic<T> of(Operator operator, Expression<T> left, Number right) {
        requireNumber(left, operator);
        return of(operator, left, literal(left.type(), right));
    }

    private static void requireNumber(Expression<?> e, Operator operator) {
        if (!NUMBERS.contains(e.type().javaType())) {
            throw new dev.ashlar.core.error.AshlarException("operator " + operator.sql() + " needs a number, but " + describe(e)
                    + " is " + e.type().describe());
        }
    }

    private static String describe(Expression<?> e) {
        return e.label() != null ? e.label() : "the expression";
    }

    @SuppressWarnings("unchecked")
    private static <T> Expression<T> literal(SqlType<T> type, Number n) {
        Class<T> j = type.javaType();
        Object value;
        SqlType<?> literalType = type;
        if (j == BigDecimal.class) {
            BigDecimal d = new BigDecimal(n.toString());
            value = d;
            literalType = Types.numeric(LITERAL_PRECISION, Math.max(0, Math.min(d.scale(), LITERAL_PRECISION)));
        } else if (j == Double.class) {
            value = n.doubleValue();
        } else if (j == Float.class) {
            value = n.floatValue();
        } else {
            if (n instanceof Double || n instanceof Float || n instanceof BigDecimal bd && bd.stripTrailingZeros().scale() > 0) {
                throw new dev.ashlar.core.error.AshlarException("cannot combine the integer type " + type.describe() + " with " + n
                        + "; cast the expression to a decimal first");
            }
            value = j == Long.class ? (Object) n.longValue() : j == Short.class ? (Object) n.shortValue() : (Object) n.intValue();
        }
        return (Expression<T>) Param.of(value, (SqlType<Object>) literalType);
    }

    @SuppressWarnings("unchecked")
    private static <T> SqlType<T> resultType(Operator operator, SqlType<T> left, SqlType<?> right) {
        if (!(left instanceof NumericType l)) {
            return left;
        }
        int ps = l.precision() - l.scale();
        int rs = right instanceof NumericType r ? r.scale() : 0;
        int rp = right instanceof NumericType r ? r.precision() - r.scale() : 19;
        int scale;
        int integerDigits;
        switch (operator) {
            case MUL -> {
                scale = l.scale() + rs;
                integerDigits = ps + rp;
            }
            case DIV -> {
                scale = l.scale() + 4;
                integerDigits = ps + rs;
            }
            default -> {
                scale = Math.max(l.scale(), rs);
                integerDigits = Math.max(ps, rp) + 1;
            }
        }
        scale = Math.min(scale, DERIVED_PRECISION);
        int precision = Math.min(DERIVED_PRECISION, Math.max(scale + integerDigits, scale + 1));
        return (SqlType<T>) Types.numeric(precision, scale);
    }
}
