package dev.ashlar.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Runs the command line in-process as {@code main} does (the hot commands without picocli, see {@link FastPath}), or
 * through picocli alone, with an environment, working folder and terminal flag chosen by the test, and captures what it
 * printed and its exit status.
 */
final class CliRun {
    private final Map<String, String> environment = new HashMap<>();
    private Path workingDirectory = Path.of("");
    private boolean terminal;

    /** The outcome of one run. */
    record Result(int status, String out, String err) {
    }

    static CliRun cli() {
        return new CliRun();
    }

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRun in(Path folder) {
        workingDirectory = folder;
        return this;
    }

    CliRun terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(String... args) {
        return capture(context -> AshlarCommand.run(context, args));
    }

    /** A run through picocli, even for the arguments that {@link FastPath} takes. */
    Result runWithPicocli(String... args) {
        return capture(context -> AshlarCommand.runWithPicocli(context, args));
    }

    /** A run through {@link FastPath} only: {@code null} when it declines the arguments (having printed nothing). */
    Result runFastPath(String... args) {
        Integer[] status = new Integer[1];
        Result result = capture(context -> {
            status[0] = FastPath.run(context, args);
            return status[0] == null ? -1 : status[0];
        });
        if (status[0] == null) {
            if (!result.out().isEmpty() || !result.err().isEmpty()) {
                throw new AssertionError("the fast path declined " + String.join(" ", args) + " but printed " + result);
            }
            return null;
        }
        return result;
    }

    private Result capture(ToIntFunction<CliContext> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = command.applyAsInt(new CliContext(environment, workingDirectory, outStream, errStream, terminal));
        outStream.flush();
        errStream.flush();
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
