package dev.ashlar.core.dialect;

import dev.ashlar.core.error.ConfigurationException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the dialect for a URL scheme among the installed {@link DialectProvider}s. */
public final class Dialects {
    private static final Map<String, DialectProvider> BY_SCHEME = load();

    private Dialects() {
    }

    private static Map<String, DialectProvider> load() {
        Map<String, DialectProvider> map = new TreeMap<>();
        for (DialectProvider provider : ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader())) {
            for (String scheme : provider.schemes()) {
                map.putIfAbsent(scheme, provider);
            }
        }
        return map;
    }

    /** The provider registered for {@code scheme}, if any. */
    public static java.util.Optional<DialectProvider> provider(String scheme) {
        return java.util.Optional.ofNullable(BY_SCHEME.get(scheme));
    }

    /** Example URLs of the installed dialects, one per provider, for messages. */
    public static String exampleUrls() {
        java.util.Set<String> examples = new java.util.LinkedHashSet<>();
        new java.util.TreeSet<>(BY_SCHEME.keySet()).forEach(s -> examples.add(BY_SCHEME.get(s).exampleUrl()));
        return String.join(" or ", examples);
    }

    /** The dialect for {@code scheme}, or a {@link ConfigurationException} listing the known ones. */
    public static Dialect forScheme(String scheme) {
        DialectProvider provider = BY_SCHEME.get(scheme);
        if (provider == null) {
            throw new ConfigurationException("unknown database '" + scheme + "': use one of " + BY_SCHEME.keySet()
                    + " (for example " + exampleUrls() + ")");
        }
        return provider.create();
    }

    /**
     * The dialect of the database described by {@code metadata}: the first installed provider that
     * {@link DialectProvider#recognizes recognizes} it, or a {@link ConfigurationException} naming
     * the database and saying how to choose a dialect by hand.
     *
     * @throws SQLException when the metadata cannot be read
     */
    public static Dialect forMetadata(DatabaseMetaData metadata) throws SQLException {
        for (DialectProvider provider : new LinkedHashSet<>(BY_SCHEME.values())) {
            if (provider.recognizes(metadata)) {
                return provider.create();
            }
        }
        throw new ConfigurationException("no installed dialect recognises the database '" + metadata.getDatabaseProductName()
                + "' (" + metadata.getURL() + "); name one with Engine.create(dataSource, Dialects.forScheme(\"...\"), options), "
                + "one of " + BY_SCHEME.keySet());
    }
}
