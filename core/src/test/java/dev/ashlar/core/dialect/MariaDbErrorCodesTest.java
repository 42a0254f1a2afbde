package dev.ashlar.core.dialect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.DataException;
import dev.ashlar.core.error.ProgrammingException;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MariaDB errors that reach the caller with SQLSTATE HY000 and are told apart by their number only:
 * each maps to a specific type, not the base {@code DatabaseException}.
 */
class MariaDbErrorCodesTest {
    private static TestDatabase mariadb() {
        TestDatabase db = TestDatabases.get(DatabaseKind.MARIADB).orElse(null);
        assumeTrue(db != null && db.available() || TestDatabases.ci(), "no MariaDB server here");
        return db.reset();
    }

    @Test
    void eachErrorNumberHasItsType() {
        TestDatabase db = mariadb();
        String longName = "n".repeat(65);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            // 1300: invalid character string for the character set
            assertThatThrownBy(() -> conn.sql("SELECT _utf8mb4 X'FF' AS s", Map.of()).list()).isInstanceOf(DataException.class)
                    .hasMessageContaining("Invalid utf8mb4 character string");
            // 1005 (errno 150): a foreign key that cannot be made
            assertThatThrownBy(() -> conn.executeSql("CREATE TABLE fk_bad (id INT, p INT, FOREIGN KEY (p) REFERENCES no_such_table (id))"))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("Can't create table");
            // 1059: a column name too long; 1103: a table name too long
            assertThatThrownBy(() -> conn.executeSql("CREATE TABLE long_column (" + longName + " INT)"))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("too long");
            assertThatThrownBy(() -> conn.executeSql("CREATE TABLE " + longName + " (id INT)"))
                    .isInstanceOf(ProgrammingException.class).hasMessageContaining("Incorrect table name");
        }
    }
}
