package dev.ashlar.core.dialect;

import java.util.Set;

/**
 * Plugs a database into Ashlar. Providers are found with {@link java.util.ServiceLoader}; the three
 * built-in ones are registered in {@code META-INF/services}. A third-party dialect ships a provider
 * and runs the compliance suite.
 */
public interface DialectProvider {
    /** URL schemes this dialect answers to, such as {@code postgresql} and {@code postgres}. */
    Set<String> schemes();

    /** A new dialect instance. */
    Dialect create();
}
