package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 WHEN c2 THEN v2 ELSE v END}, typed by its values. Start with
 * {@link Sql#when(Condition, Expression)}; without {@link #otherwise} the value is NULL when no
 * condition holds. Immutable: each method returns a new expression.
 */
public final class Case<T> implements Expression<T> {
    /** One {@code WHEN condition THEN value}. */
    public record When<T>(Condition condition, Expression<T> value) {
    }

    private final List<When<T>> whens;
    private final Expression<T> otherwise;

    Case(List<When<T>> whens, Expression<T> otherwise) {
        this.whens = List.copyOf(whens);
        this.otherwise = otherwise;
    }

    /** Adds {@code WHEN condition THEN value}. */
    public Case<T> when(Condition condition, Expression<T> value) {
        List<When<T>> w = new ArrayList<>(whens);
        w.add(new When<>(condition, value));
        return new Case<>(w, otherwise);
    }

    /** Adds {@code WHEN condition THEN value}, the value bound with this expression's type. */
    public Case<T> when(Condition condition, T value) {
        return when(condition, Param.of(value, type()));
    }

    /** The value when no condition holds. */
    public Case<T> otherwise(Expression<T> value) {
        return new Case<>(whens, value);
    }

    /** The value when no condition holds, bound with this expression's type. */
    public Case<T> otherwise(T value) {
        return otherwise(Param.of(value, type()));
    }

    /** The WHEN branches in order. */
    public List<When<T>> whens() {
        return whens;
    }

    /** The ELSE value, or {@code null}. */
    public Expression<T> otherwiseValue() {
        return otherwise;
    }

    @Override
    public SqlType<T> type() {
        return whens.get(0).value().type();
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitCase(this);
    }
}
