package dev.ashlar.core.schema;

/**
 * A view as reflection reads it: its name and its defining query, as the database keeps the text
 * (each database rewrites the query its own way, so definitions are for reading, not comparing).
 */
public record View(String name, String definition) {
}
