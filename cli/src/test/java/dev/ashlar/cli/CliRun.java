package dev.ashlar.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process through picocli, with an environment, working folder and terminal
 * flag chosen by the test, and captures what it printed and its exit status.
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = AshlarCommand.run(new CliContext(environment, workingDirectory, outStream, errStream, terminal), args);
        outStream.flush();
        errStream.flush();
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
