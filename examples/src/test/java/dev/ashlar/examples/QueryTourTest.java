package dev.ashlar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;

/** The README's query-language examples run on every database and read the rows they should. */
class QueryTourTest {
    @AllDatabases
    void tourReadsTheExpectedRows(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            QueryTour.setUp(conn);
            assertThat(QueryTour.filters(conn)).containsExactly("Gadget", "Gizmo");
            assertThat(QueryTour.averageStars(conn)).containsExactly("Gadget 1 4", "Widget 2 4");
            assertThat(QueryTour.priceRanks(conn)).containsExactly("1 Gadget", "2 Gizmo", "3 Widget");
            assertThat(QueryTour.cheapNames(conn)).containsExactly("gizmo", "widget");
            assertThat(QueryTour.withConstant(conn)).containsExactly("item Gadget", "item Gizmo", "item Widget");
            assertThat(QueryTour.countTo(conn, 5)).containsExactly(1, 2, 3, 4, 5);

            QueryTour.upsert(conn, 100, "Sprocket", new BigDecimal("1.00"));
            QueryTour.upsert(conn, 100, "Sprocket", new BigDecimal("1.50"));
            assertThat(QueryTour.raisePrices(conn)).isEqualTo(3);
        }
        try (var c = db.openJdbc(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, price FROM items ORDER BY name")) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(rs.getString(1)).append('=').append(new java.math.BigDecimal(rs.getString(2)).setScale(2, java.math.RoundingMode.UNNECESSARY)).append(' ');
            }
            assertThat(b.toString().trim()).isEqualTo("Gadget=24.50 Gizmo=15.68 Sprocket=1.65 Widget=10.99");
        }
    }
}
