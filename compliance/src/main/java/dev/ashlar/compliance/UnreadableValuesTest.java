package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.DataException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A stored value that does not read as its column's type, put there by raw SQL, is read as a
 * {@link DataException} naming the column and the value, never as a bare NumberFormatException or
 * IllegalArgumentException. Each database is tried with what it lets raw SQL store.
 */
class UnreadableValuesTest {
    static final class Schema {
        final MetaData md = new MetaData();
        final Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
        final Column<BigDecimal> amount = Column.of("amount", numeric(10, 2));
        final Column<BigDecimal> wide = Column.of("wide", numeric(20, 4));
        final Column<UUID> token = Column.of("token", uuid());
        final Column<LocalDateTime> at = Column.of("at", dateTime());
        final Table t = md.table("odd_values", id, amount, wide, token, at);
    }

    @AllDatabases
    void storedTextThatDoesNotParseIsADataExceptionNamingColumnAndValue(TestDatabase db) throws SQLException {
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            switch (db.kind()) {
                case SQLITE -> {
                    raw(db, "INSERT INTO odd_values (id, wide) VALUES (1, 'Infinity')");
                    raw(db, "INSERT INTO odd_values (id, amount) VALUES (2, 'twelve')");
                    raw(db, "INSERT INTO odd_values (id, token) VALUES (3, 'not-a-uuid')");
                    raw(db, "INSERT INTO odd_values (id, at) VALUES (4, 'yesterday')");
                    raw(db, "INSERT INTO odd_values (id, amount) VALUES (5, 'Infinity')");
                    raw(db, "INSERT INTO odd_values (id, amount) VALUES (6, 9e999)");
                    assertUnreadable(conn, s, s.wide, 1, "Infinity");
                    assertUnreadable(conn, s, s.amount, 2, "twelve");
                    assertUnreadable(conn, s, s.token, 3, "not-a-uuid");
                    assertUnreadable(conn, s, s.at, 4, "yesterday");
                    assertUnreadable(conn, s, s.amount, 5, "Infinity");
                    assertUnreadable(conn, s, s.amount, 6, "Inf");
                }
                case POSTGRESQL -> {
                    // numeric(p, s) holds NaN, which BigDecimal cannot; its infinities only an unconstrained numeric holds
                    raw(db, "INSERT INTO odd_values (id, amount, wide) VALUES (1, 'NaN', 'NaN')");
                    assertUnreadable(conn, s, s.amount, 1, "NaN");
                    assertUnreadable(conn, s, s.wide, 1, "NaN");
                    assertThatThrownBy(() -> raw(db, "INSERT INTO odd_values (id, amount) VALUES (3, 'Infinity')"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("overflow");
                    // its uuid type refuses malformed text when it is stored, so reading never meets it
                    assertThatThrownBy(() -> raw(db, "INSERT INTO odd_values (id, token) VALUES (2, 'not-a-uuid')"))
                            .isInstanceOf(SQLException.class);
                }
                case MARIADB -> {
                    raw(db, "INSERT INTO odd_values (id, token) VALUES (1, 'not-a-uuid')");
                    assertUnreadable(conn, s, s.token, 1, "not-a-uuid");
                    // DECIMAL holds no infinity: strict mode refuses the text when it is stored
                    assertThatThrownBy(() -> raw(db, "INSERT INTO odd_values (id, amount) VALUES (2, 'Infinity')"))
                            .isInstanceOf(SQLException.class);
                }
            }
            // raw SQL reads them as text without complaint: only the typed read refuses
            assertThat(conn.sql("SELECT id FROM odd_values WHERE id = :id", Map.of("id", 1)).list()).hasSize(1);
        }
    }

    private static void assertUnreadable(Connection conn, Schema s, Column<?> column, long id, String stored) {
        DataException e = catchThrowableOfType(
                () -> conn.query(select(s.id, column).from(s.t).where(s.id.eq(id))).one().get(column), DataException.class);
        assertThat(e).as("reading %s", column.name()).isNotNull();
        assertThat(e.getMessage()).contains(column.name(), "'" + stored + "'", "does not read as");
        assertThat(e.sql()).startsWith("SELECT");
        assertThat(e.getCause()).isNotNull();
    }

    private static void raw(TestDatabase db, String sql) throws SQLException {
        try (java.sql.Connection jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
