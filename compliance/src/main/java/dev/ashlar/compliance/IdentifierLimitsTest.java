package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.IdentifierLimit;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.IdentifierTooLongException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Each database's identifier limit: PostgreSQL keeps 63 bytes of UTF-8 and would silently cut a
 * longer name, MariaDB 64 characters, SQLite any length. Too long is refused before anything is
 * sent; generated constraint and index names are shortened to fit in bytes and stay distinct.
 */
class IdentifierLimitsTest {
    /** 63 bytes in UTF-8 (31 two-byte characters and one ASCII one), 32 characters. */
    private static final String SHARED_63_BYTES = "ü".repeat(31) + "x";

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @AllDatabases
    void twoTablesSharingTheirFirst63BytesAreRefusedOnPostgresqlAndDistinctElsewhere(TestDatabase db) throws SQLException {
        MetaData md = new MetaData();
        Column<Long> idA = Column.of("id", bigInteger()).primaryKey();
        Column<String> nameA = Column.of("name", string(20));
        Table a = md.table(SHARED_63_BYTES + "_a", idA, nameA);
        Column<Long> idB = Column.of("id", bigInteger()).primaryKey();
        Column<String> nameB = Column.of("name", string(20));
        Table b = md.table(SHARED_63_BYTES + "_b", idB, nameB);
        assertThat(bytes(a.name())).isEqualTo(65);

        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            IdentifierLimit limit = conn.dialect().identifierLimit();
            if (!limit.fits(a.name())) {
                // the names differ only past the limit (PostgreSQL's 63 bytes): refused, never cut into one name
                assertThat(limit.lengthOf(a.name())).isEqualTo(65);
                IdentifierTooLongException refused = catchThrowableOfType(() -> SchemaDdl.createAll(conn, md),
                        IdentifierTooLongException.class);
                assertThat(refused.identifier()).isIn(a.name(), b.name());
                assertThat(refused.length()).isEqualTo(65);
                assertThat(refused.limit()).isEqualTo(limit.max());
                assertThat(refused.unit()).isEqualTo(limit.unit().description());
                assertThat(refused.getMessage()).contains(conn.dialect().name(), refused.identifier(), "65", limit.max() + " " + limit.unit().description());
                // refused at statement compile too, before anything is sent
                IdentifierTooLongException write = catchThrowableOfType(
                        () -> conn.execute(insertInto(b).set(idB, 1L).set(nameB, "b")), IdentifierTooLongException.class);
                assertThat(write.identifier()).isEqualTo(b.name());
                assertThat(tables(db)).isEmpty();
                // and when the DDL is only rendered as text
                assertThat(catchThrowableOfType(() -> SchemaDdl.createStatements(md, engine.dialect()),
                        IdentifierTooLongException.class).limit()).isEqualTo(limit.max());
                return;
            }
            SchemaDdl.createAll(conn, md);
            conn.execute(insertInto(a).set(idA, 1L).set(nameA, "meant for a"));
            conn.execute(insertInto(b).set(idB, 1L).set(nameB, "meant for b"));
        }
        assertThat(tables(db)).containsExactlyInAnyOrder(a.name(), b.name());
        try (java.sql.Connection jdbc = db.openJdbc(); Statement s = jdbc.createStatement()) {
            for (Table t : List.of(a, b)) {
                try (ResultSet rs = s.executeQuery("SELECT name FROM " + quote(db, t.name()))) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("meant for " + t.name().substring(t.name().length() - 1));
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @AllDatabases
    void aNameOf65CharactersIsRefusedOnMariadbAndPostgresql(TestDatabase db) throws SQLException {
        MetaData md = new MetaData();
        String name = "t".repeat(65);
        md.table(name, Column.of("id", bigInteger()).primaryKey());
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            IdentifierLimit limit = conn.dialect().identifierLimit();
            if (limit.fits(name)) { // no limit (SQLite): created as named
                SchemaDdl.createAll(conn, md);
                assertThat(tables(db)).containsExactly(name);
                return;
            }
            IdentifierTooLongException refused = catchThrowableOfType(() -> SchemaDdl.createAll(conn, md),
                    IdentifierTooLongException.class);
            assertThat(refused.identifier()).isEqualTo(name);
            assertThat(refused.length()).isEqualTo(65);
            assertThat(refused.limit()).isEqualTo(limit.max()).isLessThan(65);
            assertThat(refused.unit()).isEqualTo(limit.unit().description());
        }
        assertThat(tables(db)).isEmpty();
    }

    @AllDatabases
    void generatedNamesFromLongMultiByteNamesFitInBytesStayDistinctAndWork(TestDatabase db) throws SQLException {
        MetaData md = new MetaData();
        String table = "bücher_" + "ä".repeat(20);                     // 48 bytes
        String first = "ö".repeat(25) + "_eins";                      // 55 bytes
        String second = "ö".repeat(25) + "_zwei";
        Column<Long> parentId = Column.of("id", bigInteger()).primaryKey();
        Table parent = md.table(table, parentId);
        Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        Column<String> one = Column.of(first, string(10)).index().unique();
        Column<String> two = Column.of(second, string(10)).index();
        Column<Long> ref = Column.of("ö".repeat(25) + "_ref", bigInteger()).references(parentId);
        Table child = md.table("kinder_" + "ä".repeat(20), id, one, two, ref, Index.on(one, two));

        List<String> generated = new ArrayList<>();
        child.indexes().forEach(ix -> generated.add(ix.name()));
        child.uniqueConstraints().forEach(uq -> generated.add(uq.name()));
        child.foreignKeys().forEach(fk -> generated.add(fk.name()));
        assertThat(generated).hasSize(5).doesNotHaveDuplicates();
        // deterministic: the same declaration names its constraints the same way every time
        MetaData again = new MetaData();
        Table parentAgain = again.table(table, Column.of("id", bigInteger()).primaryKey());
        Column<String> oneAgain = Column.of(first, string(10)).index().unique();
        Column<String> twoAgain = Column.of(second, string(10)).index();
        Table childAgain = again.table(child.name(), Column.of("id", bigInteger()).primaryKey(), oneAgain, twoAgain,
                Column.of(ref.name(), bigInteger()).references(parentAgain.column("id", Long.class)), Index.on(oneAgain, twoAgain));
        List<String> regenerated = new ArrayList<>();
        childAgain.indexes().forEach(ix -> regenerated.add(ix.name()));
        childAgain.uniqueConstraints().forEach(uq -> regenerated.add(uq.name()));
        childAgain.foreignKeys().forEach(fk -> regenerated.add(fk.name()));
        assertThat(regenerated).isEqualTo(generated);
        for (String name : generated) {
            assertThat(bytes(name)).as(name).isLessThanOrEqualTo(63).isGreaterThan(55);
        }

        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            conn.execute(insertInto(parent).set(parentId, 1L));
            conn.execute(insertInto(child).set(id, 1L).set(one, "a").set(two, "b").set(ref, 1L));
        }
        List<String> indexNames = new ArrayList<>();
        try (java.sql.Connection jdbc = db.openJdbc();
             ResultSet rs = jdbc.getMetaData().getIndexInfo(jdbc.getCatalog(), jdbc.getSchema(), child.name(), false, true)) {
            while (rs.next()) {
                indexNames.add(rs.getString("INDEX_NAME"));
            }
        }
        for (Index ix : child.indexes()) {
            assertThat(indexNames).as("indexes of %s on %s", child.name(), db).contains(ix.name());
        }
        try (java.sql.Connection jdbc = db.openJdbc(); Statement s = jdbc.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + quote(db, first) + ", " + quote(db, second) + " FROM " + quote(db, child.name()))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + rs.getString(2)).isEqualTo("ab");
        }
    }

    private static String quote(TestDatabase db, String name) {
        return Capabilities.of(db).quoteIdentifier(name);
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (java.sql.Connection jdbc = db.openJdbc();
             ResultSet rs = jdbc.getMetaData().getTables(jdbc.getCatalog(), jdbc.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
