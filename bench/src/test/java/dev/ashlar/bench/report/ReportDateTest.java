package dev.ashlar.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's date is the day its results were written, not the day the report was written again (which happens
 * whenever bench/NOTES.md changes): a committed result file gives its commit's date, whatever its file time, and a
 * file not committed as it is (just written by bench/run) its file time.
 */
class ReportDateTest {
    private static final Instant LONG_AGO = Instant.parse("2001-02-03T12:00:00Z");

    @Test
    void aResultOutsideGitIsDatedByItsFileTime(@TempDir Path dir) throws IOException {
        Path json = Files.writeString(dir.resolve("full.json"), "[]");
        Files.setLastModifiedTime(json, FileTime.from(LONG_AGO));
        assertThat(Report.runDate(json)).isEqualTo(LocalDate.of(2001, 2, 3));
    }

    @Test
    void aCommittedResultIsDatedByItsCommitAndAChangedOneByItsFileTime(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("full.json"), "[]");
        git(dir, "init", "-q");
        git(dir, "add", "full.json");
        git(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "a full run");
        Files.setLastModifiedTime(json, FileTime.from(LONG_AGO));
        assertThat(Report.runDate(json)).as("the commit's date").isEqualTo(LocalDate.of(2026, 11, 30));

        Files.writeString(json, "[ ]"); // a new run, not committed yet
        Files.setLastModifiedTime(json, FileTime.from(LONG_AGO));
        assertThat(Report.runDate(json)).as("the file's time").isEqualTo(LocalDate.of(2001, 2, 3));
    }

    private static void git(Path dir, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of("git")));
        builder.command().addAll(List.of(args));
        builder.directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("GIT_COMMITTER_DATE", "2026-11-30T10:00:00Z", "GIT_AUTHOR_DATE", "2026-11-30T10:00:00Z"));
        Process git = builder.start();
        String out = new String(git.getInputStream().readAllBytes());
        assertThat(git.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
    }
}
