package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --version} and {@code quickstart [--url URL]} run without picocli ({@link FastPath}) print the same, on
 * standard output and standard error, and exit with the same status as through picocli, in every environment that
 * changes what they do; every other argument list is left to picocli.
 */
class FastPathTest {
    @TempDir
    Path folder;

    /** Runs {@code args} on the fast path, through picocli and as {@code main} does, in that order, and returns what all three gave. */
    private static CliRun.Result sameOnBothPaths(CliRun run, String... args) {
        CliRun.Result fast = run.runFastPath(args);
        assertThat(fast).as("the fast path takes %s", String.join(" ", args)).isNotNull();
        CliRun.Result picocli = run.runWithPicocli(args);
        assertThat(fast).isEqualTo(picocli);
        assertThat(run.run(args)).as("a run as main does it").isEqualTo(fast);
        return fast;
    }

    private String sqlite(String name) {
        return "sqlite:///" + folder.resolve(name);
    }

    @Test
    void version() {
        for (String option : new String[] {"--version", "-V"}) {
            CliRun.Result result = sameOnBothPaths(cli(), option);
            assertThat(result.status()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).isEqualTo("Ashlar 0.1.0" + System.lineSeparator());
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void aFirstRunCreatesTheTableOnEitherPath() {
        // Separate databases, so the creation times the items print differ: compared without them.
        CliRun.Result fast = cli().env("DATABASE_URL", sqlite("fast.db")).runFastPath("quickstart");
        CliRun.Result picocli = cli().env("DATABASE_URL", sqlite("picocli.db")).runWithPicocli("quickstart");
        assertThat(fast.status()).isEqualTo(picocli.status()).isEqualTo(ExitCodes.OK);
        assertThat(withoutTimes(fast.out())).isEqualTo(withoutTimes(picocli.out())).contains("== 1. Create the table");
        assertThat(fast.err()).isEqualTo(picocli.err()).isEmpty();
    }

    private static String withoutTimes(String out) {
        return out.replaceAll("\\(added [^)]*\\)", "(added ...)");
    }

    @Test
    void theUrlComesFromTheOptionThenDatabaseUrlThenTheProjectFile() throws Exception {
        CliRun fromEnvironment = cli().env("DATABASE_URL", sqlite("env.db"));
        fromEnvironment.run("quickstart"); // the first run creates the table; the ones compared are second runs
        CliRun.Result result = sameOnBothPaths(fromEnvironment, "quickstart");
        assertThat(result.status()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("== 3. Items cheaper than 20.00", "#1 Widget", "uses ix_items_name");

        CliRun optionWins = cli().env("DATABASE_URL", "nosuchdb://ignored");
        optionWins.run("quickstart", "--url", sqlite("option.db"));
        assertThat(sameOnBothPaths(optionWins, "quickstart", "--url", sqlite("option.db")).status()).isEqualTo(ExitCodes.OK);
        assertThat(sameOnBothPaths(optionWins, "quickstart", "--url=" + sqlite("option.db")).out()).contains("#1 Widget");

        Files.writeString(folder.resolve(ProjectFile.NAME), "url = " + sqlite("project.db") + "\n");
        CliRun inProject = cli().in(Files.createDirectories(folder.resolve("src/deep")));
        inProject.run("quickstart");
        assertThat(sameOnBothPaths(inProject, "quickstart").out()).contains("#1 Widget");
    }

    @Test
    void errorsAreReportedAlike() throws Exception {
        CliRun.Result badOption = sameOnBothPaths(cli(), "quickstart", "--url", "nosuchdb://x");
        assertThat(badOption.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(badOption.err()).startsWith("error: ").contains("nosuchdb");

        CliRun.Result badEnvironment = sameOnBothPaths(cli().env("DATABASE_URL", "nosuchdb://x"), "quickstart");
        assertThat(badEnvironment.err()).contains("the URL came from DATABASE_URL");

        CliRun.Result unreachable = sameOnBothPaths(cli().env("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"), "quickstart");
        assertThat(unreachable.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(unreachable.err()).contains("The URL came from DATABASE_URL.");

        CliRun.Result noFolder = sameOnBothPaths(cli(), "quickstart", "--url", sqlite("missing/folder/items.db"));
        assertThat(noFolder.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(noFolder.err()).contains("Check that the file's folder exists");

        Files.writeString(folder.resolve(ProjectFile.NAME), "uri = " + sqlite("typo.db") + "\n");
        CliRun.Result badProjectFile = sameOnBothPaths(cli().in(folder), "quickstart");
        assertThat(badProjectFile.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(badProjectFile.err()).contains("unknown key(s) [uri]");

        CliRun.Result coloured = sameOnBothPaths(cli().terminal(true), "quickstart", "--url", "nosuchdb://x");
        assertThat(coloured.err()).startsWith("\u001b[31merror:");
        CliRun.Result noColor = sameOnBothPaths(cli().terminal(true).env("NO_COLOR", "1"), "quickstart", "--url", "nosuchdb://x");
        assertThat(noColor.err()).startsWith("error: ");
    }

    @Test
    void aDebugRunPrintsTheTraceOnEitherPath() {
        // The traces differ in their frames (picocli's or not), so the message and the status are compared.
        CliRun debug = cli().env("ASHLAR_DEBUG", "1");
        CliRun.Result fast = debug.runFastPath("quickstart", "--url", "nosuchdb://x");
        CliRun.Result picocli = debug.runWithPicocli("quickstart", "--url", "nosuchdb://x");
        assertThat(fast.status()).isEqualTo(picocli.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(fast.err().lines().limit(2)).containsExactlyElementsOf(picocli.err().lines().limit(2).toList());
        assertThat(fast.err()).contains("\tat dev.ashlar.");
    }

    @Test
    void theQuickstartTrainingRunsOnEitherPath() {
        assertThat(sameOnBothPaths(cli(), "cds-training", "quickstart")).isEqualTo(new CliRun.Result(ExitCodes.OK, "", ""));
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        String[][] declined = {
            {}, {"--help"}, {"-h"}, {"help"}, {"help", "quickstart"}, {"--version", "--help"}, {"-V", "quickstart"},
            {"quickstart", "--help"}, {"quickstart", "-h"}, {"quickstart", "-V"}, {"quickstart", "--version"},
            {"quickstart", "--url"}, {"quickstart", "--url="}, {"quickstart", "--url", ""}, {"quickstart", "--url", "-x"},
            {"quickstart", "--url", "@args.txt"}, {"quickstart", "--url=@args.txt"},
            {"quickstart", "--url", "sqlite://", "--url", "sqlite://"}, {"quickstart", "extra"}, {"quickstart", "--uri", "x"},
            {"quickstart", "--", "--url", "sqlite://"}, {"Quickstart"}, {"@args.txt"}, {"explain", "SELECT 1"}, {"quickstart2"},
            {"cds-training"}, {"cds-training", "quickstart", "--help"}, {"cds-training", "explain"},
        };
        for (String[] args : declined) {
            assertThat(cli().runFastPath(args)).as("%s", String.join(" ", args)).isNull();
        }
    }

    @Test
    void picocliTraceGoesToPicocli() {
        System.setProperty("picocli.trace", "DEBUG");
        try {
            assertThat(cli().runFastPath("--version")).isNull();
        } finally {
            System.clearProperty("picocli.trace");
        }
    }
}
