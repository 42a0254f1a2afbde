package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Transient;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;

/**
 * Objects read by the session are made by the code the annotation processor generated for the model
 * ({@code Gauge_.Factory}) where it can reach the model's constructor and fields, and by method
 * handles where it cannot (private fields); both give the same objects from the same rows.
 */
class SessionGeneratedFactoryTest {
    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        for (Class<?> c : List.of(Gauge.class, SealedGauge.class, Reading.class)) {
            REGISTRY.of(c);
        }
    }

    enum Mood { CALM, STORMY }

    @Model(table = "gauge")
    static class Gauge {
        @Id Long id;
        @Length(40) String label;
        int count;
        Double weight;
        boolean flag;
        Mood mood;
    }

    /** The same columns in private fields, made through a private constructor: no generated factory can reach them. */
    @Model(table = "sealed_gauge")
    static final class SealedGauge {
        @Id private Long id;
        @Length(40) private String label;
        private int count;
        private Double weight;
        private boolean flag;
        private Mood mood;

        private SealedGauge() {
        }
    }

    @Model(table = "gauge_reading")
    record Reading(@Id Long id, @Transient String note, @Length(40) String label, int count, @Transient int scratch, Mood mood) {
    }

    private static void insertRows(TestDatabase db, String table) throws Exception {
        try (Connection c = db.openJdbc();
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, label, count, weight, flag, mood) VALUES (?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            for (int i = 1; i <= 3; i++) {
                insert.setLong(1, i);
                insert.setString(2, i == 3 ? null : "g" + i);
                insert.setInt(3, i * 10);
                if (i == 2) {
                    insert.setNull(4, Types.DOUBLE);
                } else {
                    insert.setDouble(4, i * 0.25);
                }
                insert.setBoolean(5, i % 2 == 1);
                insert.setString(6, i == 2 ? "STORMY" : "CALM");
                insert.executeUpdate();
            }
        }
    }

    private static String describe(Long id, String label, int count, Double weight, boolean flag, Mood mood) {
        return id + "|" + label + "|" + count + "|" + weight + "|" + flag + "|" + mood;
    }

    @AllDatabases
    void generatedFactoriesAndHandlesMakeTheSameObjectsFromTheSameRows(TestDatabase db) throws Exception {
        assertThat(REGISTRY.of(Gauge.class).usesGeneratedFactory()).as("package-private fields and constructor").isTrue();
        assertThat(REGISTRY.of(Reading.class).usesGeneratedFactory()).as("a record with @Transient components").isTrue();
        assertThat(REGISTRY.of(SealedGauge.class).usesGeneratedFactory()).as("private fields").isFalse();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            insertRows(db, "gauge");
            insertRows(db, "sealed_gauge");
            try (Connection c = db.openJdbc()) {
                c.setAutoCommit(true);
                c.createStatement().executeUpdate("INSERT INTO gauge_reading (id, label, count, mood) VALUES (1, 'r1', 7, 'STORMY'), (2, NULL, 0, 'CALM')");
            }
            List<String> expected = List.of(describe(1L, "g1", 10, 0.25, true, Mood.CALM), describe(2L, "g2", 20, null, false, Mood.STORMY),
                    describe(3L, null, 30, 0.75, true, Mood.CALM));
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                List<Gauge> gauges = session.select(Gauge.class).orderBy(REGISTRY.of(Gauge.class).column("id")).list();
                assertThat(gauges).extracting(g -> describe(g.id, g.label, g.count, g.weight, g.flag, g.mood)).containsExactlyElementsOf(expected);
                List<SealedGauge> sealed = session.select(SealedGauge.class).orderBy(REGISTRY.of(SealedGauge.class).column("id")).list();
                assertThat(sealed).extracting(g -> describe(g.id, g.label, g.count, g.weight, g.flag, g.mood)).containsExactlyElementsOf(expected);
                List<Reading> readings = session.select(Reading.class).orderBy(REGISTRY.of(Reading.class).column("id")).list();
                assertThat(readings).containsExactly(new Reading(1L, null, "r1", 7, 0, Mood.STORMY), new Reading(2L, null, null, 0, 0, Mood.CALM));
                // the objects made by the generated code are tracked as any other: a change is flushed
                gauges.get(1).weight = 1.5;
                session.commit();
            }
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                assertThat(session.get(Gauge.class, 2L).weight).isEqualTo(1.5);
            }
        }
    }
}
