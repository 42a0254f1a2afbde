package dev.ashlar.compliance;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.testkit.TestDatabase;
import dev.ashlar.testkit.TestDatabases;
import dev.ashlar.testkit.TestSetupException;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The {@link SchemaRoundTrip round trip} on each of the three built-in databases, one property per
 * database so that each has its own number of tries and its own report line. A run of one database
 * named by the {@code ashlar.test.*} properties (a third-party dialect's) excludes this class and
 * runs {@link OneDatabaseRoundTripPropertyTest} instead.
 */
@AddLifecycleHook(PropertyDatabases.class)
class RoundTripPropertyTest {
    private static final Map<String, Engine> ENGINES = new TreeMap<>();
    private static final Map<String, TestDatabase> DATABASES = new TreeMap<>();
    private static final Map<String, int[]> CASES = new TreeMap<>();

    @BeforeContainer
    static void engines() {
        for (TestDatabase db : TestDatabases.all()) {
            DATABASES.put(db.name(), db);
            ENGINES.put(db.name(), Engine.create(db.url()));
            CASES.put(db.name(), new int[2]);
        }
    }

    @AfterContainer
    static void close() {
        CASES.forEach((database, n) -> System.out.println("round trip " + database + ": " + n[0] + " schemas, " + n[1] + " tables"));
        ENGINES.values().forEach(Engine::close);
        ENGINES.clear();
    }

    @Property(tries = 150)
    void sqlite(@ForAll Random random) {
        roundTrip("sqlite", random);
    }

    @Property(tries = 80)
    void postgresql(@ForAll Random random) {
        roundTrip("postgresql", random);
    }

    @Property(tries = 50)
    void mariadb(@ForAll Random random) {
        roundTrip("mariadb", random);
    }

    private static void roundTrip(String database, Random random) {
        TestDatabase db = DATABASES.get(database);
        if (db == null) { // only under CI=true, where PropertyDatabases does not skip
            throw new TestSetupException("CI=true and this run has no " + database + " database: RoundTripPropertyTest runs on the three"
                    + " built-in databases; a run of one database excludes it and runs OneDatabaseRoundTripPropertyTest");
        }
        int tables = SchemaRoundTrip.check(db, ENGINES.get(database), random);
        CASES.get(database)[0]++;
        CASES.get(database)[1] += tables;
    }
}
