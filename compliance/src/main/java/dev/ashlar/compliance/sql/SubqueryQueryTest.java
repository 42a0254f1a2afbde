package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.dec;
import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.cte;
import static dev.ashlar.core.sql.Sql.max;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.sum;
import static dev.ashlar.core.sql.Sql.value;
import static dev.ashlar.core.sql.Sql.with;
import static dev.ashlar.core.sql.Sql.withRecursive;
import static dev.ashlar.core.types.Types.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.sql.Cte;
import dev.ashlar.core.sql.DerivedTable;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.TableAlias;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;

/** Scalar, derived-table and correlated subqueries, CTEs and recursive CTEs on every database. */
class SubqueryQueryTest {
    @AllDatabases
    void scalarAndCorrelatedSubqueries(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Expression<BigDecimal> top = select(max(s.price)).from(s.items).asScalar();
                assertThat(rows(c, select(s.name).from(s.items).where(s.price.eq(top)))).containsExactly(row("Drill"));
                // correlated scalar in the select list: items per category
                TableAlias i = s.items.as("i");
                Expression<Long> perCategory = select(count()).from(i).where(i.col(s.categoryId).eq(s.catId)).asScalar(Long.class);
                Labeled<Long> n = perCategory.as("n");
                Select q = select(s.catName, n).from(s.categories).orderBy(s.catId);
                assertThat(rows(c, q)).containsExactly(row("Tools", 1L), row("Garden", 3L), row("Hand tools", 2L), row("Empty", 0L));
                Row first = c.query(q).first();
                assertThat(first.get(n)).isEqualTo(1L);
                assertThat(first.get("n")).isEqualTo(1L);
            }
        }
    }

    @AllDatabases
    void derivedTableWithTypedColumns(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<BigDecimal> total = sum(s.price).as("total");
                DerivedTable totals = select(s.categoryId, total).from(s.items).groupBy(s.categoryId).as("totals");
                Expression<BigDecimal> t = totals.col(total);
                Select q = select(s.catName, t).from(s.categories).join(totals, totals.col(s.categoryId).eq(s.catId))
                        .where(t.gt(dec("50"))).orderBy(s.catName);
                assertThat(rows(c, q)).containsExactly(row("Garden", dec("65.00")), row("Tools", dec("99.99")));
            }
        }
    }

    @AllDatabases
    void ctesPlainAndRecursive(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Cte cheap = cte("cheap", select(s.id, s.name).from(s.items).where(s.price.lt(dec("20"))));
                assertThat(rows(c, with(cheap).select(cheap.col(s.name)).from(cheap).orderBy(cheap.col(s.id))))
                        .containsExactly(row("Hammer"), row("Rake"));

                // every category with its depth below a root, walking parent links
                Cte tree = cte("tree");
                Expression<Integer> treeId = tree.col("id", integer());
                Expression<Integer> depth = tree.col("depth", integer());
                tree = tree.as(select(s.catId, value(0, integer()).as("depth")).from(s.categories).where(s.catParent.isNull())
                        .unionAll(select(s.catId, depth.add(1)).from(s.categories).join(tree, s.catParent.eq(treeId))));
                Select q = withRecursive(tree).select(s.catName, depth).from(tree).join(s.categories, s.catId.eq(treeId))
                        .orderBy(depth.asc(), s.catName.asc());
                assertThat(rows(c, q)).containsExactly(row("Empty", 0), row("Garden", 0), row("Tools", 0), row("Hand tools", 1));
            }
        }
    }
}
