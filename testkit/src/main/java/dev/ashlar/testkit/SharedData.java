package dev.ashlar.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the shared test data folder ({@code shared/data}: Chinook, the Big List of Naughty
 * Strings), which lives outside the repository so that every worktree and CI clone reads one copy.
 *
 * <p>The folder is, in this order:
 * <ol>
 *   <li>the value of the environment variable {@value #ENV}, when it is set (and then it must be
 *       right: a wrong value fails instead of silently falling back to another copy);
 *   <li>the first {@code shared/data} holding {@code chinook/} found walking up from the current
 *       working directory. Tests run with a module folder as their working directory, and CI clones
 *       the repository into a folder with {@code shared/} beside it, so walking up finds both
 *       {@code <repo>/shared/data} and {@code <clone>/../shared/data}.
 * </ol>
 */
public final class SharedData {
    /** The environment variable that, when set, names the shared data folder directly. */
    public static final String ENV = "ASHLAR_SHARED_DATA";

    private static Path dir;

    private SharedData() {
    }

    /**
     * The shared data folder, as an absolute path.
     *
     * @throws TestSetupException naming every path tried, when no folder is found
     */
    public static synchronized Path dir() {
        if (dir == null) {
            dir = find(System.getenv(ENV), Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A file or folder inside the shared data folder, for example {@code resolve("chinook/Chinook_Sqlite.sqlite")}. */
    public static Path resolve(String relative) {
        return dir().resolve(relative);
    }

    /** The search behind {@link #dir()}, with its inputs passed in so that it can be tested. */
    static Path find(String envValue, Path start) {
        if (envValue != null && !envValue.isBlank()) {
            Path fromEnv = Path.of(envValue).toAbsolutePath().normalize();
            if (isDataDir(fromEnv)) {
                return fromEnv;
            }
            throw new TestSetupException(ENV + "=" + envValue + " but " + fromEnv
                    + " is not a shared data folder (it has no chinook/ folder)");
        }
        List<Path> tried = new ArrayList<>();
        for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data");
            if (isDataDir(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new TestSetupException("cannot find the shared test data folder (shared/data with chinook/ in it); tried "
                + tried + "; set " + ENV + " to its path");
    }

    private static boolean isDataDir(Path candidate) {
        return Files.isDirectory(candidate.resolve("chinook"));
    }
}
