package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.error.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ashlar.properties}: found upwards from the working folder, and below {@code --url} and {@code DATABASE_URL}. */
class ProjectFileTest {
    @TempDir
    Path project;

    @Test
    void isFoundInTheNearestParentAndResolvesItsClasspathAgainstItsFolder() throws Exception {
        Files.writeString(project.resolve(ProjectFile.NAME), """
                url = sqlite:///app.db
                models = com.example.model
                classpath = target/classes:lib/a.jar, lib/b.jar
                """);
        Path nested = Files.createDirectories(project.resolve("a/b/c"));
        ProjectFile file = ProjectFile.find(nested);
        assertThat(file.file()).contains(project.resolve(ProjectFile.NAME).toAbsolutePath());
        assertThat(file.url()).contains("sqlite:///app.db");
        assertThat(file.models()).contains("com.example.model");
        assertThat(file.classpath()).containsExactly(project.resolve("target/classes").toAbsolutePath(),
                project.resolve("lib/a.jar").toAbsolutePath(), project.resolve("lib/b.jar").toAbsolutePath());
    }

    @Test
    void noFileMeansNoValues() throws Exception {
        Path empty = Files.createDirectories(project.resolve("empty"));
        ProjectFile file = ProjectFile.find(empty); // nothing here, nor above the temporary folder
        assertThat(file.file()).isEmpty();
        assertThat(file.url()).isEmpty();
        assertThat(file.models()).isEmpty();
        assertThat(file.classpath()).isEmpty();
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKnownOnes() throws Exception {
        Files.writeString(project.resolve(ProjectFile.NAME), "url = sqlite://\nmodel = com.example\n");
        assertThatThrownBy(() -> ProjectFile.find(project)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[model]").hasMessageContaining("[classpath, migrations, models, url]");
        CliRun.Result run = cli().in(project).run("explain", "SELECT 1");
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("unknown key(s) [model]");
    }

    @Test
    void optionThenEnvironmentThenFile() throws Exception {
        String fromFile = "sqlite:///" + sqliteWithTable("from_file");
        String fromEnv = "sqlite:///" + sqliteWithTable("from_env");
        String fromOption = "sqlite:///" + sqliteWithTable("from_option");
        Files.writeString(project.resolve(ProjectFile.NAME), "url = " + fromFile + "\n");

        assertThat(cli().in(project).run("explain", "SELECT * FROM from_file").out()).contains("verdict: full scan of from_file");
        assertThat(cli().in(project).env("DATABASE_URL", fromEnv).run("explain", "SELECT * FROM from_env").out())
                .contains("verdict: full scan of from_env");
        assertThat(cli().in(project).env("DATABASE_URL", fromEnv).run("explain", "--url", fromOption, "SELECT * FROM from_option").out())
                .contains("verdict: full scan of from_option");
        // The losers were not used: their tables are unknown to the database that was.
        CliRun.Result wrong = cli().in(project).env("DATABASE_URL", fromEnv).run("explain", "SELECT * FROM from_file");
        assertThat(wrong.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(wrong.err()).contains("from_file");
    }

    /** A SQLite file holding one table named {@code name}, so that a plan tells which file was used. */
    private Path sqliteWithTable(String name) throws Exception {
        Path file = project.resolve(name + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (id INTEGER)");
        }
        return file;
    }
}
