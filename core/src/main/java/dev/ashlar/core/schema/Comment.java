package dev.ashlar.core.schema;

/**
 * A table's comment, kept in the catalog by databases that store comments (PostgreSQL, MariaDB;
 * SQLite has nowhere to keep one, so its DDL leaves comments out).
 */
public record Comment(String text) implements TableElement {
    /** The comment {@code text}. */
    public static Comment of(String text) {
        return new Comment(text);
    }
}
