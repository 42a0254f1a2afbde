package dev.ashlar.orm;

import static dev.ashlar.core.sql.Sql.insertInto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.error.ConnectionClosedException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.orm.Inventory.Item;
import dev.ashlar.orm.Inventory.Supplier;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** A session on a connection the caller holds: it never closes it, and nests its transactions in the caller's. */
class SessionOnConnectionTest {
    private static final Table SUPPLIER = Inventory.REGISTRY.of(Supplier.class).table();
    private static final Column<String> SUPPLIER_NAME = SUPPLIER.column("name", String.class);

    /** The values of the first column of {@code sql}, read through plain JDBC on a fresh connection. */
    private static List<String> jdbc(TestDatabase db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @AllDatabases
    void withoutACallersTransactionTheSessionCommitsItsOwn(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inventory.createSchema(engine);
            try (Session session = Session.open(conn, Inventory.options())) {
                session.add(new Item("Widget", "9.99"));
                session.flush();
                assertThat(conn.inTransaction()).as("the session began a transaction at its first write").isTrue();
                assertThat(jdbc(db, "SELECT name FROM item")).as("not committed yet").isEmpty();
                session.commit();
                assertThat(conn.inTransaction()).isFalse();
            }
            assertThat(jdbc(db, "SELECT name FROM item")).containsExactly("Widget");
            assertThat(conn.isClosed()).as("closing the session leaves the caller's connection open").isFalse();
            conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "after the session"));
            assertThat(jdbc(db, "SELECT name FROM supplier")).containsExactly("after the session");
        }
    }

    @AllDatabases
    void closingTheSessionRollsBackItsOwnTransactionButLeavesTheConnectionOpen(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inventory.createSchema(engine);
            try (Session session = Session.open(conn, Inventory.options())) {
                session.add(new Item("Never committed", "1.00"));
                session.flush();
            }
            assertThat(conn.inTransaction()).isFalse();
            assertThat(jdbc(db, "SELECT name FROM item")).isEmpty();
            try (Session session = Session.open(conn, Inventory.options())) {
                assertThat(session.select(Item.class).list()).isEmpty();
            }
        }
    }

    @AllDatabases
    void insideTheCallersTransactionTheCallerDecides(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inventory.createSchema(engine);
            try (Transaction outer = conn.begin()) {
                conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "core, rolled back"));
                try (Session session = Session.open(conn, Inventory.options())) {
                    Item item = new Item("Rolled back with the caller", "1.00");
                    session.add(item);
                    session.commit();
                    assertThat(item.id).isNotNull();
                    assertThat(conn.inTransaction()).as("the caller's transaction is still open").isTrue();
                    // the caller sees the session's work in its transaction
                    assertThat(conn.sql("SELECT count(*) FROM item", java.util.Map.of()).one().get(0).toString()).isEqualTo("1");
                }
                assertThat(jdbc(db, "SELECT name FROM item")).as("nothing committed yet").isEmpty();
                outer.rollback();
            }
            assertThat(jdbc(db, "SELECT name FROM item")).isEmpty();
            assertThat(jdbc(db, "SELECT name FROM supplier")).isEmpty();

            try (Transaction outer = conn.begin()) {
                conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "core, kept"));
                try (Session session = Session.open(conn, Inventory.options())) {
                    session.add(new Item("Kept with the caller", "2.00"));
                    session.commit();
                }
                outer.commit();
            }
            assertThat(jdbc(db, "SELECT name FROM item")).containsExactly("Kept with the caller");
            assertThat(jdbc(db, "SELECT name FROM supplier")).containsExactly("core, kept");
        }
    }

    @AllDatabases
    void sessionRollbackInsideTheCallersTransactionUndoesOnlyTheSessionsPart(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Long keptId;
            try (Session setup = Session.open(engine, Inventory.options())) {
                Item kept = new Item("Kept", "5.00");
                setup.add(kept);
                setup.commit();
                keptId = kept.id;
            }
            try (Connection conn = engine.connect(); Transaction outer = conn.begin()) {
                conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "caller's, before the session"));
                try (Session session = Session.open(conn, Inventory.options())) {
                    Item kept = session.get(Item.class, keptId);
                    kept.name = "Renamed";
                    kept.price = new BigDecimal("6.00");
                    Item extra = new Item("Extra", "1.00");
                    session.add(extra);
                    session.flush();
                    assertThat(conn.sql("SELECT count(*) FROM item", java.util.Map.of()).one().get(0).toString()).isEqualTo("2");
                    session.rollback();
                    // memory is back as for any rollback
                    assertThat(kept.name).isEqualTo("Kept");
                    assertThat(kept.price).isEqualByComparingTo("5.00");
                    assertThat(session.contains(extra)).isFalse();
                    assertThat(session.contains(kept)).isTrue();
                    assertThat(conn.inTransaction()).as("only the savepoint was rolled back").isTrue();
                    // the database too, inside the caller's transaction: the caller's insert stays
                    assertThat(conn.sql("SELECT name FROM item", java.util.Map.of()).one().get(0)).isEqualTo("Kept");
                    assertThat(conn.sql("SELECT count(*) FROM item", java.util.Map.of()).one().get(0).toString()).isEqualTo("1");
                    assertThat(conn.sql("SELECT name FROM supplier", java.util.Map.of()).one().get(0))
                            .isEqualTo("caller's, before the session");
                    // the session goes on after its rollback, in a new savepoint
                    session.add(new Item("After the rollback", "3.00"));
                    session.commit();
                }
                outer.commit();
            }
            assertThat(jdbc(db, "SELECT name FROM item ORDER BY id")).containsExactly("Kept", "After the rollback");
            assertThat(jdbc(db, "SELECT name FROM supplier")).containsExactly("caller's, before the session");
        }
    }

    @AllDatabases
    void closingTheSessionInsideTheCallersTransactionRollsBackToItsSavepointOnly(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inventory.createSchema(engine);
            try (Transaction outer = conn.begin()) {
                conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "caller's"));
                try (Session session = Session.open(conn, Inventory.options())) {
                    session.add(new Item("Flushed, never committed", "1.00"));
                    session.flush();
                }
                assertThat(conn.inTransaction()).isTrue();
                conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "caller's, after the session"));
                outer.commit();
            }
            assertThat(jdbc(db, "SELECT name FROM item")).isEmpty();
            assertThat(jdbc(db, "SELECT name FROM supplier ORDER BY id")).containsExactly("caller's", "caller's, after the session");
        }
    }

    @AllDatabases
    void readsBeforeTheFirstWriteRunInTheCallersTransaction(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect(); Transaction outer = conn.begin()) {
            Inventory.createSchema(engine);
            conn.execute(insertInto(SUPPLIER).set(SUPPLIER_NAME, "uncommitted"));
            try (Session session = Session.open(conn, Inventory.options())) {
                Supplier s = session.select(Supplier.class).one();
                assertThat(s.name).as("the session reads what the caller's transaction wrote").isEqualTo("uncommitted");
            }
            outer.rollback();
        }
    }

    @AllDatabases
    void sessionsOneAfterAnotherOnOneConnectionShareNothing(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inventory.createSchema(engine);
            Long id;
            Item first;
            try (Session session = Session.open(conn, Inventory.options())) {
                first = new Item("Bolt", "0.10");
                session.add(first);
                session.commit();
                id = first.id;
            }
            for (int i = 1; i <= 3; i++) {
                // changed behind the sessions' backs, by core on the same connection
                conn.sql("UPDATE item SET name = :name WHERE id = :id", java.util.Map.of("name", "Bolt " + i, "id", id));
                try (Session session = Session.open(conn, Inventory.options())) {
                    Item item = session.get(Item.class, id);
                    assertThat(item).isNotSameAs(first);
                    assertThat(item.name).as("a fresh session reads fresh data").isEqualTo("Bolt " + i);
                    first = item;
                }
            }
            assertThat(conn.isClosed()).isFalse();
        }
    }

    @AllDatabases
    void statementsOnTheConnectionCountOnTheSessionAndReachTheCallersListener(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            Inventory.createSchema(engine);
            List<String> callers = new ArrayList<>();
            dev.ashlar.core.engine.StatementListener mine = (sql, batch) -> callers.add(sql);
            conn.statementListener(mine);
            try (Session session = Session.open(conn, Inventory.options())) {
                assertThat(session.statementCount()).isZero();
                session.add(new Item("Nut", "0.05"));
                session.commit();
                long afterInsert = session.statementCount();
                assertThat(afterInsert).isEqualTo(1);
                assertThat(session.statements()).singleElement().asString().startsWith("INSERT");
                session.select(Item.class).list();
                assertThat(session.statementCount()).isEqualTo(2);
                assertThat(session.statements().get(1)).startsWith("SELECT");
            }
            assertThat(callers).hasSize(2);
            assertThat(conn.statementListener()).as("the caller's listener is back").isSameAs(mine);
            try (Session next = Session.open(conn, Inventory.options())) {
                assertThat(next.statementCount()).as("counts start anew per session").isZero();
                next.select(Item.class).list();
                assertThat(next.statementCount()).isEqualTo(1);
            }
            assertThat(callers).hasSize(3);
        }
    }

    @AllDatabases
    void aClosedConnectionIsAClearError(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            Inventory.createSchema(engine);
            Connection closed = engine.connect();
            closed.close();
            assertThatThrownBy(() -> Session.open(closed, Inventory.options())).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("cannot open a session on a closed connection");

            Connection conn = engine.connect();
            Session session = Session.open(conn, Inventory.options());
            Item item = new Item("Lost", "1.00");
            session.add(item);
            session.flush();
            conn.close();
            assertThatThrownBy(() -> session.get(Item.class, 999_999L)).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("connection this session was opened on has been closed");
            assertThatThrownBy(session::commit).isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("closed by its owner");
            session.close();
            assertThat(session.isClosed()).isTrue();
            assertThat(jdbc(db, "SELECT name FROM item")).as("closing the connection rolled the session's work back").isEmpty();
        }
    }
}
