package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds the picocli model of the command it names only (building all of them by reflection was
 * most of a command's start-up), and every path that shows other commands still sees them all.
 */
class SubcommandRegistrationTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private static final CliContext CONTEXT = new CliContext(Map.of(), Path.of(""), NOWHERE, NOWHERE, false);

    private static List<String> registered(String... args) {
        return List.copyOf(AshlarCommand.commandLine(CONTEXT, args).getSubcommands().keySet());
    }

    private static List<String> allNames() {
        return AshlarCommand.SUBCOMMANDS.stream().map(type -> type.getAnnotation(CommandLine.Command.class).name()).toList();
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(registered("quickstart", "--url", "sqlite://")).containsExactly("quickstart");
        assertThat(registered("upgrade", "--help")).containsExactly("upgrade");
        assertThat(registered("--version")).isEmpty();
    }

    @Test
    void helpAndUnknownCommandsSeeEveryCommand() {
        assertThat(allNames()).doesNotHaveDuplicates().contains("quickstart", "explain", "upgrade", "help");
        assertThat(registered()).containsExactlyElementsOf(allNames());
        assertThat(registered("--help")).containsExactlyElementsOf(allNames());
        assertThat(registered("help", "explain")).containsExactlyElementsOf(allNames());
        assertThat(registered("explian")).containsExactlyElementsOf(allNames());
    }

    @Test
    void theOutputIsTheSameAsWithEveryCommandRegistered() {
        CliRun.Result help = cli().run("--help");
        assertThat(help.status()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("quickstart", "explain", "upgrade", "downgrade", "check").doesNotContain("cds-training");
        CliRun.Result commandHelp = cli().run("help", "explain");
        assertThat(commandHelp.out()).contains("--fail-on-full-scan");
        CliRun.Result typo = cli().run("explian");
        assertThat(typo.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("explain");
        assertThat(cli().run("--version").out()).contains("Ashlar 0.1.0");
    }
}
