package dev.ashlar.migrate;

import static dev.ashlar.migrate.MigratorTest.exec;
import static dev.ashlar.migrate.MigratorTest.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.types.Types;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.List;

/**
 * Changes that SQLite cannot make with ALTER TABLE (a column's type, a new unique constraint) keep
 * every row, of the table and of its cascading children, on every database: SQLite rebuilds the
 * table, the servers alter it in place.
 */
class TableChangeTest {
    private static final int ROWS = 1_000;

    @Revision(id = "c1_widen", message = "widen the name, make it unique")
    public static final class WidenAndUnique implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("authors", Column.of("name", Types.string(100)).notNull(), Column.of("name", Types.string(200)).notNull());
            op.addUnique("authors", "uq_authors_name", "name");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropUnique("authors", "uq_authors_name");
            op.alterColumn("authors", Column.of("name", Types.string(200)).notNull(), Column.of("name", Types.string(100)).notNull());
        }
    }

    @Revision(id = "k1_key", message = "books refer to authors")
    public static final class AddKey implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addForeignKey("books", "fk_books_author", List.of("author_id"), "authors", List.of("id"), ReferentialAction.CASCADE);
        }

        @Override
        public void downgrade(Operations op) {
            op.dropForeignKey("books", "fk_books_author");
        }
    }

    @Revision(id = "k2_no_key", parents = "k1_key", message = "books no longer refer to authors")
    public static final class DropKey implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.dropForeignKey("books", "fk_books_author");
        }

        @Override
        public void downgrade(Operations op) {
            op.addForeignKey("books", "fk_books_author", List.of("author_id"), "authors", List.of("id"), ReferentialAction.CASCADE);
        }
    }

    /** A foreign key added, dropped and added again by revisions keeps every row on every database. */
    @AllDatabases
    void aForeignKeyIsAddedAndDroppedKeepingTheRows(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");
        exec(db, "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL, title VARCHAR(100))");
        exec(db, "INSERT INTO authors (id, name) VALUES (1, 'one'), (2, 'two')");
        exec(db, "INSERT INTO books (id, author_id, title) VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 2, 'c')");
        try (Engine engine = Engine.create(db.url()); var conn = engine.connect()) {
            Migrator migrator = Migrator.of(engine, List.of(AddKey.class, DropKey.class));
            assertThat(migrator.upgrade("k1_key").done()).containsExactly("k1_key");
            assertThatThrownBy(() -> conn.executeSql("INSERT INTO books (id, author_id, title) VALUES (9, 99, 'orphan')"))
                    .isInstanceOf(dev.ashlar.core.error.ForeignKeyViolationException.class);

            assertThat(migrator.upgrade().done()).containsExactly("k2_no_key");
            assertThat(dev.ashlar.core.reflect.Inspector.of(conn).reflect().get("books").foreignKeys()).isEmpty();
            conn.executeSql("INSERT INTO books (id, author_id, title) VALUES (9, 99, 'orphan')");
            assertThat(string(db, "SELECT COUNT(*) FROM books")).isEqualTo("4");

            conn.executeSql("DELETE FROM books WHERE id = 9"); // the key comes back only over rows that fit it
            assertThat(migrator.downgrade("k1_key").done()).containsExactly("k2_no_key");
            assertThat(dev.ashlar.core.reflect.Inspector.of(conn).reflect().get("books").foreignKeys()).hasSize(1);
            conn.executeSql("DELETE FROM authors WHERE id = 2"); // ON DELETE CASCADE is back too
            assertThat(string(db, "SELECT COUNT(*) FROM books")).isEqualTo("1");
        }
    }

    @AllDatabases
    void aRebuildKeepsRowsChildrenViewsAndUnnamedChecks(TestDatabase db) throws SQLException {
        exec(db, "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, CHECK (LENGTH(name) > 0))");
        exec(db, "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL, title VARCHAR(100), "
                + "FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE)");
        exec(db, "CREATE VIEW author_ids AS SELECT id FROM authors");
        StringBuilder authors = new StringBuilder("INSERT INTO authors (id, name) VALUES ");
        StringBuilder books = new StringBuilder("INSERT INTO books (id, author_id, title) VALUES ");
        for (int i = 1; i <= ROWS; i++) {
            authors.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'author ").append(i).append("')");
            books.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(i).append(", 'book ").append(i).append("')");
        }
        exec(db, authors.toString());
        exec(db, books.toString());

        try (Engine engine = Engine.create(db.url())) {
            Migrator migrator = Migrator.of(engine, List.of(WidenAndUnique.class));
            assertThat(migrator.upgrade().done()).containsExactly("c1_widen");

            assertThat(string(db, "SELECT COUNT(*) FROM authors")).isEqualTo(String.valueOf(ROWS));
            assertThat(string(db, "SELECT COUNT(*) FROM books")).isEqualTo(String.valueOf(ROWS));
            assertThat(string(db, "SELECT COUNT(*) FROM author_ids")).isEqualTo(String.valueOf(ROWS));
            // The new constraint holds, and so do the ones the table had: the unnamed CHECK and the children's key.
            assertThatThrownBy(() -> exec(db, "INSERT INTO authors (id, name) VALUES (5000, 'author 1')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> exec(db, "INSERT INTO authors (id, name) VALUES (5001, '')")).isInstanceOf(SQLException.class);
            exec(db, "INSERT INTO authors (id, name) VALUES (5002, '" + "x".repeat(150) + "')");
            // Through Ashlar's engine, whose SQLite connections enforce foreign keys as an application's would.
            try (var conn = engine.connect()) {
                assertThatThrownBy(() -> conn.executeSql("INSERT INTO books (id, author_id, title) VALUES (9999, 99999, 'orphan')"))
                        .isInstanceOf(dev.ashlar.core.error.ForeignKeyViolationException.class);
                conn.executeSql("DELETE FROM authors WHERE id = 1");
            }
            assertThat(string(db, "SELECT COUNT(*) FROM books")).isEqualTo(String.valueOf(ROWS - 1));

            exec(db, "DELETE FROM authors WHERE id = 5002"); // longer than the name the downgrade narrows back to
            assertThat(migrator.downgrade(Migrator.BASE).done()).containsExactly("c1_widen");
            assertThat(string(db, "SELECT COUNT(*) FROM books")).isEqualTo(String.valueOf(ROWS - 1));
            exec(db, "INSERT INTO authors (id, name) VALUES (5003, 'author 2')"); // unique gone again
        }
    }
}
