package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.IsolationLevel;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.CheckViolationException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.error.DeadlockException;
import dev.ashlar.core.error.ForeignKeyViolationException;
import dev.ashlar.core.error.NotNullViolationException;
import dev.ashlar.core.error.NumericOutOfRangeException;
import dev.ashlar.core.error.QueryTimeoutException;
import dev.ashlar.core.error.SerializationFailureException;
import dev.ashlar.core.error.SyntaxErrorException;
import dev.ashlar.core.error.UndefinedTableException;
import dev.ashlar.core.error.UniqueViolationException;
import dev.ashlar.core.error.ValueTooLongException;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each typed exception on each database, carrying the failed SQL and its parameters. */
class ErrorsTest {
    /** A parent and a child table with every kind of constraint. */
    static final class Schema {
        final MetaData md = new MetaData();
        final Column<Long> parentId = Column.of("id", bigInteger()).primaryKey();
        final Table parents = md.table("parents", parentId);
        final Column<Long> id = Column.of("id", bigInteger()).primaryKey();
        final Column<Long> parent = Column.of("parent_id", bigInteger()).references(parentId);
        final Column<String> code = Column.of("code", string(5)).notNull().unique();
        final Column<BigDecimal> amount = Column.of("amount", numeric(5, 2));
        final Column<Integer> qty = Column.of("qty", integer());
        final Table children = md.table("children", id, parent, code, amount, qty, CheckConstraint.of("qty_positive", "qty > 0"));
    }

