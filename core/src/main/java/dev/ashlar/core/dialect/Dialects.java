package dev.ashlar.core.dialect;

import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.error.UsageException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the dialect for a URL scheme: among the providers {@linkplain #register registered} in this process
 * first, then among those installed on the class path ({@link DialectProvider}s found by {@link ServiceLoader}).
 *
 * <p>Registration exists for start-up time, as SQLAlchemy's {@code registry.register} does: the class path is
 * searched only when a scheme is asked for that no registered provider answers to, and that search opens every
 * jar on the class path to look for {@code META-INF/services} entries (about 30 ms for the command line's 18
 * jars on Java 17), which a short command such as {@code ashlar quickstart} notices.
 */
public final class Dialects {
    /** Providers registered in this process, by scheme; asked before the installed ones. */
    private static final Map<String, DialectProvider> REGISTERED = new ConcurrentHashMap<>();

    private Dialects() {
    }

    /** The installed providers by scheme, searched for on first use (the holder class defers the search). */
    private static final class Installed {
        static final Map<String, DialectProvider> BY_SCHEME = load();

        private static Map<String, DialectProvider> load() {
            Map<String, DialectProvider> map = new TreeMap<>();
            for (DialectProvider provider : ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader())) {
                for (String scheme : provider.schemes()) {
                    map.putIfAbsent(scheme, provider);
                }
            }
            return map;
        }
    }

    /**
     * Makes {@code provider} answer for its schemes in this process, ahead of any provider installed on the class
     * path for the same scheme, and without searching the class path for a URL of those schemes. A later
     * registration for a scheme replaces an earlier one. Providers need not be registered: installed ones are found.
     *
     * @throws UsageException when {@code provider} names no scheme
     */
    public static void register(DialectProvider provider) {
        Set<String> schemes = provider.schemes();
        if (schemes.isEmpty()) {
            throw new UsageException("the dialect provider " + provider.getClass().getName()
                    + " names no URL scheme; return at least one from its schemes()");
        }
        for (String scheme : schemes) {
            REGISTERED.put(scheme, provider);
        }
    }

    /** The provider for {@code scheme}: the registered one, else the installed one, if any. */
    public static Optional<DialectProvider> provider(String scheme) {
        DialectProvider registered = REGISTERED.get(scheme);
        return registered != null ? Optional.of(registered) : Optional.ofNullable(Installed.BY_SCHEME.get(scheme));
    }

    /** Every scheme that some provider answers to, registered or installed, in order. */
    public static Set<String> schemes() {
        Set<String> schemes = new TreeSet<>(Installed.BY_SCHEME.keySet());
        schemes.addAll(REGISTERED.keySet());
        return schemes;
    }

    /** Example URLs of the known dialects, one per provider, for messages. */
    public static String exampleUrls() {
        Set<String> examples = new LinkedHashSet<>();
        for (String scheme : schemes()) {
            provider(scheme).ifPresent(p -> examples.add(p.exampleUrl()));
        }
        return String.join(" or ", examples);
    }

    /** The dialect for {@code scheme}, or a {@link ConfigurationException} listing the known ones. */
    public static Dialect forScheme(String scheme) {
        return provider(scheme).orElseThrow(() -> new ConfigurationException("unknown database '" + scheme
                + "': use one of " + schemes() + " (for example " + exampleUrls() + ")")).create();
    }

    /**
     * The dialect of the database described by {@code metadata}: the first provider, registered ones first, that
     * {@link DialectProvider#recognizes recognizes} it, or a {@link ConfigurationException} naming the database and
     * saying how to choose a dialect by hand.
     *
     * @throws SQLException when the metadata cannot be read
     */
    public static Dialect forMetadata(DatabaseMetaData metadata) throws SQLException {
        Set<DialectProvider> providers = new LinkedHashSet<>(REGISTERED.values());
        providers.addAll(Installed.BY_SCHEME.values());
        for (DialectProvider provider : providers) {
            if (provider.recognizes(metadata)) {
                return provider.create();
            }
        }
        throw new ConfigurationException("no installed dialect recognises the database '" + metadata.getDatabaseProductName()
                + "' (" + metadata.getURL() + "); name one with Engine.create(dataSource, Dialects.forScheme(\"...\"), options), "
                + "one of " + schemes());
    }
}
