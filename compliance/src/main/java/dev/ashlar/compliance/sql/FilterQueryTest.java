package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.column;
import static dev.ashlar.compliance.sql.Shop.dec;
import static dev.ashlar.core.sql.Sql.exists;
import static dev.ashlar.core.sql.Sql.notExists;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.value;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.List;

/** WHERE clauses on every database: comparisons, like/ilike, between, in, exists, null tests. */
class FilterQueryTest {
    @AllDatabases
    void comparisonsAndLogic(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Select q = select(s.name).from(s.items).orderBy(s.id);
                assertThat(column(c, select(s.name).from(s.items).where(s.price.ge(dec("25"))).orderBy(s.id)))
                        .containsExactly("Saw", "Drill", "Hose");
                assertThat(column(c, select(s.name).from(s.items)
                        .where(s.price.lt(dec("20")).or(s.qty.isNull()).and(s.id.ne(6))).orderBy(s.id)))
                        .containsExactly("Hammer", "Drill", "Rake");
                assertThat(column(c, select(s.name).from(s.items).where(s.qty.gt(4).not()).orderBy(s.id)))
                        .as("NOT of an unknown comparison stays unknown").containsExactly("Hose");
                assertThat(column(c, q)).hasSize(6);
            }
        }
    }

    @AllDatabases
    void likeIlikeAndBetween(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                assertThat(column(c, select(s.name).from(s.items).where(s.name.like("%o%")).orderBy(s.id)))
                        .containsExactly("Hose", "shovel");
                assertThat(column(c, select(s.name).from(s.items).where(s.name.like("s%")).orderBy(s.id)))
                        .as("like respects case").containsExactly("shovel");
                assertThat(column(c, select(s.name).from(s.items).where(s.name.ilike("S%")).orderBy(s.id)))
                        .containsExactly("Saw", "shovel");
                assertThat(column(c, select(s.name).from(s.items).where(s.name.ilike("%HO%")).orderBy(s.id)))
                        .containsExactly("Hose", "shovel");
                assertThat(column(c, select(s.name).from(s.items).where(s.name.like("Ha\\%")).orderBy(s.id)))
                        .as("backslash escapes %").isEmpty();
                assertThat(column(c, select(s.name).from(s.items).where(s.price.between(dec("15"), dec("25"))).orderBy(s.id)))
                        .containsExactly("Saw", "Rake", "shovel");
                assertThat(column(c, select(s.name).from(s.items).where(s.qty.between(value(3, integer()), s.id.mul(2))).orderBy(s.id)))
                        .containsExactly("Rake", "Hose");
            }
        }
    }

    @AllDatabases
    void inListSubqueryAndExists(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                assertThat(column(c, select(s.name).from(s.items).where(s.id.in(2, 4, 9)).orderBy(s.id)))
                        .containsExactly("Saw", "Rake");
                assertThat(column(c, select(s.name).from(s.items).where(s.id.in(List.of())).orderBy(s.id))).isEmpty();
                Select german = select(s.supId).from(s.suppliers).where(s.supCountry.eq("DE"));
                assertThat(column(c, select(s.name).from(s.items).where(s.supplierId.in(german)).orderBy(s.id)))
                        .containsExactly("Saw", "Hose");
                // correlated: suppliers with / without items
                TableAlias i = s.items.as("i");
                Select itemsOfSupplier = select(i.col(s.id)).from(i).where(i.col(s.supplierId).eq(s.supId));
                assertThat(column(c, select(s.supName).from(s.suppliers).where(exists(itemsOfSupplier)).orderBy(s.supId)))
                        .containsExactly("Acme", "Bolt");
                assertThat(column(c, select(s.supName).from(s.suppliers).where(notExists(itemsOfSupplier)).orderBy(s.supId)))
                        .containsExactly("Nobody");
                assertThat(column(c, select(s.name).from(s.items).where(s.supplierId.isNull())))
                        .containsExactly("Rake");
                assertThat(column(c, select(s.name).from(s.items).where(s.qty.isNotNull().and(s.qty.lt(6))).orderBy(s.id)))
                        .containsExactly("Saw", "Hose");
            }
        }
    }
}
