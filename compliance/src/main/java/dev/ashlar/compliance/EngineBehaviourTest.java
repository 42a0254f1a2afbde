package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.IsolationLevel;
import dev.ashlar.core.engine.StatementListener;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConnectionClosedException;
import dev.ashlar.core.error.UndefinedTableException;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine: pooling, SQLite's settings and shared in-memory database, transactions, isolation, echo. */
class EngineBehaviourTest {
    /** A one-table schema for transaction tests. */
    static final class Notes {
        final MetaData md = new MetaData();
        final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        final Column<String> text = Column.of("text", string(100)).notNull();
        final Table notes = md.table("notes", id, text);

        List<String> texts(Connection conn) {
            return conn.query(select(text).from(notes).orderBy(id)).map(r -> r.get(text));
        }
    }

    @Test
    void sqliteFilesRunInWalModeWithABusyTimeoutAndForeignKeys(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("wal.db")); Connection conn = engine.connect()) {
            assertThat(pragma(conn, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(conn, "busy_timeout")).isEqualTo("10000");
            assertThat(pragma(conn, "foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void relativeSqlitePathsResolveAgainstTheWorkingDirectory() throws Exception {
        String name = "target/ashlar-relative-" + UUID.randomUUID() + ".db";
        Path expected = Path.of(System.getProperty("user.dir")).resolve(name);
        try (Engine engine = Engine.create("sqlite:///" + name, EngineOptions.echo()); Connection conn = engine.connect()) {
            conn.executeSql("CREATE TABLE t (x INTEGER)");
            assertThat(engine.url().toString()).isEqualTo("sqlite:///" + name);
        } finally {
            assertThat(expected).exists();
            Files.deleteIfExists(expected);
            Files.deleteIfExists(Path.of(expected + "-wal"));
            Files.deleteIfExists(Path.of(expected + "-shm"));
        }
    }

    @Test
    void inMemorySqliteIsSharedByTheEngineAndGoneWithIt() {
        try (Engine engine = Engine.create("sqlite://")) {
            try (Connection first = engine.connect(); Connection second = engine.connect()) {
                assertThat(first.jdbc()).isNotSameAs(second.jdbc());
                first.executeSql("CREATE TABLE shared (x INTEGER)");
                first.executeSql("INSERT INTO shared VALUES (42)");
                assertThat(second.sql("SELECT x FROM shared", Map.of()).one().get(0)).isEqualTo(42);
                assertThat(pragma(first, "foreign_keys")).isEqualTo("1");
            }
            // every pooled connection closed: the database lives on while the engine does
            try (Connection later = engine.connect()) {
                assertThat(Inspector.of(later).tableNames()).containsExactly("shared");
            }
        }
        try (Engine fresh = Engine.create("sqlite://"); Connection conn = fresh.connect()) {
            assertThat(Inspector.of(conn).tableNames()).isEmpty();
            assertThatThrownBy(() -> conn.executeSql("SELECT * FROM shared")).isInstanceOf(UndefinedTableException.class);
        }
    }

    @AllDatabases
    void connectionsArePooled(TestDatabase db) {
        // the server's own id of each session, where there is a server (an embedded database has none)
        String whoAmI = db.vendor().sessionId().orElse(null);
        try (Engine engine = Engine.create(db.url(), EngineOptions.defaults().poolSize(2))) {
            Object first;
            java.sql.Connection physical;
            try (Connection conn = engine.connect()) {
                physical = unwrap(conn);
                first = whoAmI == null ? null : conn.sql(whoAmI, Map.of()).one().get(0);
            }
            try (Connection again = engine.connect(); Connection other = engine.connect()) {
                // the one idle connection is handed out again; a second one is opened next to it
                java.sql.Connection a = unwrap(again);
                java.sql.Connection b = unwrap(other);
                assertThat(List.of(a, b)).contains(physical);
                assertThat(a).isNotSameAs(b);
                if (whoAmI != null) {
                    Object x = again.sql(whoAmI, Map.of()).one().get(0);
                    Object y = other.sql(whoAmI, Map.of()).one().get(0);
                    assertThat(List.of(x, y)).contains(first).doesNotHaveDuplicates();
                }
            }
        }
    }

    @AllDatabases
    void commitRollbackAndRollbackOnException(TestDatabase db) {
        Notes n = new Notes();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, n.md);
            try (Connection conn = engine.connect()) {
                try (Transaction tx = conn.begin()) {
                    conn.execute(insertInto(n.notes).set(n.text, "committed"));
                    tx.commit();
                }
                try (Transaction tx = conn.begin()) {
                    conn.execute(insertInto(n.notes).set(n.text, "rolled back"));
                    tx.rollback();
                }
                assertThatThrownBy(() -> {
                    try (Transaction tx = conn.begin()) {
                        conn.execute(insertInto(n.notes).set(n.text, "thrown away"));
                        throw new IllegalStateException("boom");
                    }
                }).hasMessage("boom");
                assertThat(conn.inTransaction()).isFalse();
                assertThatThrownBy(() -> engine.inTransaction(c -> {
                    c.execute(insertInto(n.notes).set(n.text, "also thrown away"));
                    throw new IllegalStateException("bang");
                })).hasMessage("bang");
                engine.inTransaction(c -> c.execute(insertInto(n.notes).set(n.text, "via engine")));
            }
            // seen from outside Ashlar
            assertThat(jdbcTexts(db)).containsExactly("committed", "via engine");
        }
    }

    @AllDatabases
    void aConnectionTellsWhetherItIsInATransactionAndWhetherItIsClosed(TestDatabase db) {
        Notes n = new Notes();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, n.md);
            Connection conn = engine.connect();
            assertThat(conn.inTransaction()).isFalse();
            try (Transaction outer = conn.begin()) {
                assertThat(conn.inTransaction()).isTrue();
                try (Transaction inner = conn.begin()) {
                    assertThat(conn.inTransaction()).isTrue();
                    inner.commit();
                }
                assertThat(conn.inTransaction()).isTrue();
                outer.rollback();
            }
            assertThat(conn.inTransaction()).isFalse();
            conn.begin();
            assertThat(conn.isClosed()).isFalse();
            conn.close();
            // closing rolled the open transaction back, so the closed connection is in none
            assertThat(conn.isClosed()).isTrue();
            assertThat(conn.inTransaction()).isFalse();
            assertThatThrownBy(() -> n.texts(conn)).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("connection is closed");
            assertThatThrownBy(conn::begin).isInstanceOf(ConnectionClosedException.class);
        }
    }

    @AllDatabases
    void aStatementListenerCanBeReadBackToBeChainedAndRestored(TestDatabase db) {
        Notes n = new Notes();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(engine, n.md);
            List<String> seen = new java.util.ArrayList<>();
            StatementListener first = (sql, batch) -> seen.add("first: " + sql);
            conn.statementListener(first);
            assertThat(conn.statementListener()).isSameAs(first);
            StatementListener previous = conn.statementListener();
            conn.statementListener((sql, batch) -> {
                seen.add("second");
                previous.executed(sql, batch);
            });
            n.texts(conn);
            conn.statementListener(previous);
            n.texts(conn);
            conn.statementListener(null);
            assertThat(conn.statementListener()).isNull();
            n.texts(conn);
            assertThat(seen).hasSize(3);
            assertThat(seen.get(0)).isEqualTo("second");
            assertThat(seen.get(1)).startsWith("first: SELECT");
            assertThat(seen.get(2)).isEqualTo(seen.get(1));
        }
    }

    @AllDatabases
    void nestedTransactionsAreSavepoints(TestDatabase db) {
        Notes n = new Notes();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, n.md);
            try (Connection conn = engine.connect(); Transaction outer = conn.begin()) {
                conn.execute(insertInto(n.notes).set(n.text, "outer before"));
                try (Transaction inner = conn.begin()) {
                    assertThat(inner.isNested()).isTrue();
                    conn.execute(insertInto(n.notes).set(n.text, "inner rolled back"));
                    inner.rollback();
                }
                try (Transaction inner = conn.begin()) {
                    conn.execute(insertInto(n.notes).set(n.text, "inner kept"));
                    try (Transaction innermost = conn.begin()) {
                        conn.execute(insertInto(n.notes).set(n.text, "innermost dropped by close"));
                    }
                    inner.commit();
                }
                conn.execute(insertInto(n.notes).set(n.text, "outer after"));
                assertThat(n.texts(conn)).containsExactly("outer before", "inner kept", "outer after");
                outer.commit();
            }
            assertThat(jdbcTexts(db)).containsExactly("outer before", "inner kept", "outer after");
            try (Connection conn = engine.connect()) {
                try (Transaction outer = conn.begin()) {
                    conn.execute(insertInto(n.notes).set(n.text, "gone with outer"));
                    try (Transaction inner = conn.begin()) {
                        conn.execute(insertInto(n.notes).set(n.text, "released, then gone"));
                        inner.commit();
                    }
                    outer.rollback();
                }
            }
            assertThat(jdbcTexts(db)).containsExactly("outer before", "inner kept", "outer after");
        }
    }

    @AllDatabases
    void isolationLevelsAreSetAndRestored(TestDatabase db) throws java.sql.SQLException {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Dialect dialect = conn.dialect();
            assertThat(dialect.isolationLevels()).contains(dialect.defaultIsolationLevel());
            String defaultLevel = isolation(db, conn);
            assertThat(defaultLevel).as("the default level").isEqualTo(words(dialect.defaultIsolationLevel()));
            for (IsolationLevel level : dialect.isolationLevels()) {
                try (Transaction tx = conn.begin(level)) {
                    assertThat(isolation(db, conn)).isEqualTo(words(level));
                    tx.commit();
                }
                assertThat(isolation(db, conn)).as("restored after %s", level).isEqualTo(defaultLevel);
            }
            try (Transaction tx = conn.begin()) {
                assertThatThrownBy(() -> conn.begin(IsolationLevel.SERIALIZABLE)).hasMessageContaining("isolation");
            }
        }
    }

    /** The level as SQL spells it, in lower case: {@code read committed}. */
    private static String words(IsolationLevel level) {
        return level.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    @AllDatabases
    void echoLogsEveryStatementWithParametersTimeAndRowCount(TestDatabase db) {
        Notes n = new Notes();
        String log = captureStderr(() -> {
            try (Engine engine = Engine.create(db.url(), EngineOptions.echo())) {
                SchemaDdl.createAll(engine, n.md);
                try (Connection conn = engine.connect()) {
                    try (Transaction tx = conn.begin()) {
                        conn.execute(insertInto(n.notes).set(n.text, "echoed"));
                        tx.commit();
                    }
                    try (Transaction tx = conn.begin()) {
                        conn.execute(insertInto(n.notes).set(n.text, "undone"));
                    }
                    assertThat(n.texts(conn)).containsExactly("echoed");
                }
            }
        });
        assertThat(log).contains("ashlar.engine");
        assertThat(lines(log, "ashlar.engine")).anyMatch(l -> l.endsWith("BEGIN")).anyMatch(l -> l.endsWith("COMMIT"))
                .anyMatch(l -> l.endsWith("ROLLBACK")).anyMatch(l -> l.contains("CREATE TABLE notes"))
                .anyMatch(l -> l.contains("INSERT INTO notes"))
                .anyMatch(l -> l.matches(".*\\[\\d+\\.\\d{3} ms, 1 rows affected\\] \\('echoed'\\)"))
                .anyMatch(l -> l.contains("SELECT notes.text FROM notes") || l.contains("SELECT text FROM notes"))
                .anyMatch(l -> l.matches(".*\\[\\d+\\.\\d{3} ms, 1 rows\\] \\(\\)"));

        String quiet = captureStderr(() -> {
            try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect(); Transaction tx = conn.begin()) {
                conn.execute(insertInto(n.notes).set(n.text, "silent"));
                n.texts(conn);
                tx.commit();
            }
        });
        assertThat(quiet).doesNotContain("ashlar.engine");
    }

    private static List<String> lines(String log, String logger) {
        return log.lines().filter(l -> l.contains(logger)).map(String::strip).toList();
    }

    private static String captureStderr(Runnable work) {
        PrintStream before = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // slf4j-simple looks System.err up for every message, so the swap catches the engine's log
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(before);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        before.print(out);
        return out;
    }

    /** The isolation level the database reports for the session behind {@code conn}. */
    private static String isolation(TestDatabase db, Connection conn) throws java.sql.SQLException {
        return db.vendor().isolation(conn.jdbc());
    }

    private static String pragma(Connection conn, String name) {
        return String.valueOf(conn.sql("PRAGMA " + name, Map.of()).one().get(0));
    }

    private static java.sql.Connection unwrap(Connection conn) {
        try {
            return conn.jdbc().unwrap(java.sql.Connection.class);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> jdbcTexts(TestDatabase db) {
        try (var c = db.openJdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT text FROM notes ORDER BY id")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
