package dev.ashlar.core.reflect;

/** A CHECK constraint as the live database describes it: its name and its condition, in the database's own spelling. */
public record CheckInfo(String name, String sql) {
}
