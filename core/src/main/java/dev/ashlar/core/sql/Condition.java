package dev.ashlar.core.sql;

import dev.ashlar.core.types.SqlType;
import dev.ashlar.core.types.Types;

/** A boolean expression usable in {@code WHERE}, {@code ON} and {@code HAVING}. */
public interface Condition extends Expression<Boolean> {
    @Override
    default SqlType<Boolean> type() {
        return Types.bool();
    }

    /** {@code this AND other}. */
    default Condition and(Condition other) {
        return new Logical(Operator.AND, this, other);
    }

    /** {@code this OR other}. */
    default Condition or(Condition other) {
        return new Logical(Operator.OR, this, other);
    }

    /** {@code NOT this}. */
    default Condition not() {
        return new Not(this);
    }
}
