package dev.ashlar.cli;

/**
 * The hot commands whose arguments are trivial, run without picocli: {@code --version} (or {@code -V}) alone,
 * {@code quickstart} with at most its {@code --url URL} (or {@code --url=URL}), and the launcher's training run for the
 * quickstart's AOT cache, {@code cds-training quickstart}, so that the cache holds what a quickstart loads and no more. Building picocli's model of a command
 * (its annotations read through proxies, the type converters it registers for every command line, some by reflection)
 * was the largest part of these commands' start-up, more than the work of {@code --version}.
 *
 * <p>Everything else, including any argument this class does not read exactly as picocli would, is declined
 * ({@link #run} returns {@code null}) and goes to picocli: help, unknown or repeated options, a value that looks like an
 * option or an {@code @file}, picocli's trace. What a run prints and its exit status are the same on both paths, which
 * {@code FastPathTest} checks.
 */
final class FastPath {
    private FastPath() {
    }

    /** The exit status of the command {@code args} name, run in {@code context}; {@code null} when picocli must run it. */
    static Integer run(CliContext context, String... args) {
        if (System.getProperty("picocli.trace") != null) {
            return null; // picocli would trace its parsing to standard error
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            context.out().println(AshlarCommand.VERSION);
            return ExitCodes.OK;
        }
        if (args.length == 2 && args[0].equals("cds-training") && args[1].equals("quickstart")) {
            try {
                return CdsTrainingCommand.quickstartTraining();
            } catch (Exception e) {
                return AshlarCommand.error(context, e);
            }
        }
        if (args.length >= 1 && args[0].equals("quickstart")) {
            String url = null;
            if (args.length == 2 && args[1].startsWith("--url=")) {
                url = args[1].substring("--url=".length());
            } else if (args.length == 3 && args[1].equals("--url")) {
                url = args[2];
            } else if (args.length != 1) {
                return null;
            }
            if (url != null && (url.isEmpty() || url.startsWith("-") || url.startsWith("@"))) {
                return null; // picocli's own reading of these (an option for a value, an argument file) decides
            }
            try {
                return QuickstartCommand.run(context, url);
            } catch (Exception e) {
                return AshlarCommand.error(context, e);
            }
        }
        return null;
    }
}
