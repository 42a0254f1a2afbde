package dev.ashlar.compliance.sql;

import static dev.ashlar.compliance.sql.Shop.row;
import static dev.ashlar.compliance.sql.Shop.rows;
import static dev.ashlar.core.sql.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.sql.Labeled;
import dev.ashlar.core.sql.Select;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;

/** UNION, UNION ALL, INTERSECT and EXCEPT, ordered and limited, evaluated left to right everywhere. */
class SetOperationQueryTest {
    @AllDatabases
    void setOperations(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            Shop s = Shop.create(engine);
            try (Connection c = engine.connect()) {
                Select acme = select(s.categoryId).from(s.items).where(s.supplierId.eq(1));   // 3, 1, 2
                Select bolt = select(s.categoryId).from(s.items).where(s.supplierId.eq(2));   // 3, 2
                Select garden = select(s.categoryId).from(s.items).where(s.categoryId.eq(2)); // 2, 2, 2
                assertThat(rows(c, acme.union(bolt).orderBy(s.categoryId.asc()))).containsExactly(row(1), row(2), row(3));
                assertThat(rows(c, acme.unionAll(bolt).orderBy(s.categoryId.desc()))).hasSize(5).first().isEqualTo(row(3));
                assertThat(rows(c, acme.intersect(bolt).orderBy(s.categoryId.asc()))).containsExactly(row(2), row(3));
                assertThat(rows(c, acme.except(bolt))).containsExactly(row(1));
                // left to right: (acme UNION garden) INTERSECT bolt = {2, 3}; with INTERSECT binding tighter it would be {1, 2, 3}
                assertThat(rows(c, acme.union(garden).intersect(bolt).orderBy(s.categoryId.asc()))).containsExactly(row(2), row(3));
                assertThat(rows(c, acme.union(bolt).orderBy(s.categoryId.desc()).limit(1))).containsExactly(row(3));
                Labeled<String> label = s.supName.as("label");
                Select names = select(label).from(s.suppliers);
                assertThat(rows(c, names.union(select(s.catName).from(s.categories)).orderBy(label.asc().nullsLast()).limit(2)))
                        .containsExactly(row("Acme"), row("Bolt"));
            }
        }
    }
}
