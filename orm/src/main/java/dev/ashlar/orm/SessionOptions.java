package dev.ashlar.orm;

import dev.ashlar.core.error.UsageException;
import dev.ashlar.declarative.ModelRegistry;

/**
 * How a session behaves. Start from {@link #defaults()} or {@link #strict()}. Immutable.
 *
 * @param registry          the models' registry; {@code null} for the shared {@code Models}
 * @param strictMode        whether N+1 patterns raise {@link NPlusOneException} instead of logging a warning
 * @param nPlusOneThreshold how many lazy loads of one relationship within one result count as N+1
 * @param autoflush         whether queries flush pending changes first
 */
public record SessionOptions(ModelRegistry registry, boolean strictMode, int nPlusOneThreshold, boolean autoflush) {
    /** One instance for every {@code Session.open(engine)} without options: the record is immutable. */
    private static final SessionOptions DEFAULTS = new SessionOptions(null, false, 3, true);

    /** Shared models, N+1 warnings at 3 lazy loads, autoflush on. */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /** The defaults, but an N+1 pattern raises {@link NPlusOneException}: for tests. */
    public static SessionOptions strict() {
        return defaults().strict(true);
    }

    /** With N+1 patterns raising ({@code true}) or logging ({@code false}). */
    public SessionOptions strict(boolean strict) {
        return new SessionOptions(registry, strict, nPlusOneThreshold, autoflush);
    }

    /** With models mapped by {@code registry}. */
    public SessionOptions registry(ModelRegistry registry) {
        return new SessionOptions(registry, strictMode, nPlusOneThreshold, autoflush);
    }

    /** With N+1 reported when one relationship is lazily loaded this many times within one result. */
    public SessionOptions nPlusOneThreshold(int threshold) {
        if (threshold < 2) {
            throw new UsageException("the N+1 threshold must be at least 2, got " + threshold
                    + "; pass how many lazy loads of one relationship in one result count as N+1");
        }
        return new SessionOptions(registry, strictMode, threshold, autoflush);
    }

    /** With autoflush before queries on or off. */
    public SessionOptions autoflush(boolean autoflush) {
        return new SessionOptions(registry, strictMode, nPlusOneThreshold, autoflush);
    }
}
