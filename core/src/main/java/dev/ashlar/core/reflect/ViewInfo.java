package dev.ashlar.core.reflect;

/** A view: its name and defining query, as the database keeps it. */
public record ViewInfo(String name, String definition) {
}
