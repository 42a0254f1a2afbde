package dev.ashlar.testkit;

import static dev.ashlar.testkit.SqlScript.Dialect.MYSQL;
import static dev.ashlar.testkit.SqlScript.Dialect.MYSQL_NO_BACKSLASH_ESCAPES;
import static dev.ashlar.testkit.SqlScript.Dialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsAndDropsEmptyStatements() {
        assertThat(SqlScript.split("SELECT 1; ;\n SELECT 2;;\nSELECT 3", POSTGRESQL))
                .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void semicolonsAndDoubledQuotesInsideStringsDoNotSplit() {
        String sql = "INSERT INTO genre VALUES (1, 'Rock; Roll'); INSERT INTO artist VALUES (2, 'Guns N'' Roses;');";
        assertThat(SqlScript.split(sql, POSTGRESQL)).containsExactly(
                "INSERT INTO genre VALUES (1, 'Rock; Roll')",
                "INSERT INTO artist VALUES (2, 'Guns N'' Roses;')");
        assertThat(SqlScript.split(sql, MYSQL)).hasSize(2);
    }

    @Test
    void mysqlBackslashEscapedQuoteStaysInsideTheString() {
        String sql = "INSERT INTO t VALUES ('it\\'s; fine', 'a\\\\'); SELECT 2";
        assertThat(SqlScript.split(sql, MYSQL)).containsExactly("INSERT INTO t VALUES ('it\\'s; fine', 'a\\\\')", "SELECT 2");
    }

    @Test
    void withoutBackslashEscapesABackslashIsOrdinary() {
        // 'C:\' is a complete string when backslashes do not escape
        assertThat(SqlScript.split("SELECT 'C:\\'; SELECT 2", MYSQL_NO_BACKSLASH_ESCAPES))
                .containsExactly("SELECT 'C:\\'", "SELECT 2");
        assertThat(SqlScript.split("SELECT 'C:\\'; SELECT 2", POSTGRESQL))
                .containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void postgresEscapeStringsHonourBackslashes() {
        assertThat(SqlScript.split("SELECT E'it\\'s; x'; SELECT 2", POSTGRESQL))
                .containsExactly("SELECT E'it\\'s; x'", "SELECT 2");
    }

    @Test
    void commentsNeitherSplitNorFormStatements() {
        String sql = """
                /* header; with a semicolon */
                -- a line comment; also
                SELECT 1 -- trailing; comment
                  , 2;
                /* only a comment */;
                SELECT /* inline; */ 3;
                -- the end
                """;
        assertThat(SqlScript.split(sql, POSTGRESQL)).containsExactly(
                "SELECT 1 -- trailing; comment\n  , 2",
                "SELECT /* inline; */ 3");
    }

    @Test
    void postgresBlockCommentsNest() {
        assertThat(SqlScript.split("/* outer /* inner; */ still; comment */ SELECT 1;", POSTGRESQL))
                .containsExactly("SELECT 1");
    }

    @Test
    void mysqlHashCommentsAndDoubleDashNeedingSpace() {
        assertThat(SqlScript.split("# note; here\nSELECT 1--1;\nSELECT 2 -- c;\n;", MYSQL))
                .containsExactly("SELECT 1--1", "SELECT 2 -- c;");
    }

    @Test
    void quotedIdentifiersMayHoldSemicolons() {
        assertThat(SqlScript.split("CREATE TABLE \"a;\"\"b\" (x INT); SELECT 1", POSTGRESQL))
                .containsExactly("CREATE TABLE \"a;\"\"b\" (x INT)", "SELECT 1");
        assertThat(SqlScript.split("CREATE TABLE `a;``b` (x INT); SELECT \"q;\\\"\"", MYSQL))
                .containsExactly("CREATE TABLE `a;``b` (x INT)", "SELECT \"q;\\\"\"");
    }

    @Test
    void postgresDollarQuotingKeepsFunctionBodiesWhole() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;"
                + " DO $$ BEGIN PERFORM 1; END $$; SELECT $1";
        assertThat(SqlScript.split(sql, POSTGRESQL)).containsExactly(
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
                "DO $$ BEGIN PERFORM 1; END $$",
                "SELECT $1");
    }

    @Test
    void psqlMetaCommandsAreTheirOwnStatements() {
        assertThat(SqlScript.split("CREATE DATABASE chinook;\n\n\\c chinook\nCREATE TABLE a (x INT);", POSTGRESQL))
                .containsExactly("CREATE DATABASE chinook", "\\c chinook", "CREATE TABLE a (x INT)");
    }

    @Test
    void unterminatedStringsFailNamingTheLine() {
        assertThatThrownBy(() -> SqlScript.split("SELECT 1;\nSELECT 'open; SELECT 2", POSTGRESQL))
                .isInstanceOf(TestSetupException.class)
                .hasMessageContaining("line 2");
        // with backslash escapes, 'a\' does not close
        assertThatThrownBy(() -> SqlScript.split("SELECT 'a\\'", MYSQL)).isInstanceOf(TestSetupException.class);
        assertThatThrownBy(() -> SqlScript.split("/* never closed", POSTGRESQL)).isInstanceOf(TestSetupException.class);
    }

    @Test
    void chinookScriptsSplitIntoTheirStatements() {
        for (var entry : java.util.Map.of("chinook/Chinook_PostgreSql.sql", POSTGRESQL,
                "chinook/Chinook_MySql.sql", MYSQL_NO_BACKSLASH_ESCAPES, "chinook/Chinook_Sqlite.sql", POSTGRESQL).entrySet()) {
            String script;
            try {
                script = java.nio.file.Files.readString(SharedData.resolve(entry.getKey()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            var statements = SqlScript.split(script, entry.getValue());
            // 11 CREATE TABLE, 24 INSERT, 11 ALTER TABLE, 11 CREATE INDEX in each script
            assertThat(statements).as(entry.getKey())
                    .filteredOn(s -> s.startsWith("CREATE TABLE") || s.startsWith("INSERT") || s.startsWith("ALTER TABLE")
                            || s.startsWith("CREATE INDEX"))
                    .hasSizeGreaterThanOrEqualTo(11 + 24 + 11);
            assertThat(statements).as(entry.getKey()).filteredOn(s -> !s.startsWith("\\"))
                    .allSatisfy(s -> assertThat(s).doesNotEndWith(";").isNotBlank());
        }
    }

    @Test
    void recognisesTheScriptsOwnDatabaseStatements() {
        assertThat(Chinook.isOwnDatabaseStatement("DROP DATABASE IF EXISTS `Chinook`")).isTrue();
        assertThat(Chinook.isOwnDatabaseStatement("CREATE DATABASE chinook")).isTrue();
        assertThat(Chinook.isOwnDatabaseStatement("use `Chinook`")).isTrue();
        assertThat(Chinook.isOwnDatabaseStatement("\\c chinook;")).isTrue();
        assertThat(Chinook.isOwnDatabaseStatement("CREATE TABLE `User`\n(x INT)")).isFalse();
        assertThat(Chinook.isOwnDatabaseStatement("INSERT INTO usernames VALUES (1)")).isFalse();
    }
}
