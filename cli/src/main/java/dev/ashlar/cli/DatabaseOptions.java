package dev.ashlar.cli;

import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.dialect.sqlite.SqliteDialect;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --url} option of every command that talks to a database, as a picocli mixin
 * ({@code @Mixin DatabaseOptions database;}). The URL comes from, in order: {@code --url}, the
 * {@code DATABASE_URL} environment variable, {@code url} in the project file ({@code ashlar.properties}).
 *
 * <p>{@link #openEngine()} opens an engine without a pool (a command connects once or twice and
 * exits) and refuses a SQLite file that does not exist, which the driver would otherwise create:
 * a command that reads a database must not leave an empty one behind after a typo.
 */
public final class DatabaseOptions {
    /** The environment variable read when {@code --url} is absent. */
    public static final String DATABASE_URL = "DATABASE_URL";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL, e.g. sqlite:///items.db or postgresql://user@localhost:5432/db. "
                    + "Default: $DATABASE_URL, then url in ashlar.properties.")
    String url;

    /** Where the URL in use came from, for messages. */
    public enum Source { OPTION, ENVIRONMENT, PROJECT_FILE, DEFAULT }

    /** The URL to use and where it came from. */
    public record Resolved(String url, Source source, String origin) {
    }

    /**
     * The URL from {@code --url}, {@code DATABASE_URL} or the project file.
     *
     * @throws ParameterException (exit status 2) when none of them gives one
     */
    public String url() {
        return resolve(null).url();
    }

    /** The URL from {@code --url}, {@code DATABASE_URL} or the project file, else {@code fallback} (or a usage error when null). */
    public Resolved resolve(String fallback) {
        Resolved resolved = resolve(CliContext.of(command), url, fallback);
        if (resolved == null) {
            throw new ParameterException(command.commandLine(), "no database URL: give --url URL (for example "
                    + "--url sqlite:///items.db), set " + DATABASE_URL + ", or put url = ... in " + ProjectFile.NAME);
        }
        return resolved;
    }

    /**
     * The URL from {@code option} (the {@code --url} given, or null), {@code DATABASE_URL} or the project file of
     * {@code context}, else {@code fallback}; null when there is none. Without picocli, for {@link FastPath}.
     */
    static Resolved resolve(CliContext context, String option, String fallback) {
        if (option != null && !option.isBlank()) {
            return new Resolved(option, Source.OPTION, "--url");
        }
        String fromEnv = context.env(DATABASE_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Resolved(fromEnv, Source.ENVIRONMENT, DATABASE_URL);
        }
        ProjectFile project = context.project();
        if (project.url().isPresent()) {
            return new Resolved(project.url().get(), Source.PROJECT_FILE, project.toString());
        }
        return fallback == null ? null : new Resolved(fallback, Source.DEFAULT, "the default");
    }

    /** An engine without a pool on {@link #url()}, for a command that reads an existing database. */
    public Engine openEngine() {
        return openEngine(resolve(null), EngineOptions.defaults().pooled(false), false);
    }

    /**
     * An engine on {@code resolved} with {@code options}.
     *
     * @param mayCreate whether a SQLite file that does not exist may be created (true for a command that
     *                  builds a database, such as {@code quickstart}); when false, a missing file is an error
     * @throws ConfigurationException for a bad URL or a missing SQLite file, naming where the URL came from
     */
    public Engine openEngine(Resolved resolved, EngineOptions options, boolean mayCreate) {
        return openEngine(CliContext.of(command), resolved, options, mayCreate);
    }

    /** {@link #openEngine(Resolved, EngineOptions, boolean)} in {@code context}, without picocli, for {@link FastPath}. */
    static Engine openEngine(CliContext context, Resolved resolved, EngineOptions options, boolean mayCreate) {
        try {
            EngineUrl parsed = EngineUrl.parse(resolved.url());
            boolean sqlite = Dialects.forScheme(parsed.scheme()) instanceof SqliteDialect;
            if (!mayCreate && sqlite) {
                requireExistingSqliteFile(context, parsed, resolved);
            }
            // The engine's own message names the URL and what to check on a server; the command line adds where the
            // URL came from, and for a SQLite file what to check on disk.
            String origin = resolved.source() == Source.OPTION ? "" : "The URL came from " + resolved.origin() + ". ";
            String check = sqlite ? "Check that the file's folder exists and that the file can be read and written." : "";
            context.connectHint((origin + check).isEmpty() ? null : (origin + check).strip());
            return Engine.create(resolved.url(), options);
        } catch (ConfigurationException e) {
            throw fromOrigin(e, resolved);
        }
    }

    private static void requireExistingSqliteFile(CliContext context, EngineUrl parsed, Resolved resolved) {
        String database = parsed.database();
        if (database == null || database.startsWith("file:") || database.equals(":memory:")) {
            return; // in memory, or a JDBC URI form whose path this check cannot know
        }
        Path file = context.resolve(database);
        if (!Files.isRegularFile(file)) {
            throw new MissingDatabaseException("no SQLite database at " + file + " (URL " + parsed + " from " + resolved.origin()
                    + "); check the path: sqlite:///relative/path.db is relative to the working folder, "
                    + "sqlite:////absolute/path.db is absolute. This command does not create databases.");
        }
    }

    private static ConfigurationException fromOrigin(ConfigurationException e, Resolved resolved) {
        return resolved.source() == Source.OPTION || e instanceof MissingDatabaseException ? e
                : new ConfigurationException(e.getMessage() + " (the URL came from " + resolved.origin() + ")", e);
    }

    /** A SQLite file that does not exist; its message already names where the URL came from. */
    private static final class MissingDatabaseException extends ConfigurationException {
        MissingDatabaseException(String message) {
            super(message);
        }
    }
}
