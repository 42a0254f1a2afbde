package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.explain.PlanAssertions;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.reflect.IndexInfo;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names the naming convention gives unique constraints are the names each database reports: in
 * its catalog and in the indexes EXPLAIN says a query uses (SQLite would otherwise report its own
 * {@code sqlite_autoindex_members_1}).
 */
class UniqueConstraintNamesTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Column<String> email = Column.of("email", string(100)).notNull().unique();
    private final Column<String> club = Column.of("club", string(20)).notNull();
    private final Column<Long> card = Column.of("card_no", bigInteger()).notNull();
    private final Table members = md.table("members", id, email, club, card, UniqueConstraint.of(club, card));

    @AllDatabases
    void explainAndTheCatalogReportTheConventionsNames(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            List<Map<? extends Column<?>, ?>> rows = new ArrayList<>();
            for (long i = 1; i <= 2_000; i++) {
                rows.add(Map.of(id, i, email, "m" + i + "@example.org", club, "club-" + (i % 7), card, i));
            }
            conn.execute(insertInto(members).values(rows));
            conn.executeSql(conn.dialect().analyzeSql("members"));

            QueryPlan byEmail = PlanAssertions.assertUsesIndex(conn,
                    select(id).from(members).where(email.eq("m777@example.org")), "uq_members_email");
            assertThat(byEmail.indexesUsed()).as(byEmail.render()).noneMatch(n -> n.startsWith("sqlite_autoindex"));
            PlanAssertions.assertUsesIndex(conn,
                    select(id).from(members).where(club.eq("club-3").and(card.eq(3L))), "uq_members_club_card_no");

            // The catalog reports the convention's names: as unique constraints where the database keeps
            // them apart from indexes (PostgreSQL, MariaDB), as unique indexes on SQLite.
            Inspector inspector = Inspector.of(conn);
            List<String> names = java.util.stream.Stream.concat(inspector.indexes("members").stream().map(IndexInfo::name),
                    inspector.uniqueConstraints("members").stream().map(dev.ashlar.core.reflect.UniqueInfo::name)).toList();
            assertThat(names).contains("uq_members_email", "uq_members_club_card_no").noneMatch(n -> n.startsWith("sqlite_autoindex"));

            // still a constraint: the database refuses a duplicate of either key
            assertThatThrownBy(() -> conn.execute(insertInto(members).set(id, 5_000L).set(email, "m1@example.org")
                    .set(club, "x").set(card, 1L))).isInstanceOf(UniqueViolationException.class);
            assertThatThrownBy(() -> conn.execute(insertInto(members).set(id, 5_001L).set(email, "new@example.org")
                    .set(club, "club-3").set(card, 3L))).isInstanceOf(UniqueViolationException.class);
        }
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM members")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2_000);
        }
    }

    @AllDatabases
    void anUpsertFindsTheNamedConstraintAsItsConflictTarget(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            conn.execute(insertInto(members).set(id, 1L).set(email, "a@example.org").set(club, "c").set(card, 1L));
            conn.execute(insertInto(members).set(id, 2L).set(email, "a@example.org").set(club, "d").set(card, 2L)
                    .onConflict(email).doUpdate(club));
        }
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT id, club FROM members")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("d");
            assertThat(rs.next()).isFalse();
        }
    }
}
