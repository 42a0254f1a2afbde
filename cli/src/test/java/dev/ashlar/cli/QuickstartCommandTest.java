package dev.ashlar.cli;

import static dev.ashlar.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ashlar quickstart} takes its database from {@code DATABASE_URL}, and can run twice. */
class QuickstartCommandTest {
    @TempDir
    Path folder;

    @Test
    void runsTwiceOnTheDatabaseInDatabaseUrl() throws Exception {
        Path file = folder.resolve("quick.db");
        for (int run = 0; run < 2; run++) {
            CliRun.Result result = cli().in(folder).env("DATABASE_URL", "sqlite:///" + file).run("quickstart");
            assertThat(result.status()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("== 3. Items cheaper than 20.00").contains("uses ix_items_name");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }
}
