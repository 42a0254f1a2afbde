package dev.ashlar.compliance;

import static dev.ashlar.core.types.Types.bigInteger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/** A metadata whose foreign keys lead to a table it does not hold is refused, not half created. */
class SchemaCompletenessTest {
    private final MetaData members = new MetaData();
    private final Column<Long> memberId = Column.of("id", bigInteger()).primaryKey();
    private final MetaData loans = new MetaData();
    private final Column<Long> loanId = Column.of("id", bigInteger()).primaryKey();
    private final Column<Long> loanMember = Column.of("member_id", bigInteger()).references(memberId);

    SchemaCompletenessTest() {
        members.table("members", memberId);
        loans.table("loans", loanId, loanMember);
    }

    @Test
    void ddlTextForAMetadataMissingAReferencedTableIsRefused() {
        assertThatThrownBy(() -> SchemaDdl.createStatements(loans, Dialects.forScheme("postgresql")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("table loans has foreign key fk_loans_member_id_members to table members,"
                        + " which is not in the metadata given")
                .hasMessageContaining("Models.discover()");
    }

    @AllDatabases
    void createAllOfAMetadataMissingAReferencedTableCreatesNothing(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            assertThatThrownBy(() -> SchemaDdl.createAll(engine, loans)).isInstanceOf(ConfigurationException.class);
            try (var conn = engine.connect()) {
                assertThat(Inspector.of(conn).tableNames()).isEmpty();
            }
            SchemaDdl.createAll(engine, members);
            try (var conn = engine.connect()) {
                assertThat(Inspector.of(conn).tableNames()).containsExactly("members");
            }
        }
    }
}
