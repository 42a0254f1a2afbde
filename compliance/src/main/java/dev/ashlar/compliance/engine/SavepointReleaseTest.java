package dev.ashlar.compliance.engine;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.ExecutionListener;
import dev.ashlar.core.engine.StatementEvent;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A released savepoint's {@code RELEASE SAVEPOINT} waits for the next savepoint and goes with it in
 * one round trip, or is made needless by the end of the enclosing transaction. What the database
 * holds must be what it would hold had each release been sent at once, and the server must not keep
 * the released savepoints.
 */
class SavepointReleaseTest {
    private final MetaData md = new MetaData();
    private final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
    private final Table rows = md.table("savepoint_rows", id);

    /** The SQL of every statement, as the listeners see them end. */
    static final class Sent implements ExecutionListener {
        final List<String> sql = new ArrayList<>();

        @Override
        public void statementEnded(StatementEvent event) {
            sql.add(event.sql());
        }
    }

    @AllDatabases
    void releasedSavepointsKeepTheirWorkAndTheirReleaseGoesWithTheNextSavepoint(TestDatabase db) {
        Sent sent = new Sent();
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().listener(sent))) {
            SchemaDdl.createAll(engine, md);
            try (Connection conn = engine.connect()) {
                sent.sql.clear();
                try (Transaction tx = conn.begin()) {
                    // As a session that flushes every so many objects: a savepoint per flush, released on success.
                    for (long i = 1; i <= 100; i++) {
                        try (Transaction flush = conn.begin()) {
                            conn.execute(insertInto(rows).set(id, i));
                            flush.commit();
                        }
                        conn.query(select(id).from(rows).where(id.eq(i))).list(); // a statement between two savepoints
                    }
                    try (Transaction failed = conn.begin()) {
                        conn.execute(insertInto(rows).set(id, 1000L));
                        failed.rollback();
                    }
                    tx.commit();
                }
            }
            try (Connection conn = engine.connect()) {
                List<Long> kept = conn.query(select(id).from(rows).orderBy(id.asc())).map(row -> row.get(id));
                assertThat(kept).as("every released savepoint's row, not the rolled back one").hasSize(100).startsWith(1L).endsWith(100L);
            }
        }
        // Data statements by their first word, control statements as sent.
        List<String> sequence = sent.sql.stream().map(sql -> sql.startsWith("INSERT") || sql.startsWith("SELECT") ? sql.split(" ")[0] : sql).toList();
        assertThat(sequence).as("the release waits for the next savepoint, after the statement between them")
                .startsWith("BEGIN", "SAVEPOINT ashlar_sp_1", "INSERT", "SELECT", "RELEASE SAVEPOINT ashlar_sp_1", "SAVEPOINT ashlar_sp_2", "INSERT");
        assertThat(sequence).endsWith("SELECT", "RELEASE SAVEPOINT ashlar_sp_100", "SAVEPOINT ashlar_sp_101", "INSERT",
                "ROLLBACK TO SAVEPOINT ashlar_sp_101", "COMMIT", "SELECT");
        assertThat(sequence).as("one RELEASE per savepoint released before the next began")
                .filteredOn(sql -> sql.startsWith("RELEASE")).hasSize(100);
    }

    @AllDatabases
    void theServerHoldsNoSavepointThatWasReleasedBeforeTheNextBegan(TestDatabase db) throws SQLException {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection conn = engine.connect(); Transaction tx = conn.begin()) {
                try (Transaction first = conn.begin()) {
                    conn.execute(insertInto(rows).set(id, 1L));
                    first.commit();
                }
                try (Transaction second = conn.begin()) {
                    assertThatThrownBy(() -> conn.jdbc().createStatement().execute("ROLLBACK TO SAVEPOINT ashlar_sp_1"))
                            .as("the first savepoint was released on the server, with the second's SAVEPOINT")
                            .isInstanceOf(SQLException.class);
                }
                tx.rollback();
            }
        }
    }
}
