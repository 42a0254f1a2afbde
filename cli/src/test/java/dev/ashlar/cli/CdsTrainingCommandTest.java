package dev.ashlar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The training runs of the {@code ./ashlar} launcher: the quickstart's (its archive is made from it, an AOT cache on Java 24+)
 * completes and leaves no file behind; an unknown training is a usage error, so the launcher builds no archive from it.
 */
class CdsTrainingCommandTest {
    @Test
    void quickstartTrainingCompletesAndRemovesItsDatabase() throws IOException {
        List<Path> before = trainingFolders();
        CliRun.Result training = CliRun.cli().run("cds-training", "quickstart");
        assertThat(training.status()).as(training.err()).isEqualTo(ExitCodes.OK);
        assertThat(trainingFolders()).isEqualTo(before);
    }

    @Test
    void unknownTrainingIsAUsageError() {
        CliRun.Result training = CliRun.cli().run("cds-training", "nope");
        assertThat(training.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(training.err()).contains("no training for nope");
    }

    private static List<Path> trainingFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ashlar-training")).sorted().collect(Collectors.toList());
        }
    }
}
