package dev.ashlar.core.sql;

/** Looks up the outside view of a subquery's columns, for derived tables and CTEs. */
final class Subqueries {
    private Subqueries() {
    }

    static <T> Expression<T> column(Query query, String qualifier, Expression<T> selected) {
        boolean found = query.columns().stream().anyMatch(c -> c == selected);
        if (!found || selected.label() == null) {
            throw new dev.ashlar.core.error.AshlarException(qualifier + " has no column for " + describe(selected)
                    + "; pass one of its selected expressions, labelled (expr.as(\"name\")) unless it is a column");
        }
        return new QualifiedColumn<>(qualifier, selected.label(), selected.type());
    }

    private static String describe(Expression<?> e) {
        return e.label() != null ? e.label() : e.getClass().getSimpleName();
    }
}
