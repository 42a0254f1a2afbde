package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.List;
import java.util.function.Supplier;

/**
 * Each database asked for each feature that its dialect declares it lacks: the answer is an
 * {@link UnsupportedFeatureException} naming the feature, the database and an alternative, before
 * anything reaches the database. A feature the dialect declares runs there.
 */
class UnsupportedFeaturesTest {
    private final MetaData md = new MetaData();
    private final Column<Integer> ownerId = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Table owners = md.table("owners", ownerId);
    private final Column<Integer> id = Column.of("id", integer()).primaryKey().autoincrement(false);
    private final Column<String> name = Column.of("name", string(20));
    private final Column<Integer> owner = Column.of("owner_id", integer());
    private final Table pets = md.table("pets", id, name, owner);

    @AllDatabases
    void eachMissingFeatureIsATypedErrorAndEachDeclaredOneRuns(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            Dialect dialect = conn.dialect();
            int refused = 0;

            Statement fullJoin = select(id, ownerId).from(pets).fullJoin(owners, owner.eq(ownerId));
            refused += check(dialect, dialect.supportsFullJoin(), "FULL JOIN", "LEFT JOIN UNION a RIGHT JOIN",
                    () -> conn.query((dev.ashlar.core.sql.Select) fullJoin).list());
            refused += check(dialect, dialect.supportsUpdateReturning(), "UPDATE ... RETURNING", "SELECT",
                    () -> conn.executeReturning(update(pets).set(name, "x").returning(id)));
            refused += check(dialect, dialect.supportsDeleteReturning(), "DELETE ... RETURNING", "SELECT",
                    () -> conn.executeReturning(deleteFrom(pets).returning(id)));
            ForeignKey fk = ForeignKey.of(List.of(owner), List.of(ownerId)).named("fk_pets_owner");
            refused += check(dialect, dialect.ddl().canAddForeignKeys(), "foreign key", "CREATE TABLE",
                    () -> conn.executeSql(dialect.ddl().addForeignKey(pets, fk)));

            assertThat(refused).as("features refused").isBetween(0, 4);
        }
    }

    /** Runs {@code use}: it must work where the feature is declared, else fail typed and name the database. Returns 1 when refused. */
    private static int check(Dialect dialect, boolean declared, String feature, String alternative, Supplier<Object> use) {
        if (declared) {
            use.get();
            return 0;
        }
        assertThatThrownBy(use::get).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining(feature).hasMessageContaining(alternative)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase(dialect.name()));
        return 1;
    }
}
