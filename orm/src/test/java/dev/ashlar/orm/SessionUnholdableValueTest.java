package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UnstorableValueException;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.DatabaseKind;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;

/** A NaN saved through the session: kept by PostgreSQL, refused by SQLite and MariaDB with nothing written. */
class SessionUnholdableValueTest {
    @Model(table = "reading")
    static class Reading {
        @Id Long id;
        String label;
        Double value;

        Reading() {
        }
    }

    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        REGISTRY.of(Reading.class);
    }

    @AllDatabases
    void aNanIsKeptWhereTheDatabaseCanAndRefusedWithNothingWrittenElsewhere(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            try (Session session = Session.open(engine, SessionOptions.defaults().registry(REGISTRY))) {
                Reading fine = new Reading();
                fine.label = "fine";
                fine.value = 1.5;
                Reading nan = new Reading();
                nan.label = "nan";
                nan.value = Double.NaN;
                session.add(fine);
                session.add(nan);
                if (db.kind() == DatabaseKind.POSTGRESQL) {
                    session.commit();
                } else {
                    UnstorableValueException e = catchThrowableOfType(session::commit, UnstorableValueException.class);
                    assertThat(e.getMessage()).contains("NaN", db.kind().id(), "cannot hold");
                    session.rollback();
                }
            }
        }
        try (Connection jdbc = db.openJdbc(); ResultSet rs = jdbc.createStatement().executeQuery("SELECT count(*) FROM reading")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(db.kind() == DatabaseKind.POSTGRESQL ? 2 : 0);
        }
    }
}
