package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;

/** One {@code ORDER BY} item: an expression, a direction and where NULLs go. */
public record SortOrder(Expression<?> expression, boolean ascending, Nulls nulls) implements SqlNode {
    /** Where NULLs sort. {@code DEFAULT} leaves it to the database. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    /** The same order with NULLs first (emulated where the database lacks {@code NULLS FIRST}). */
    public SortOrder nullsFirst() {
        return new SortOrder(expression, ascending, Nulls.FIRST);
    }

    /** The same order with NULLs last (emulated where the database lacks {@code NULLS LAST}). */
    public SortOrder nullsLast() {
        return new SortOrder(expression, ascending, Nulls.LAST);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitSortOrder(this);
    }
}
