package dev.ashlar.core.sql;

import java.util.List;

/**
 * A statement that returns rows: a {@link Select} or a {@link CompoundSelect} ({@code UNION} and
 * friends). Queries nest as subqueries: in FROM ({@link #as(String)}), as a value
 * ({@link #asScalar()}), after {@code IN} and in {@code EXISTS}.
 */
public interface Query extends Statement {
    /** The selected expressions, which type the result's columns. */
    List<Expression<?>> columns();

    /** This query as a derived table in FROM, {@code (SELECT ...) AS alias}. */
    default DerivedTable as(String alias) {
        return new DerivedTable(this, alias);
    }

    /**
     * This one-column query as a value, {@code (SELECT max(price) FROM items)}, typed by its column.
     * The type parameter is inferred at the call site and not checked; use {@link #asScalar(Class)}
     * for a checked one.
     */
    @SuppressWarnings("unchecked")
    default <T> Expression<T> asScalar() {
        if (columns().size() != 1) {
            throw new dev.ashlar.core.error.AshlarException("a scalar subquery selects one column, this one selects " + columns().size());
        }
        Expression<T> only = (Expression<T>) columns().get(0);
        return new ScalarSubquery<>(this, only.type());
    }

    /** This one-column query as a value, checked to hold values of {@code javaType}. */
    default <T> Expression<T> asScalar(Class<T> javaType) {
        Expression<T> scalar = asScalar();
        if (!javaType.equals(scalar.type().javaType())) {
            throw new dev.ashlar.core.error.AshlarException("the subquery's column holds " + scalar.type().javaType().getSimpleName()
                    + ", not " + javaType.getSimpleName());
        }
        return scalar;
    }

    /** {@code this UNION other}: rows of either, duplicates removed. */
    default CompoundSelect union(Select other) {
        return CompoundSelect.of(this, SetOperator.UNION, other);
    }

    /** {@code this UNION ALL other}: rows of both, duplicates kept. */
    default CompoundSelect unionAll(Select other) {
        return CompoundSelect.of(this, SetOperator.UNION_ALL, other);
    }

    /** {@code this INTERSECT other}: rows in both. */
    default CompoundSelect intersect(Select other) {
        return CompoundSelect.of(this, SetOperator.INTERSECT, other);
    }

    /** {@code this EXCEPT other}: rows of this not in other. */
    default CompoundSelect except(Select other) {
        return CompoundSelect.of(this, SetOperator.EXCEPT, other);
    }
}
