package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.DataException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
            // Text that reads as no value of the column's type. A database either refuses it when it is
            // stored (PostgreSQL's numeric and uuid types, MariaDB's strict mode), or keeps it (SQLite keeps
            // any text; PostgreSQL's numeric holds NaN, which BigDecimal cannot); what it keeps, Ashlar's typed
            // read refuses with a DataException naming the column and the value.
            List<Object[]> odd = List.of(new Object[] {s.wide, "'Infinity'"}, new Object[] {s.amount, "'twelve'"},
                    new Object[] {s.token, "'not-a-uuid'"}, new Object[] {s.at, "'not a date'"}, new Object[] {s.amount, "'NaN'"},
                    new Object[] {s.amount, "'Infinity'"}, new Object[] {s.amount, "9e999"});
            List<Long> kept = new ArrayList<>();
            for (int i = 0; i < odd.size(); i++) {
                Column<?> column = (Column<?>) odd.get(i)[0];
                long id = i + 1;
                try {
                    raw(db, "INSERT INTO odd_values (id, " + column.name() + ") VALUES (" + id + ", " + odd.get(i)[1] + ")");
                } catch (SQLException refused) {
                    continue; // refused when stored, so reading never meets it
                }
                kept.add(id);
                assertUnreadable(conn, s, column, id, held(db, column, id));
            }
            assertThat(kept).as("values kept that do not read as their column's type").isNotEmpty();
            // raw SQL reads them as text without complaint: only the typed read refuses
            assertThat(conn.sql("SELECT id FROM odd_values WHERE id = :id", Map.of("id", kept.get(0))).list()).hasSize(1);
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

    /** The value as plain JDBC reads it, as text. */
    private static String held(TestDatabase db, Column<?> column, long id) throws SQLException {
        return db.queryOne("SELECT " + column.name() + " FROM odd_values WHERE id = " + id);
    }

    private static void raw(TestDatabase db, String sql) throws SQLException {
        try (java.sql.Connection jdbc = db.openJdbc(); Statement st = jdbc.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
