package dev.ashlar.migrate;

import java.util.List;

/**
 * A revision was refused before anything of it ran, because rows already in the database would
 * break it: NULLs for a new NOT NULL, duplicates for a new unique key, values that a narrower type
 * cannot hold, orphans for a new foreign key, rows failing a new check. Each problem gives the count
 * and a few example keys.
 */
public final class PreflightException extends MigrationException {
    private final List<String> problems;

    public PreflightException(String revision, String file, List<String> problems) {
        super("revision " + revision + " (" + file + ") was not applied, because existing rows would break it:\n  - "
                + String.join("\n  - ", problems) + "\nnothing was changed");
        this.problems = List.copyOf(problems);
    }

    /** What the rows break, one entry per step that found something. */
    public List<String> problems() {
        return problems;
    }
}
