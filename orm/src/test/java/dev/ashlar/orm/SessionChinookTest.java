package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.Chinook;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestSetupException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

class SessionChinookTest {

    private record Mapping(ModelRegistry registry, Class<? extends ChinookModels.AnInvoice> invoice, Class<?> line) {
    }

    private static Mapping mapping(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL
                ? new Mapping(ChinookModels.Snake.REGISTRY, ChinookModels.Snake.Invoice.class, ChinookModels.Snake.InvoiceLine.class)
                : new Mapping(ChinookModels.Pascal.REGISTRY, ChinookModels.Pascal.Invoice.class, ChinookModels.Pascal.InvoiceLine.class);
    }

    private static int jdbcCount(TestDatabase chinook, String country) throws Exception {
        DatabaseKind k = chinook.kind();
        String sql = "SELECT count(*) FROM " + Chinook.tableName(k, "invoice_line") + " l JOIN " + Chinook.tableName(k, "invoice")
                + " i ON i." + Chinook.columnName(k, "invoice_id") + " = l." + Chinook.columnName(k, "invoice_id")
                + " WHERE i." + Chinook.columnName(k, "billing_country") + " = ?";
        try (Connection c = chinook.openJdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, country);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @AllDatabases
    void invoicesOfACountryWithLinesAndTracksTakeThreeStatementsWhateverTheRows(TestDatabase db) throws Exception {
        // Chinook is missing only on a server that cannot be reached, and no test receives such a database
        TestDatabase chinook = Chinook.load(db.kind()).orElseThrow(() -> new TestSetupException("Chinook could not be loaded on "
                + db + ", though the test database on the same server was reached; see the log for the server's error"));
        Mapping m = mapping(db.kind());
        Column<String> country = m.registry().of(m.invoice()).table().column(Chinook.columnName(db.kind(), "billing_country"), String.class);
        try (Engine engine = Engine.create(chinook.url())) {
            for (String name : List.of("USA", "Canada", "Chile")) {
                try (Session session = Session.open(engine, SessionOptions.strict().registry(m.registry()))) {
                    long before = session.statementCount();
                    List<? extends ChinookModels.AnInvoice> invoices = session.select(m.invoice()).where(country.eq(name))
                            .options(Load.selectIn(m.invoice(), "lines"), Load.selectIn(m.line(), "track")).list();
                    int lines = 0;
                    int quantity = 0;
                    for (ChinookModels.AnInvoice invoice : invoices) {
                        assertThat(invoice.country()).isEqualTo(name);
                        for (ChinookModels.ALine line : invoice.lines()) {
                            assertThat(line.track().name()).isNotBlank();
                            lines++;
                            quantity += line.quantity();
                        }
                    }
                    assertThat(session.statementCount() - before).as(name + ": invoices, lines, tracks").isEqualTo(3);
                    assertThat(lines).isEqualTo(jdbcCount(chinook, name)).isGreaterThan(0);
                    assertThat(quantity).isGreaterThanOrEqualTo(lines);
                }
            }
        }
    }
}
