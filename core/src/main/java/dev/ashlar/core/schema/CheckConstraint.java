package dev.ashlar.core.schema;

/**
 * A check constraint. Its condition is SQL text written by the schema's author (never a user
 * value), for example {@code price >= 0}. {@code name} null means the naming convention's, which
 * for checks needs a {@code label}.
 */
public record CheckConstraint(String name, String label, String sql) implements TableElement {
    /** A check named {@code ck_<table>_<label>} by the default convention. */
    public static CheckConstraint of(String label, String sql) {
        return new CheckConstraint(null, label, sql);
    }
}
