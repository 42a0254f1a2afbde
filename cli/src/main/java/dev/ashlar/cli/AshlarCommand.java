package dev.ashlar.cli;

import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.dialect.sqlite.SqliteDialect;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.ConnectionException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.simple.SimpleServiceProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;

/**
 * The {@code ashlar} command line. Every command shares its conventions: the exit statuses of
 * {@link ExitCodes}, {@code --url} with {@code DATABASE_URL} and {@code ashlar.properties} behind it
 * ({@link DatabaseOptions}), {@code --json} through {@link Json}, colour only on a terminal and never with
 * {@code NO_COLOR} ({@link CliContext#style()}), progress on standard error ({@link CliContext#progress}),
 * and errors as one line, {@code error: what was wrong; what to do}, with nothing changed.
 */
@Command(name = "ashlar", mixinStandardHelpOptions = true, version = AshlarCommand.VERSION,
        description = "Data models and SQL for Java.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success; a check found nothing",
            "1:error (bad URL, unreachable database, SQL error); nothing was changed",
            "2:usage error (unknown option, missing argument, no database URL)",
            "3:a check found a difference (e.g. explain --fail-on-full-scan saw a full scan, check found a migration problem or a difference from the models)"},
        footerHeading = "%nEnvironment and files:%n",
        footer = {"  DATABASE_URL       the database URL when --url is absent",
            "  ashlar.properties  in this folder or a parent: url, models, migrations, classpath",
            "  NO_COLOR           when set, output is never coloured",
            "  ASHLAR_DEBUG       when set, errors print their stack trace"})
public final class AshlarCommand implements Runnable {
    /** What {@code --version} prints. */
    static final String VERSION = "Ashlar 0.1.0";

    /**
     * The subcommands, in the order {@code --help} lists them. Registered by {@link #commandLine(CliContext, String...)}
     * rather than in {@code @Command(subcommands = ...)}: picocli builds the model of every registered command by
     * reflection, which was the largest part of a command's start-up, so a run that names its command builds only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(QuickstartCommand.class, ExplainCommand.class, InspectCommand.class,
            DiffCommand.class, ErdCommand.class, CodegenCommand.class, MigrationCommands.Upgrade.class, MigrationCommands.Downgrade.class,
            MigrationCommands.Current.class, MigrationCommands.History.class, MigrationCommands.Heads.class,
            MigrationCommands.Stamp.class, MigrationCommands.Repair.class, MigrationCommands.Check.class,
            MigrationCommands.RevisionCommand.class, CdsTrainingCommand.class, CommandLine.HelpCommand.class);

    private final CliContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A command line in this process's context. */
    public AshlarCommand() {
        this(CliContext.system());
    }

    /** A command line in {@code context}. */
    public AshlarCommand(CliContext context) {
        this.context = context;
    }

    /** The context the commands run in. */
    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        // The command line logs through slf4j-simple. Named, SLF4J's first logger (sqlite-jdbc's) does not search
        // the class path for a provider with a ServiceLoader, which opens every jar on it: about 0.05 s of a
        // quickstart on Java 17. A provider that the user names with -Dslf4j.provider is kept. SLF4J reports a named
        // provider on standard error at its INFO level, so its own messages are cut to warnings when we name it.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", SimpleServiceProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        System.exit(run(args));
    }

    /** Runs the command line in this process's context and returns its exit status. */
    public static int run(String... args) {
        return run(CliContext.system(), args);
    }

    /**
     * Runs the command line in {@code context} and returns its exit status; tests use this. The hot commands with
     * trivial arguments run without picocli ({@link FastPath}), the same as through it.
     */
    public static int run(CliContext context, String... args) {
        // SQLite is the command line's default database: registered, a SQLite URL needs no search of the class path
        // for dialects, which opens every jar on it (a tenth of a quickstart's start-up on Java 17).
        Dialects.register(new SqliteDialect.Provider());
        Integer status = FastPath.run(context, args);
        return status != null ? status : runWithPicocli(context, args);
    }

    /** Runs the command line in {@code context} through picocli, whatever the arguments. */
    static int runWithPicocli(CliContext context, String... args) {
        return commandLine(context, args).execute(args);
    }

    /** The configured command line (output streams, colours, error handling) for {@code context}, with every subcommand. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, new String[0]);
    }

    /**
     * The configured command line for {@code context}, with the subcommands that {@code args} need: only the one
     * they name first (its help included), none for {@code --version} alone, and every one otherwise (the overall
     * help, {@code help COMMAND}, and the suggestions after an unknown command list them all).
     */
    public static CommandLine commandLine(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new AshlarCommand(context));
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        Class<?> named = args.length == 0 ? null : subcommand(args[0]);
        if (!versionOnly) {
            for (Class<?> type : named != null && named != CommandLine.HelpCommand.class ? List.<Class<?>>of(named) : SUBCOMMANDS) {
                cli.addSubcommand(type);
            }
        }
        cli.setOut(writer(context.out()));
        cli.setErr(writer(context.err()));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(context.color() ? Ansi.ON : Ansi.OFF));
        cli.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
        cli.setParameterExceptionHandler((e, rejected) -> usageError(context, e));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> error(context, e));
        return cli;
    }

    /** The subcommand class named {@code name} (or one of its aliases), or {@code null}; reads only the {@code @Command} annotations. */
    static Class<?> subcommand(String name) {
        for (Class<?> type : SUBCOMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (command.name().equals(name) || List.of(command.aliases()).contains(name)) {
                return type;
            }
        }
        return null;
    }

    private static int usageError(CliContext context, CommandLine.ParameterException e) {
        PrintStream err = context.err();
        err.println(context.style().red("error:") + " " + e.getMessage());
        PrintWriter suggestions = writer(err);
        CommandLine.UnmatchedArgumentException.printSuggestions(e, suggestions);
        suggestions.flush();
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
        return ExitCodes.USAGE;
    }

    /** Reports {@code e}, which a command threw, on standard error as one line (its trace with {@code ASHLAR_DEBUG}). */
    static int error(CliContext context, Exception e) {
        PrintStream err = context.err();
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (!(e instanceof AshlarException)) {
            // Not one of Ashlar's typed errors, whose messages are written for people: name the kind too.
            message = e.getClass().getSimpleName() + ": " + message;
        }
        err.println(context.style().red("error:") + " " + message);
        if (e instanceof ConnectionException && context.connectHint() != null) {
            err.println(context.connectHint());
        }
        if (context.env("ASHLAR_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.ERROR;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
