package dev.ashlar.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three databases Ashlar ships dialects for, which its own build runs every compliance test on.
 * Its lower-case name appears in test names. A third-party dialect's database has no kind (see
 * {@link TestDatabase#builtIn()}).
 */
public enum DatabaseKind {
    SQLITE, POSTGRESQL, MARIADB;

    /** The name used in test display names and Ashlar URLs: {@code sqlite}, {@code postgresql}, {@code mariadb}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose {@link #id()} is {@code id}, or empty for a database Ashlar has no dialect of its own for. */
    public static Optional<DatabaseKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
