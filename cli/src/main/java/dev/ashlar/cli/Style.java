package dev.ashlar.cli;

/**
 * ANSI colours for command output, or none: every method returns its text unchanged when colour is
 * off (no terminal, or {@code NO_COLOR} set), so callers never check.
 */
public final class Style {
    private final boolean on;

    Style(boolean on) {
        this.on = on;
    }

    /** Whether this style colours text. */
    public boolean on() {
        return on;
    }

    /** Bold text, for headings. */
    public String bold(String text) {
        return wrap("1", text);
    }

    /** Red text, for errors and findings that need attention (a full scan). */
    public String red(String text) {
        return wrap("31", text);
    }

    /** Green text, for good news (an index is used). */
    public String green(String text) {
        return wrap("32", text);
    }

    /** Yellow text, for warnings. */
    public String yellow(String text) {
        return wrap("33", text);
    }

    /** Dim text, for details. */
    public String dim(String text) {
        return wrap("2", text);
    }

    private String wrap(String code, String text) {
        return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
