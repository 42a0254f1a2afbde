package dev.ashlar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ashlar} command line: {@code ashlar quickstart}, {@code ashlar explain}. */
@Command(name = "ashlar", mixinStandardHelpOptions = true, version = "Ashlar 0.1.0",
        description = "Data models and SQL for Java.",
        subcommands = {QuickstartCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class})
public final class AshlarCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status, for tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new AshlarCommand());
        // Ashlar's errors carry messages written for people: print them, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }
}
