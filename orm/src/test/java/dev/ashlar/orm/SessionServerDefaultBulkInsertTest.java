package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.DatabaseDefault;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.Required;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * New rows that differ only in which server-defaulted columns they set still travel together: one
 * multi-row INSERT per shape and chunk, not one statement per change of shape (issue 13 item 5:
 * 30,000 rows once went out as 14,349 INSERTs).
 */
class SessionServerDefaultBulkInsertTest {
    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    static {
        REGISTRY.of(Hold.class);
    }

    @Model(table = "holds")
    static class Hold {
        @Id Long id;
        @Required @Length(40) String patron;
        @DatabaseDefault("waiting") @Length(10) String status;
        @DatabaseDefault("3") Integer priority;

        Hold() {
        }

        Hold(String patron, String status, Integer priority) {
            this.patron = patron;
            this.status = status;
            this.priority = priority;
        }
    }

    private static final int ROWS = 30_000;

    @AllDatabases
    void rowsSettingDifferentDefaultedColumnsShareMultiRowInserts(TestDatabase db) throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        List<Hold> holds = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            String status = random.nextBoolean() ? "ready" : null;
            Integer priority = random.nextInt(3) == 0 ? i % 10 : null;
            holds.add(new Hold("p" + i, status, priority));
            expected.put("p" + i, (status == null ? "waiting" : status) + "|" + (priority == null ? 3 : priority));
        }
        long statements;
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, REGISTRY.metadata());
            try (Session session = Session.open(engine, SessionOptions.strict().registry(REGISTRY))) {
                session.addAll(holds);
                long before = session.statementCount();
                session.commit();
                statements = session.statementCount() - before;
            }
        }
        System.out.println("[" + db.kind().id() + "] " + ROWS + " new rows in 4 shapes of defaulted columns: " + statements + " statements");
        // four shapes (status and priority each set or left to the database), each in chunks of 1,000 rows
        assertThat(statements).isLessThanOrEqualTo(ROWS / 1_000 + 4);
        Map<String, String> returned = new HashMap<>();
        Map<Long, String> patronById = new HashMap<>();
        for (Hold h : holds) {
            returned.put(h.patron, h.status + "|" + h.priority);
            patronById.put(h.id, h.patron);
        }
        assertThat(returned).as("values the database filled in came back").isEqualTo(expected);
        assertThat(patronById).as("every row got its own key").hasSize(ROWS).doesNotContainKey(null);

        Map<String, String> stored = new HashMap<>();
        Map<Long, String> storedPatronById = new HashMap<>();
        try (Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT id, patron, status, priority FROM holds")) {
            while (rs.next()) {
                storedPatronById.put(rs.getLong(1), rs.getString(2));
                stored.put(rs.getString(2), rs.getString(3) + "|" + rs.getInt(4));
            }
        }
        assertThat(stored).as("server defaults applied where the object left the field null").isEqualTo(expected);
        assertThat(storedPatronById).isEqualTo(patronById);
    }
}
