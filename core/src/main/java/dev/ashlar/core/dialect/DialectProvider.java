package dev.ashlar.core.dialect;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Set;

/**
 * Plugs a database into Ashlar. Providers are found with {@link java.util.ServiceLoader}; the three
 * built-in ones are listed in {@code META-INF/services}. An application can also hand one to
 * {@link Dialects#register}, which is asked first and spares the search of the class path. A third-party
 * dialect ships a provider and runs the compliance suite.
 */
public interface DialectProvider {
    /** URL schemes this dialect answers to, such as {@code postgresql} and {@code postgres}. */
    Set<String> schemes();

    /** A new dialect instance. */
    Dialect create();

    /**
     * Whether this dialect's URLs name a file rather than a server: {@code scheme:///relative/path},
     * {@code scheme:////absolute/path}, and {@code scheme://} for an in-memory database. False by
     * default: {@code scheme://user:password@host:port/database}.
     */
    default boolean urlsNameFiles() {
        return false;
    }

    /** A URL of this dialect to show in messages about malformed URLs. */
    default String exampleUrl() {
        String scheme = schemes().iterator().next();
        return urlsNameFiles() ? scheme + ":///items.db" : scheme + "://user:password@localhost/mydb";
    }

    /**
     * Whether this dialect speaks to the database described by {@code metadata}, from a connection
     * of a {@link javax.sql.DataSource} that the caller made (see
     * {@code Engine.create(DataSource, EngineOptions)}). Each dialect recognises its own database;
     * a provider that cannot tell answers {@code false}, and the caller then names the dialect.
     *
     * @throws SQLException when the metadata cannot be read
     */
    default boolean recognizes(DatabaseMetaData metadata) throws SQLException {
        return false;
    }
}
