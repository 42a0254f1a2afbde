package dev.ashlar.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.CheckViolationException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.reflect.IndexInfo;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-column unique constraints, indexes and CHECK constraints declared on the model class. */
class ModelConstraintsTest {

    @Model(table = "loans")
    @UniqueTogether({"memberId", "copyId"})
    @IndexOn({"copyId", "dueDay"})
    @IndexOn(value = "ticket", unique = true, name = "loans_by_ticket")
    @Check(name = "due_after_loan", sql = "due_day >= loan_day")
    static class Loan {
        @Id Long id;
        @Required Long memberId;
        @Required Long copyId;
        @Required Integer loanDay;
        @Required Integer dueDay;
        @Length(20) String ticket;

        Loan() {
        }

        Loan(long memberId, long copyId, int loanDay, int dueDay, String ticket) {
            this.memberId = memberId;
            this.copyId = copyId;
            this.loanDay = loanDay;
            this.dueDay = dueDay;
            this.ticket = ticket;
        }
    }

    @AllDatabases
    void createAllMakesTheModelsConstraintsAndTheDatabaseEnforcesThem(TestDatabase db) throws Exception {
        ModelRegistry models = new ModelRegistry(new MetaData());
        ModelMapping<Loan> loans = models.of(Loan.class);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, models.metadata());
            try (Connection conn = engine.connect()) {
                Inspector inspector = Inspector.of(conn);
                assertThat(inspector.indexes("loans")).contains(
                        new IndexInfo("ix_loans_copy_id_due_day", List.of("copy_id", "due_day"), false),
                        new IndexInfo("loans_by_ticket", List.of("ticket"), true));
                // A unique constraint is reported as a constraint where the database keeps it apart from
                // indexes (PostgreSQL, MariaDB), and as a unique index on SQLite.
                List<List<String>> uniqueKeys = java.util.stream.Stream.concat(
                        inspector.uniqueConstraints("loans").stream().filter(u -> u.name().equals("uq_loans_member_id_copy_id"))
                                .map(dev.ashlar.core.reflect.UniqueInfo::columns),
                        inspector.indexes("loans").stream().filter(i -> i.name().equals("uq_loans_member_id_copy_id") && i.unique())
                                .map(IndexInfo::columns)).toList();
                assertThat(uniqueKeys).containsExactly(List.of("member_id", "copy_id"));

                loans.insert(conn, new Loan(1, 10, 5, 19, "T-1"));
                loans.insert(conn, new Loan(1, 11, 5, 19, "T-2"));
                assertThatThrownBy(() -> loans.insert(conn, new Loan(1, 10, 6, 20, "T-3")))
                        .isInstanceOf(UniqueViolationException.class);
                assertThatThrownBy(() -> loans.insert(conn, new Loan(2, 10, 6, 20, "T-1")))
                        .isInstanceOf(UniqueViolationException.class);
                assertThatThrownBy(() -> loans.insert(conn, new Loan(3, 12, 9, 8, "T-4")))
                        .isInstanceOf(CheckViolationException.class)
                        .hasMessageContaining("ck_loans_due_after_loan");
            }
        }
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT member_id, copy_id, ticket FROM loans ORDER BY ticket")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getLong(1)).append('/').append(rs.getLong(2)).append('/').append(rs.getString(3)).append(' ');
            }
            assertThat(rows.toString().trim()).isEqualTo("1/10/T-1 1/11/T-2");
        }
    }

    @Test
    void theModelsDdlHoldsItsClassLevelConstraints() {
        ModelRegistry models = new ModelRegistry(new MetaData());
        models.of(Loan.class);
        assertThat(SchemaDdl.createStatements(models.metadata(), Dialects.forScheme("postgresql")))
                .anySatisfy(s -> assertThat(s).contains("CONSTRAINT uq_loans_member_id_copy_id UNIQUE (member_id, copy_id)")
                        .contains("CONSTRAINT ck_loans_due_after_loan CHECK (due_day >= loan_day)"))
                .contains("CREATE INDEX ix_loans_copy_id_due_day ON loans (copy_id, due_day)",
                        "CREATE UNIQUE INDEX loans_by_ticket ON loans (ticket)");
    }

    @Model(table = "bad_loans")
    @UniqueTogether({"memberId", "member_id"})
    @IndexOn({})
    @IndexOn({"shelf", "shelf"})
    @Check(name = "x", sql = " ")
    static class BadLoan {
        @Id Long id;
        Long memberId;
        Integer shelf;
        @Transient String note;
    }

    @Test
    void constraintsNamingUnknownFieldsFailWithEveryProblemListed() {
        ModelRegistry models = new ModelRegistry(new MetaData());
        assertThatThrownBy(() -> models.of(BadLoan.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("BadLoan: @UniqueTogether({\"memberId\", \"member_id\"}) names 'member_id', which is not a mapped"
                        + " field of BadLoan (name Java fields, not columns); its mapped fields are [id, memberId, shelf]")
                .hasMessageContaining("BadLoan: @IndexOn({}) names no field")
                .hasMessageContaining("BadLoan: @IndexOn({\"shelf\", \"shelf\"}) names 'shelf' twice")
                .hasMessageContaining("BadLoan: @Check(name = \"x\") needs its condition in sql");
        assertThat(models.metadata().get("bad_loans")).as("nothing half made").isNull();
    }
}
