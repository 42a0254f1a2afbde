package dev.ashlar.cli;

/**
 * The exit statuses of every {@code ashlar} command, the same for all of them so that scripts and CI
 * can rely on them (the README lists them).
 */
public final class ExitCodes {
    /** The command did what was asked; a check found nothing to report. */
    public static final int OK = 0;
    /** The command failed: bad configuration, an unreachable database, an SQL error. Nothing was changed. */
    public static final int ERROR = 1;
    /** The command line was wrong: an unknown option, a missing argument, no database URL anywhere. */
    public static final int USAGE = 2;
    /**
     * A check found a difference: {@code explain --fail-on-full-scan} saw a full scan, {@code diff}
     * saw a schema difference, {@code erd --check} a stale diagram, {@code check} a migration problem
     * or (with the models known) a difference between the models and the database.
     */
    public static final int DIFFERENCE = 3;

    private ExitCodes() {
    }
}
