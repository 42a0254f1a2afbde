package dev.ashlar.core.error;

import java.util.Objects;

/**
 * The statement or schema change asks for something this database cannot do, such as
 * {@code UPDATE ... RETURNING} on MariaDB. Raised before anything is sent. It always names three
 * things, each also readable on its own: the {@link #feature()}, the {@link #database()} that lacks
 * it, and the {@link #alternative()} that does the same work there. The built-in dialects declare
 * what they lack as {@code dev.ashlar.core.dialect.Feature}s ({@code Dialect.supports(Feature)}).
 */
public class UnsupportedFeatureException extends AshlarException {
    private final String feature;
    private final String database;
    private final String alternative;

    /**
     * A failure for {@code feature}, which {@code database} lacks, suggesting {@code alternative}.
     *
     * @param feature what was asked for, such as {@code FULL JOIN}
     * @param database the database (dialect name) that lacks it
     * @param alternative what to do instead, as an instruction
     */
    public UnsupportedFeatureException(String feature, String database, String alternative) {
        this(feature, database, alternative, null);
    }

    /**
     * As {@link #UnsupportedFeatureException(String, String, String)}, with {@code context} saying
     * where the feature was asked for (such as {@code index ix_users_email on users}); may be {@code null}.
     */
    public UnsupportedFeatureException(String feature, String database, String alternative, String context) {
        super(Objects.requireNonNull(database, "database") + " has no " + Objects.requireNonNull(feature, "feature")
                + (context == null ? "" : " (" + context + ")") + "; " + Objects.requireNonNull(alternative, "alternative"));
        this.feature = feature;
        this.database = database;
        this.alternative = alternative;
    }

    /** What was asked for, such as {@code FULL JOIN} or {@code partial indexes}. */
    public String feature() {
        return feature;
    }

    /** The name of the database that lacks it, as its dialect names it ({@code mariadb}). */
    public String database() {
        return database;
    }

    /** What to do instead on this database. */
    public String alternative() {
        return alternative;
    }
}
