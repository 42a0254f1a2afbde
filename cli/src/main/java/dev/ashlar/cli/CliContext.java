package dev.ashlar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command may know about the world it runs in: the environment variables, the working folder,
 * where output goes and whether that is a terminal. Commands read these through the context, never
 * through {@code System.getenv} or {@code System.out} directly, so that tests run them in-process with
 * an environment of their choosing.
 *
 * <p>A command finds its context with {@link #of(CommandSpec)} from its injected
 * {@code @Spec CommandSpec}.
 */
public final class CliContext {
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private ProjectFile project;
    private String connectHint;

    /**
     * @param environment      the environment variables
     * @param workingDirectory the folder relative paths and the project file are looked up from
     * @param out              standard output: results, {@code --json} documents
     * @param err              standard error: errors, warnings, progress
     * @param terminal         whether a person watches the output (stdout is a terminal)
     */
    public CliContext(Map<String, String> environment, Path workingDirectory, PrintStream out, PrintStream err,
                      boolean terminal) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
    }

    /** The context of this process: its environment, folder, {@code System.out}/{@code err} and console. */
    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(""), System.out, System.err, onTerminal());
    }

    /**
     * Whether standard input and output are both a terminal. Up to Java 21, {@code System.console()} is null otherwise;
     * Java 22 to 24 give a console for redirected streams too, and say through {@code Console.isTerminal()} (Java 22).
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null || Runtime.version().feature() < 22) {
            return console != null;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * The context of the command line that {@code spec} belongs to: the one given to
     * {@link AshlarCommand#run(CliContext, String...)}, or this process's for a command run on its own.
     */
    public static CliContext of(CommandSpec spec) {
        return spec.root().userObject() instanceof AshlarCommand root ? root.context() : system();
    }

    /** An environment variable, or {@code null}. */
    public String env(String name) {
        return environment.get(name);
    }

    /** The working folder. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Standard output. */
    public PrintStream out() {
        return out;
    }

    /** Standard error. */
    public PrintStream err() {
        return err;
    }

    /** Whether output goes to a terminal that a person watches: then progress is drawn in place. */
    public boolean terminal() {
        return terminal;
    }

    /**
     * Whether output may be coloured: on a terminal, unless {@code NO_COLOR} is set to anything but
     * the empty string (<a href="https://no-color.org">no-color.org</a>) or {@code TERM} is {@code dumb}.
     */
    public boolean color() {
        String noColor = env("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env("TERM"));
    }

    /** Colours for this context's output: plain text when {@link #color()} is false. */
    public Style style() {
        return new Style(color());
    }

    /** The project file found from the working folder ({@link ProjectFile#none()} if there is none), read once. */
    public ProjectFile project() {
        if (project == null) {
            project = ProjectFile.find(workingDirectory);
        }
        return project;
    }

    /**
     * Progress of a long task with {@code total} steps ({@code 0} when unknown), shown on standard error:
     * redrawn in place on a terminal, one plain line per step otherwise.
     */
    public Progress progress(String task, int total) {
        return new Progress(err, terminal, task, total);
    }

    /** Set when a command opens an engine: what to check if connecting fails (the URL, where it came from). */
    void connectHint(String hint) {
        connectHint = hint;
    }

    /** What to check when connecting failed, or {@code null} if no engine was opened. */
    String connectHint() {
        return connectHint;
    }

    /** {@code path} resolved against the working folder. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path).normalize();
    }
}
