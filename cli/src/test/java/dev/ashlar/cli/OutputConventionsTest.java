package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour only on a terminal and never with {@code NO_COLOR}; progress redrawn on a terminal, plain lines elsewhere. */
class OutputConventionsTest {
    private static final String ESC = "\u001b[";

    @TempDir
    Path folder;
    String url;

    @BeforeEach
    void database() throws Exception {
        Path file = folder.resolve("items.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
        }
        url = "sqlite:///" + file;
    }

    @Test
    void aTerminalGetsColour() {
        CliRun.Result run = cli().terminal(true).run("explain", "--url", url, "SELECT * FROM items");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains(ESC + "31mfull scan of items" + ESC + "0m");
    }

    @Test
    void noColourWhenNoColorIsSet() {
        CliRun.Result run = cli().terminal(true).env("NO_COLOR", "1").run("explain", "--url", url, "SELECT * FROM items");
        assertThat(run.out()).contains("verdict: full scan of items").doesNotContain(ESC);
        CliRun.Result help = cli().terminal(true).env("NO_COLOR", "1").run("explain", "--help");
        assertThat(help.out()).contains("--fail-on-full-scan").doesNotContain(ESC);
        CliRun.Result error = cli().terminal(true).env("NO_COLOR", "1").run("explain", "--url", "nosuchdb://x", "SELECT 1");
        assertThat(error.err()).startsWith("error: ").doesNotContain(ESC);
    }

    @Test
    void anEmptyNoColorDoesNotTurnColourOff() {
        // no-color.org: "when present and not an empty string".
        CliRun.Result run = cli().terminal(true).env("NO_COLOR", "").run("explain", "--url", url, "SELECT * FROM items");
        assertThat(run.out()).contains(ESC);
    }

    @Test
    void noColourWhenOutputIsNotATerminalOrTheTerminalIsDumb() {
        assertThat(cli().terminal(false).run("explain", "--url", url, "SELECT * FROM items").out()).doesNotContain(ESC);
        assertThat(cli().terminal(true).env("TERM", "dumb").run("explain", "--url", url, "SELECT * FROM items").out()).doesNotContain(ESC);
        assertThat(cli().terminal(false).run("explain", "--url", "nosuchdb://x", "SELECT 1").err()).doesNotContain(ESC);
    }

    @Test
    void progressIsRedrawnInPlaceOnATerminalAndErasedAtTheEnd() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = context(err, true);
        try (Progress progress = context.progress("reading tables", 2)) {
            progress.step("albums");
            progress.step("artists");
            assertThat(progress.done()).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r" + ESC + "Kreading tables [1/2] albums\r" + ESC + "Kreading tables [2/2] artists\r" + ESC + "K");
    }

    @Test
    void progressIsPlainLinesElsewhere() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = context(err, false);
        try (Progress progress = context.progress("generating models", 0)) {
            progress.step("Album.java");
            progress.step("Artist.java");
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("generating models [1] Album.java", "generating models [2] Artist.java");
    }

    private CliContext context(ByteArrayOutputStream err, boolean terminal) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CliContext(Map.of(), folder, new PrintStream(new ByteArrayOutputStream()), errStream, terminal);
    }
}
