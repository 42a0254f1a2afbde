package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.coalesce;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.substring;
import static dev.ashlar.core.sql.Sql.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.util.List;
import java.util.function.Function;

/**
 * An expression with constants, selected, grouped by and ordered by itself: the database must see
 * the three as one expression (PostgreSQL refuses {@code substring(x, $1, $2)} grouped by
 * {@code substring(x, $3, $4)}). One case per function or operator that takes a constant.
 */
class GroupedConstantsTest {
    @AllDatabases
    void everyFunctionWithConstantsGroupsAndOrdersByItself(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Function<Expression<?>, List<List<Object>>> grouped = e -> rows(c,
                        select(e, count()).from(s.items).groupBy(e).orderBy(e));

                assertThat(grouped.apply(substring(s.name, 1, 1)))
                        .containsExactly(row("D", 1L), row("H", 2L), row("R", 1L), row("S", 1L), row("s", 1L));
                assertThat(grouped.apply(substring(s.name, 1, 1).concat("!")))
                        .containsExactly(row("D!", 1L), row("H!", 2L), row("R!", 1L), row("S!", 1L), row("s!", 1L));
                assertThat(grouped.apply(coalesce(s.qty, 0)))
                        .containsExactly(row(0, 2L), row(3, 1L), row(5, 1L), row(7, 1L), row(10, 1L));
                assertThat(grouped.apply(coalesce(s.qty, 0).div(5)))
                        .containsExactly(row(0, 3L), row(1, 2L), row(2, 1L));
                assertThat(grouped.apply(coalesce(s.qty, 0).add(1).mul(2)))
                        .containsExactly(row(2, 2L), row(8, 1L), row(12, 1L), row(16, 1L), row(22, 1L));
                assertThat(grouped.apply(when(s.qty.gt(4), Sql.value("many", dev.ashlar.core.types.Types.text())).otherwise("few")))
                        .containsExactly(row("few", 3L), row("many", 3L));

                // labelled: grouped by the label's expression, ordered by the label, descending
                Labeled<String> initial = substring(s.name, 1, 1).as("initial");
                assertThat(rows(c, select(initial, count()).from(s.items).groupBy(initial).orderBy(initial.desc())))
                        .containsExactly(row("s", 1L), row("S", 1L), row("R", 1L), row("H", 2L), row("D", 1L));
                // with HAVING on the same constants
                Expression<String> first = substring(s.name, 1, 1);
                assertThat(rows(c, select(first, count()).from(s.items).groupBy(first).having(count().gt(1L)).orderBy(first)))
                        .containsExactly(row("H", 2L));
            }
        }
    }
}
