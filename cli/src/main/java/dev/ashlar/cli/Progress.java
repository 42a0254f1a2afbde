package dev.ashlar.cli;

import java.io.PrintStream;

/**
 * Progress of a long task on standard error. On a terminal one line is redrawn in place
 * ({@code reading tables [3/11] albums}) and erased at the end; elsewhere (a pipe, a CI log) each step
 * is one plain line, so logs stay readable. Standard output is never touched, so {@code --json} and
 * other results stay clean.
 *
 * <pre>{@code
 * try (Progress progress = context.progress("reading tables", names.size())) {
 *     for (String name : names) {
 *         progress.step(name);
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {
    private final PrintStream err;
    private final boolean inPlace;
    private final String task;
    private final int total;
    private int done;
    private boolean drawn;

    Progress(PrintStream err, boolean inPlace, String task, int total) {
        this.err = err;
        this.inPlace = inPlace;
        this.task = task;
        this.total = total;
    }

    /** Starts the next step, named {@code item} (a table name, a file name). */
    public void step(String item) {
        done++;
        String line = task + " [" + done + (total > 0 ? "/" + total : "") + "] " + item;
        if (inPlace) {
            // \r then "erase to end of line": the next step overwrites this one.
            err.print("\r\u001b[K" + line);
            err.flush();
            drawn = true;
        } else {
            err.println(line);
        }
    }

    /**
     * Shows that step {@code index} of {@code total} is under way, named {@code item}: on a terminal a
     * bar redrawn in place ({@code upgrade [#####-----] 3/6 add column items.sku}), elsewhere one plain
     * line ({@code upgrade [3/6] add column items.sku}).
     */
    public void at(int index, int total, String item) {
        done = index;
        if (inPlace) {
            int width = 20;
            int filled = total <= 0 ? 0 : Math.min(width, width * Math.max(0, index - 1) / total);
            String bar = "#".repeat(filled) + "-".repeat(width - filled);
            err.print("\r\u001b[K" + task + " [" + bar + "] " + index + "/" + total + " " + item);
            err.flush();
            drawn = true;
        } else {
            err.println(task + " [" + index + "/" + total + "] " + item);
        }
    }

    /** Prints {@code text} as a line of its own, above the progress line on a terminal (which the next step redraws). */
    public void line(String text) {
        if (drawn) {
            err.print("\r\u001b[K");
            drawn = false;
        }
        err.println(text);
        err.flush();
    }

    /** How many steps have started. */
    public int done() {
        return done;
    }

    /** Erases the progress line on a terminal; prints nothing otherwise. */
    @Override
    public void close() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
