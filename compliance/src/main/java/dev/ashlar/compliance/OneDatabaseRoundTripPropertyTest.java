package dev.ashlar.compliance;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import dev.ashlar.testkit.TestSetupException;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The {@link SchemaRoundTrip round trip} on the one database of a run that names it by the
 * {@code ashlar.test.*} properties, as a third-party dialect's build runs the suite (Ashlar's
 * {@code one-database} execution runs it on a SQLite file). A run on the three built-in databases
 * excludes this class and runs {@link RoundTripPropertyTest} instead.
 */
class OneDatabaseRoundTripPropertyTest {
    private static TestDatabase database;
    private static Engine engine;
    private static int schemas;
    private static int tables;

    @BeforeContainer
    static void engine() {
        List<TestDatabase> all = TestDatabases.all();
        if (all.size() != 1) {
            throw new TestSetupException("OneDatabaseRoundTripPropertyTest runs on the one database that " + TestDatabases.URL
                    + " names, but this run has " + all + "; a run on the built-in databases excludes it and runs RoundTripPropertyTest");
        }
        database = all.get(0);
        engine = Engine.create(database.url());
    }

    @AfterContainer
    static void close() {
        if (engine != null) {
            System.out.println("round trip " + database + ": " + schemas + " schemas, " + tables + " tables");
            engine.close();
        }
    }

    @Property(tries = 50)
    void roundTrip(@ForAll Random random) {
        tables += SchemaRoundTrip.check(database, engine, random);
        schemas++;
    }
}
