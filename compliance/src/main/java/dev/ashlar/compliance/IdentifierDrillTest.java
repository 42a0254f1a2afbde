package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.IdentifierTooLongException;
import dev.ashlar.core.reflect.ColumnInfo;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Blns;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The identifiers drill: every naughty string that the database accepts as a quoted table and column
 * name is created, written, reflected (exact name, exact columns, no difference from its model),
 * compared and dropped, beside a canary table that must keep its row. Names the database refuses
 * must be refused with a typed error and leave nothing behind.
 */
class IdentifierDrillTest {
    @AllDatabases
    void everyNaughtyNameIsCreatedWrittenReflectedAndDroppedBesideACanary(TestDatabase db) throws SQLException {
        MetaData canaryMd = new MetaData();
        Column<Long> canaryId = Column.of("id", bigInteger()).primaryKey();
        Column<String> canaryNote = Column.of("note", string(20));
        Table canary = canaryMd.table("canary", canaryId, canaryNote);
        Set<String> names = new LinkedHashSet<>();
        for (String s : Blns.strings()) {
            if (!s.equalsIgnoreCase("canary")) {
                names.add(s);
            }
        }
        int accepted = 0;
        int tooLong = 0;
        List<String> refused = new ArrayList<>();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, canaryMd);
            conn.execute(insertInto(canary).set(canaryId, 1L).set(canaryNote, "alive"));
            Inspector in = Inspector.of(conn);
            Set<String> done = new LinkedHashSet<>();
            for (String name : names) {
                if (!done.add(in.tableKey(name))) {
                    continue; // the same table to this database (SQLite folds ASCII case)
                }
                if (!conn.dialect().identifierLimit().fits(name)) {
                    // refused by Ashlar before the database sees it (PostgreSQL would silently cut it to 63 bytes)
                    tooLong++;
                    MetaData md = new MetaData();
                    md.table(name, Column.of("c", string(10)));
                    assertThatThrownBy(() -> SchemaDdl.createAll(conn, md)).isInstanceOf(IdentifierTooLongException.class);
                    assertThat(in.tableNames()).containsExactly("canary");
                    continue;
                }
                MetaData md = new MetaData();
                Column<String> column = Column.of(name, string(Math.max(80, name.length())));
                Table table = md.table(name, column);
                try {
                    SchemaDdl.createAll(conn, md);
                } catch (DatabaseException refusedByDatabase) {
                    refused.add(name);
                    assertThat(in.hasTable(name)).as("refused name %s left a table", name).isFalse();
                    continue;
                }
                accepted++;
                conn.execute(insertInto(table).set(column, name));
                assertThat(in.hasTable(name)).as(name).isTrue();
                assertThat(in.tableNames()).as(name).contains(name);
                assertThat(in.columns(name)).extracting(ColumnInfo::name).as(name).containsExactly(name);
                MetaData reflected = in.reflect(List.of(name));
                assertThat(SchemaDiff.compare(reflected, md, conn.dialect()).changes()).as(name).isEmpty();
                try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement();
                     ResultSet rs = st.executeQuery("SELECT " + conn.dialect().quoteIdentifier(name) + " FROM "
                             + conn.dialect().quoteIdentifier(name))) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(name).isEqualTo(name);
                }
                SchemaDdl.dropAll(conn, md);
                assertThat(in.hasTable(name)).as("%s dropped", name).isFalse();
            }
            assertThat(in.tableNames()).containsExactly("canary");
            try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT note FROM canary")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("alive");
                assertThat(rs.next()).isFalse();
            }
        }
        System.out.println("identifiers drill " + db + ": " + accepted + " names created, written, reflected and dropped; "
                + refused.size() + " refused by the database; " + tooLong + " over its identifier limit, refused by Ashlar");
        assertThat(accepted).isGreaterThan(names.size() / 2);
    }
}
