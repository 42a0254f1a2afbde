package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;

/** Joins on every database: inferred and explicit ON, left/right/full, aliases and self-joins. */
class JoinQueryTest {
    @AllDatabases
    void innerJoinInfersTheForeignKey(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Select q = select(s.name, s.catName, s.supName).from(s.items).join(s.categories).join(s.suppliers)
                        .where(s.price.lt(Shop.dec("26"))).orderBy(s.id);
                assertThat(rows(c, q)).containsExactly(
                        row("Hammer", "Hand tools", "Acme"), row("Saw", "Hand tools", "Bolt"),
                        row("shovel", "Garden", "Acme"));
            }
        }
    }

    @AllDatabases
    void leftRightAndFullJoins(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                assertThat(rows(c, select(s.supName, s.name).from(s.suppliers).leftJoin(s.items).where(s.supId.ne(1))
                        .orderBy(s.supId.asc(), s.id.asc())))
                        .containsExactly(row("Bolt", "Saw"), row("Bolt", "Hose"), row("Nobody", null));
                assertThat(rows(c, select(s.name, s.supName).from(s.items).rightJoin(s.suppliers, s.supplierId.eq(s.supId))
                        .where(s.supId.ge(2)).orderBy(s.supId.asc(), s.id.asc())))
                        .containsExactly(row("Saw", "Bolt"), row("Hose", "Bolt"), row(null, "Nobody"));
                Select full = select(s.name, s.supName).from(s.items).fullJoin(s.suppliers)
                        .where(s.supplierId.isNull().or(s.supId.isNull())).orderBy(s.name, s.supName);
                if (!c.dialect().supportsFullJoin()) {
                    assertThatThrownBy(() -> c.query(full)).isInstanceOf(dev.ashlar.core.error.UnsupportedFeatureException.class)
                            .hasMessageContaining(c.dialect().name()).hasMessageContaining("FULL JOIN");
                } else {
                    assertThat(rows(c, full)).containsExactlyInAnyOrder(row("Rake", null), row(null, "Nobody"));
                }
            }
        }
    }

    @AllDatabases
    void selfJoinWithAliases(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            TableAlias child = s.categories.as("child");
            TableAlias parent = s.categories.as("parent");
            assertThatThrownBy(() -> select(child.col(s.catName)).from(child).join(parent))
                    .isInstanceOf(dev.ashlar.core.error.AshlarException.class).hasMessageContaining("ambiguous");
            try (Connection c = engine.connect()) {
                Select q = select(child.col(s.catName), parent.col(s.catName))
                        .from(child).leftJoin(parent, child.col(s.catParent).eq(parent.col(s.catId)))
                        .orderBy(child.col(s.catId));
                assertThat(rows(c, q)).containsExactly(row("Tools", null), row("Garden", null), row("Hand tools", "Tools"),
                        row("Empty", null));
                // items priced above another item of the same category: an alias of items joined to items
                TableAlias other = s.items.as("other");
                Select pricier = select(s.name, other.col(s.name)).from(s.items)
                        .join(other, other.col(s.categoryId).eq(s.categoryId).and(other.col(s.price).lt(s.price)))
                        .orderBy(s.id.asc(), other.col(s.id).asc());
                assertThat(rows(c, pricier)).containsExactly(row("Saw", "Hammer"), row("Hose", "Rake"), row("Hose", "shovel"),
                        row("shovel", "Rake"));
            }
        }
    }

    @AllDatabases
    void joinWithoutForeignKeyFailsClearly(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            assertThatThrownBy(() -> select(s.supName).from(s.suppliers).join(s.categories))
                    .isInstanceOf(dev.ashlar.core.error.AshlarException.class)
                    .hasMessageContaining("no foreign key links categories to [suppliers]");
        }
    }
}
