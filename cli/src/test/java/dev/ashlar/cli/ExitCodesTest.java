package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit statuses every command shares: 0 success, 1 error, 2 usage error (3, a check that found a
 * difference, is in {@link ExplainCommandTest}); and bad input says what was wrong and what to do,
 * and changes nothing.
 */
class ExitCodesTest {
    @TempDir
    Path folder;

    @Test
    void versionAndHelpSucceed() {
        CliRun.Result version = cli().in(folder).run("--version");
        assertThat(version.status()).isEqualTo(ExitCodes.OK);
        assertThat(version.out()).startsWith("Ashlar ");
        CliRun.Result help = cli().in(folder).run("--help");
        assertThat(help.status()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("Exit status:").contains("3   a check found a difference")
                .contains("DATABASE_URL").contains("NO_COLOR");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun.Result run = cli().in(folder).run("explain", "--url", "sqlite://", "--no-such-option", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains("--no-such-option").contains("Try 'ashlar explain --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestion() {
        CliRun.Result run = cli().in(folder).run("explian", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("explian").contains("Did you mean: ashlar explain?");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        CliRun.Result run = cli().in(folder).run("explain", "--url", "sqlite://");
        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("SQL");
    }

    @Test
    void noUrlAnywhereIsAUsageErrorThatNamesTheThreeWaysToGiveOne() {
        CliRun.Result run = cli().in(folder).run("explain", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no database URL").contains("--url").contains("DATABASE_URL").contains("ashlar.properties");
    }

    @Test
    void anUnknownSchemeIsAnErrorListingTheKnownOnes() {
        CliRun.Result run = cli().in(folder).run("explain", "--url", "nosuchdb://x", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).startsWith("error: unknown database 'nosuchdb'").contains("sqlite:///items.db").contains("postgresql");
    }

    @Test
    void aBadUrlFromTheEnvironmentSaysWhereItCameFrom() {
        CliRun.Result run = cli().in(folder).env("DATABASE_URL", "nosuchdb://x").run("explain", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("unknown database 'nosuchdb'").contains("came from DATABASE_URL");
    }

    @Test
    void aMissingSqliteFileIsAnErrorAndIsNotCreated() throws Exception {
        Path missing = folder.resolve("typo.db");
        CliRun.Result run = cli().in(folder).run("explain", "--url", "sqlite:///" + missing, "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("no SQLite database at " + missing).contains("check the path");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnreachableServerSaysWhatToCheck() {
        CliRun.Result run = cli().in(folder).run("explain", "--url", "postgresql://postgres@127.0.0.1:1/nothing", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).startsWith("error: could not connect to postgresql://postgres@127.0.0.1:1/nothing")
                .contains("check that the server is running").doesNotContain("\tat ");
        CliRun.Result fromEnv = cli().in(folder).env("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nothing").run("explain", "SELECT 1");
        assertThat(fromEnv.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(fromEnv.err()).contains("The URL came from DATABASE_URL.");
    }

    @Test
    void aSqliteFileInAMissingFolderSaysToCheckTheFolderAndCreatesNothing() throws Exception {
        Path inMissingFolder = folder.resolve("no/such/folder/quick.db");
        CliRun.Result run = cli().in(folder).env("DATABASE_URL", "sqlite:///" + inMissingFolder).run("quickstart");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).startsWith("error: ").contains("The URL came from DATABASE_URL.").contains("Check that the file's folder exists");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aStackTraceOnlyWithAshlarDebug() {
        CliRun.Result run = cli().in(folder).env("ASHLAR_DEBUG", "1").run("explain", "--url", "nosuchdb://x", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("ConfigurationException").contains("\tat ");
    }
}