    @AllDatabases
    void integrityViolationsAreTypedAndCarryTheSqlAndParameters(TestDatabase db) {
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            conn.execute(insertInto(s.children).set(s.code, "AAA"));

            DatabaseException unique = catchDb(() -> conn.execute(insertInto(s.children).set(s.code, "AAA")));
            assertThat(unique).isInstanceOf(UniqueViolationException.class);
            assertThat(unique.sql()).startsWith("INSERT INTO children");
            assertThat(unique.parameters()).containsExactly("AAA");
            assertThat(unique.getMessage()).contains("[SQL: INSERT INTO children").contains("[parameters: [AAA]]");

            DatabaseException fk = catchDb(() -> conn.execute(insertInto(s.children).set(s.code, "BBB").set(s.parent, 42L)));
            assertThat(fk).isInstanceOf(ForeignKeyViolationException.class);
            assertThat(fk.parameters()).contains(42L, "BBB");

            DatabaseException notNull = catchDb(() -> conn.execute(insertInto(s.children).set(s.qty, 1)));
            assertThat(notNull).isInstanceOf(NotNullViolationException.class);
            assertThat(notNull.sql()).startsWith("INSERT INTO children");

            DatabaseException check = catchDb(() -> conn.execute(insertInto(s.children).set(s.code, "CCC").set(s.qty, 0)));
            assertThat(check).isInstanceOf(CheckViolationException.class);
            assertThat(check.parameters()).contains("CCC", 0);

            DatabaseException updated = catchDb(() -> conn.execute(update(s.children).set(s.qty, -5).where(s.code.eq("AAA"))));
            assertThat(updated).isInstanceOf(CheckViolationException.class);
            assertThat(updated.sql()).startsWith("UPDATE children");
        }
    }

    @AllDatabases
    void valuesTooLongOrOutOfRange(TestDatabase db) {
        Schema s = new Schema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            if (!conn.dialect().enforcesStringLengths()) {
                // stored as given (SQLite): lengths are checked before SQL by the ORM's validation, not by the
                // database. NUMERIC(p, s) precision the dialect enforces either way.
                assertThat(conn.execute(insertInto(s.children).set(s.code, "TOOLONG"))).isEqualTo(1);
                assertThat(conn.sql("SELECT code FROM children WHERE code = 'TOOLONG'", Map.of()).list()).hasSize(1);
            } else {
                DatabaseException tooLong = catchDb(() -> conn.execute(insertInto(s.children).set(s.code, "TOOLONG")));
                assertThat(tooLong).isInstanceOf(ValueTooLongException.class);
                assertThat(tooLong.parameters()).containsExactly("TOOLONG");
            }

            DatabaseException range = catchDb(() -> conn.execute(insertInto(s.children).set(s.code, "X").set(s.amount, new BigDecimal("12345.67"))));
            assertThat(range).isInstanceOf(NumericOutOfRangeException.class);
            if (range.sql() != null) { // a dialect may refuse it while compiling, before there is SQL to carry (SQLite)
                assertThat(range.parameters()).contains(new BigDecimal("12345.67"));
            }
        }
    }

    @AllDatabases
    void syntaxErrorsAndUndefinedTables(TestDatabase db) {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            DatabaseException syntax = catchDb(() -> conn.executeSql("SELEC 1"));
            assertThat(syntax).isInstanceOf(SyntaxErrorException.class);
            assertThat(syntax.sql()).isEqualTo("SELEC 1");

            DatabaseException undefined = catchDb(() -> conn.sql("SELECT * FROM no_such_table WHERE id = :id", Map.of("id", 7)));
            assertThat(undefined).isInstanceOf(UndefinedTableException.class);
            assertThat(undefined.sql()).contains("no_such_table");
            assertThat(undefined.parameters()).containsExactly(7);
        }
    }

    @AllDatabases
    void connectingToNothingIsAConnectionException(TestDatabase db) {
        String url = db.vendor().unreachableUrl();
        long start = System.nanoTime();
        try (Engine engine = Engine.create(url, EngineOptions.defaults().connectTimeout(Duration.ofMillis(500)))) {
            // the driver's reason (refused, cannot open), not only the pool's "request timed out"
            assertThatThrownBy(engine::connect).isInstanceOf(ConnectionException.class)
                    .hasMessageNotContaining("Connection is not available")
                    .hasMessageMatching("(?is).*(refused|open|connect).*");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @AllDatabases
    void concurrentWritesFailWithSerializationOrDeadlockErrors(TestDatabase db) throws Exception {
        MetaData md = new MetaData();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
        Column<Integer> n = Column.of("n", integer());
        Table counters = md.table("counters", id, n);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection c = engine.connect()) {
                c.execute(insertInto(counters).set(id, 1L).set(n, 0));
                c.execute(insertInto(counters).set(id, 2L).set(n, 0));
            }
            if (!engine.dialect().serializableByLocking()) {
                // a snapshot: the write of a row that another connection changed after it was read fails at once
                try (Connection a = engine.connect(); Connection b = engine.connect(); Transaction tx = a.begin(IsolationLevel.SERIALIZABLE)) {
                    a.sql("SELECT n FROM counters WHERE id = 1", Map.of()).list();
                    b.execute(update(counters).set(n, 1).where(id.eq(1L)));
                    DatabaseException e = catchDb(() -> a.execute(update(counters).set(n, 2).where(id.eq(1L))));
                    assertThat(e).isInstanceOf(SerializationFailureException.class);
                    assertThat(e.sql()).startsWith("UPDATE counters");
                    if (e.sqlState() != null) { // SQLite has none: its result code says the same
                        assertThat(e.sqlState()).isEqualTo("40001");
                    }
                }
                try (Connection c = engine.connect()) {
                    assertThat(c.sql("SELECT n FROM counters WHERE id = 1", Map.of()).list().get(0).get(0)).isIn(1, 1L);
                }
                return;
            }
            // locks: each transaction locks one row, then asks for the other's. Whichever asks first waits
            // and the second closes the cycle, so no ordering between the two threads is needed.
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Connection a = engine.connect(); Connection b = engine.connect(); Transaction ta = a.begin(); Transaction tb = b.begin()) {
                a.execute(update(counters).set(n, 1).where(id.eq(1L)));
                b.execute(update(counters).set(n, 1).where(id.eq(2L)));
                Future<?> blocked = pool.submit(() -> a.execute(update(counters).set(n, 2).where(id.eq(2L))));
                List<Throwable> failures = new ArrayList<>();
                try {
                    b.execute(update(counters).set(n, 2).where(id.eq(1L)));
                } catch (DatabaseException e) {
                    failures.add(e);
                }
                try {
                    blocked.get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
                assertThat(failures).hasSize(1).first().isInstanceOf(DeadlockException.class);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Every database limits how long a statement waits for a lock another connection holds (SQLite's
     * busy timeout is the only time limit it has); a database whose dialect declares statement
     * timeouts also cuts a running statement short. Over either limit, the statement fails with a
     * {@link QueryTimeoutException} and writes nothing.
     */
    @AllDatabases
    void statementsOverTheirTimeLimitFailWithQueryTimeout(TestDatabase db) {
        MetaData md = new MetaData();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey().autoincrement(false);
        Column<Integer> n = Column.of("n", integer());
        Table counters = md.table("counters", id, n);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            try (Connection holder = engine.connect(); Connection waiter = engine.connect()) {
                holder.execute(insertInto(counters).set(id, 1L).set(n, 0));
                db.vendor().lockWaitLimit().forEach(waiter::executeSql);
                try (Transaction tx = holder.begin()) {
                    // the holder's write takes the lock and keeps it until its transaction ends, so the
                    // waiter's write waits in this same thread, without a second thread to coordinate
                    holder.execute(update(counters).set(n, 1).where(id.eq(1L)));
                    long start = System.nanoTime();
                    DatabaseException e = catchDb(() -> waiter.execute(update(counters).set(n, 2).where(id.eq(1L))));
                    assertThat(e).isInstanceOf(QueryTimeoutException.class);
                    assertThat(e.sql()).startsWith("UPDATE counters");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the limit set, not the database's default wait")
                            .isLessThan(Duration.ofSeconds(5));
                    tx.commit();
                }
            }
            assertThat(db.queryOne("SELECT n FROM counters WHERE id = 1")).as("the holder's write, not the waiter's").isEqualTo("1");

            if (engine.dialect().supportsStatementTimeouts()) {
                try (Connection conn = engine.connect()) {
                    List<String> statements = db.vendor().overTimeLimit();
                    statements.subList(0, statements.size() - 1).forEach(conn::executeSql);
                    assertThatThrownBy(() -> conn.executeSql(statements.get(statements.size() - 1))).isInstanceOf(QueryTimeoutException.class);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("could not read the counters table over JDBC", e);
        }
    }

    @Test
    void everyDatabaseErrorKindHasItsOwnExceptionType() {
        assertThat(DatabaseException.class).isAssignableFrom(UniqueViolationException.class);
        assertThat(new UniqueViolationException(new java.sql.SQLException("dup", "23505"), "INSERT x", List.of(1)).getMessage())
                .isEqualTo("dup\n[SQL: INSERT x]\n[parameters: [1]]");
    }

    private static DatabaseException catchDb(Runnable work) {
        try {
            work.run();
        } catch (DatabaseException e) {
            return e;
        }
        throw new AssertionError("expected a DatabaseException");
    }
}
