package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AshlarCommand#main} in a process of its own, as the launcher runs it: the logging provider it names for
 * start-up time (SLF4J would otherwise search the class path) logs the statements, and SLF4J's own report of the
 * named provider does not reach standard error.
 */
class MainProcessTest {
    @TempDir
    Path folder;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome main(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AshlarCommand.class.getName());
        command.addAll(List.of(args));
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the process ends").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theQuickstartLogsItsStatementsAndNothingOfSlf4jItself() throws Exception {
        Outcome run = main(List.of(), "quickstart", "--url", "sqlite:///" + folder.resolve("items.db"));

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("INFO ashlar.engine - CREATE TABLE items");
        assertThat(run.err()).doesNotContain("SLF4J");
        assertThat(run.out()).doesNotContain("SLF4J");
    }

    @Test
    void aProviderTheUserNamesIsKept() throws Exception {
        // slf4j-api's own no-operation provider: the statements are then not logged at all
        Outcome run = main(List.of("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider"),
                "quickstart", "--url", "sqlite:///" + folder.resolve("items.db"));

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("== 2. Add items").doesNotContain("ashlar.engine");
    }
}
