package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.dec;
import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.avg;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.countDistinct;
import static dev.ashlar.core.sql.Sql.denseRank;
import static dev.ashlar.core.sql.Sql.lag;
import static dev.ashlar.core.sql.Sql.lead;
import static dev.ashlar.core.sql.Sql.max;
import static dev.ashlar.core.sql.Sql.min;
import static dev.ashlar.core.sql.Sql.partitionBy;
import static dev.ashlar.core.sql.Sql.rank;
import static dev.ashlar.core.sql.Sql.rowNumber;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.sql.Window;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.util.List;

/** Aggregates, GROUP BY/HAVING, ORDER BY with NULLs placement, DISTINCT, LIMIT and window functions. */
class AggregateWindowQueryTest {
    @AllDatabases
    void aggregatesWithTypedResults(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<Long> n = count().as("n");
                Labeled<Long> withQty = Sql.count(s.qty).as("with_qty");
                Labeled<Long> suppliers = countDistinct(s.supplierId).as("suppliers");
                Labeled<BigDecimal> total = sum(s.price).as("total");
                Labeled<BigDecimal> mean = avg(s.price).as("mean");
                Labeled<Integer> qtySum = sum(s.qty).as("qty_sum");
                Labeled<BigDecimal> cheapest = min(s.price).as("cheapest");
                Labeled<String> last = max(s.name).as("last");
                Row r = c.query(select(n, withQty, suppliers, total, mean, qtySum, cheapest, last).from(s.items)).one();
                assertThat(r.get(n)).isEqualTo(6L);
                assertThat(r.get(withQty)).isEqualTo(4L);
                assertThat(r.get(suppliers)).isEqualTo(2L);
                assertThat(r.get(total)).isEqualTo(dec("202.49"));
                assertThat(r.get(mean)).isEqualTo(dec("33.748333"));
                assertThat(r.get(qtySum)).isEqualTo(25);
                assertThat(r.get(cheapest)).isEqualTo(dec("12.50"));
                assertThat(r.get(last)).isEqualTo("shovel");
            }
        }
    }

    @AllDatabases
    void groupByHavingDistinctLimit(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Labeled<Long> n = count().as("n");
                Select q = select(s.catName, n).from(s.items).join(s.categories).groupBy(s.catName)
                        .having(count().gt(1L)).orderBy(n.desc());
                assertThat(rows(c, q)).containsExactly(row("Garden", 3L), row("Hand tools", 2L));
                assertThat(rows(c, select(s.categoryId).from(s.items).distinct().orderBy(s.categoryId)))
                        .containsExactly(row(1), row(2), row(3));
                assertThat(rows(c, select(s.name).from(s.items).orderBy(s.price.desc()).limit(2).offset(1)))
                        .containsExactly(row("Hose"), row("Saw"));
                assertThat(rows(c, select(s.name).from(s.items).orderBy(s.id).offset(4)))
                        .containsExactly(row("Hose"), row("shovel"));
            }
        }
    }

    @AllDatabases
    void nullsFirstAndLastAreExactEverywhere(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                assertThat(rows(c, select(s.name).from(s.items).orderBy(s.qty.asc().nullsFirst(), s.id.asc())))
                        .containsExactly(row("Drill"), row("shovel"), row("Hose"), row("Saw"), row("Rake"), row("Hammer"));
                assertThat(rows(c, select(s.name).from(s.items).orderBy(s.qty.asc().nullsLast(), s.id.asc())))
                        .containsExactly(row("Hose"), row("Saw"), row("Rake"), row("Hammer"), row("Drill"), row("shovel"));
                assertThat(rows(c, select(s.name).from(s.items).orderBy(s.qty.desc().nullsFirst(), s.id.asc())))
                        .containsExactly(row("Drill"), row("shovel"), row("Hammer"), row("Rake"), row("Saw"), row("Hose"));
                assertThat(rows(c, select(s.name).from(s.items).orderBy(s.qty.desc().nullsLast(), s.id.asc())))
                        .containsExactly(row("Hammer"), row("Rake"), row("Saw"), row("Hose"), row("Drill"), row("shovel"));
                Labeled<Integer> q = s.qty.as("q");
                assertThat(rows(c, select(s.name, q).from(s.items).orderBy(q.desc().nullsLast(), s.id.asc()).limit(1)))
                        .containsExactly(row("Hammer", 10));
            }
        }
    }

    @AllDatabases
    void windowFunctions(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Window byCategory = partitionBy(s.categoryId).orderBy(s.price.asc());
                Labeled<Long> rn = rowNumber().over(byCategory).as("rn");
                Labeled<BigDecimal> running = sum(s.price).over(byCategory).as("running");
                Labeled<BigDecimal> previous = lag(s.price).over(byCategory).as("previous");
                Labeled<String> next = lead(s.name).over(byCategory).as("next");
                Select q = select(s.name, rn, running, previous, next).from(s.items).where(s.categoryId.eq(2)).orderBy(rn);
                assertThat(rows(c, q)).containsExactly(
                        row("Rake", 1L, dec("15.00"), null, "shovel"),
                        row("shovel", 2L, dec("35.00"), dec("15.00"), "Hose"),
                        row("Hose", 3L, dec("65.00"), dec("20.00"), null));
                Labeled<Long> r = rank().over(Sql.orderBy(s.categoryId.asc())).as("r");
                Labeled<Long> dr = denseRank().over(Sql.orderBy(s.categoryId.asc())).as("dr");
                List<List<Object>> ranks = rows(c, select(s.categoryId, r, dr).from(s.items).orderBy(s.id));
                assertThat(ranks).containsExactly(row(3, 5L, 3L), row(3, 5L, 3L), row(1, 1L, 1L), row(2, 2L, 2L),
                        row(2, 2L, 2L), row(2, 2L, 2L));
                Labeled<Long> all = Sql.count().over().as("all");
                assertThat(rows(c, select(s.name, all).from(s.items).where(s.id.lt(3)).orderBy(s.id)))
                        .containsExactly(row("Hammer", 2L), row("Saw", 2L));
            }
        }
    }
}
