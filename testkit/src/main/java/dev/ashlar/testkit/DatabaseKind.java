package dev.ashlar.testkit;

import java.util.Locale;

/** The three databases every compliance test runs on. Its lower-case name appears in test names. */
public enum DatabaseKind {
    SQLITE, POSTGRESQL, MARIADB;

    /** The name used in test display names and Ashlar URLs: {@code sqlite}, {@code postgresql}, {@code mariadb}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
