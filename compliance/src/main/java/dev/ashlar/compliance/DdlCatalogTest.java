package dev.ashlar.compliance;

import static dev.ashlar.core.sql.Sql.deleteFrom;
import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.update;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.CheckViolationException;
import dev.ashlar.core.error.ForeignKeyViolationException;
import dev.ashlar.core.reflect.CatalogReader;
import dev.ashlar.core.reflect.ColumnInfo;
import dev.ashlar.core.reflect.ForeignKeyInfo;
import dev.ashlar.core.reflect.IndexInfo;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

/** DDL checked against the live catalog of each database, and the behaviour the DDL promises. */
class DdlCatalogTest {

    @AllDatabases
    void columnsTypesNullabilityKeysAndDefaultsAreInTheCatalog(TestDatabase db) {
        LibrarySchema s = new LibrarySchema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            Inspector in = Inspector.of(conn);
            assertThat(in.tableNames()).containsExactly("authors", "book_tags", "books", "publishers");
            assertThat(in.primaryKey("books")).containsExactly("id");
            assertThat(in.primaryKey("book_tags")).containsExactly("book_id", "tag");
            assertThat(in.primaryKey("publishers")).containsExactly("code");

            Map<String, ColumnInfo> books = byName(in.columns("books"));
            assertThat(books.keySet()).containsExactly("id", "author_id", "editor_id", "publisher_code", "isbn", "title", "price",
                    "status", "copies", "created_at");
            // each type reads back from the catalog under the name the catalog gives the type the DDL wrote
            DdlCompiler ddl = conn.dialect().ddl();
            CatalogReader catalog = conn.dialect().catalog();
            Function<Column<?>, String> declared = column -> catalog.typeName(ddl.columnType(column));
            assertThat(books.get("author_id").typeName()).isEqualTo(declared.apply(s.bookAuthor));
            // an autoincrement key on SQLite is declared INTEGER, to alias the rowid
            assertThat(books.get("id").typeName()).isEqualTo(declared.apply(s.bookId));
            assertThat(books.get("id").autoincrement()).as("books.id autoincrement").isTrue();
            assertThat(in.columns("book_tags")).noneMatch(ColumnInfo::autoincrement);
            assertThat(books.get("title").typeName()).isEqualTo("VARCHAR");
            assertThat(books.get("title").size()).isEqualTo(200);
            assertThat(books.get("price").typeName()).isEqualTo(declared.apply(s.price));
            assertThat(books.get("price").scale()).isEqualTo(2);
            assertThat(books.get("price").size()).isEqualTo(10);
            assertThat(books.get("created_at").typeName()).isEqualTo(declared.apply(s.createdAt));

            assertThat(books.get("id").nullable()).isFalse();
            assertThat(books.get("title").nullable()).isFalse();
            assertThat(books.get("editor_id").nullable()).isTrue();
            assertThat(in.columns("book_tags")).noneMatch(ColumnInfo::nullable);

            assertThat(books.get("status").defaultValue()).startsWith("'draft'");
            assertThat(books.get("copies").defaultValue()).isEqualTo("0");
            // the catalog keeps the function the DDL wrote for the current timestamp, and reflection reads it as one
            String now = ddl.serverDefault(ServerDefault.currentTimestamp(), s.createdAt.type()).replaceFirst("^\\(+", "");
            assertThat(books.get("created_at").defaultValue()).containsIgnoringCase(now.substring(0, now.indexOf('(') < 0 ? now.length() : now.indexOf('(')));
            assertThat(catalog.serverDefault(books.get("created_at"), s.createdAt.type())).isEqualTo(ServerDefault.currentTimestamp());
            assertThat(books.get("title").defaultValue()).isNull();
        }
    }

    @AllDatabases
    void constraintAndIndexNamesFollowTheNamingConvention(TestDatabase db) throws SQLException {
        LibrarySchema s = new LibrarySchema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            Inspector in = Inspector.of(conn);
            Map<String, IndexInfo> indexes = in.indexes("books").stream()
                    .collect(Collectors.toMap(IndexInfo::name, Function.identity()));
            assertThat(indexes.get("ix_books_title")).isEqualTo(new IndexInfo("ix_books_title", List.of("title"), false));
            assertThat(indexes.get("ix_books_title_price"))
                    .isEqualTo(new IndexInfo("ix_books_title_price", List.of("title", "price"), false));
            assertThat(indexes.get("ix_books_publisher_code_isbn"))
                    .isEqualTo(new IndexInfo("ix_books_publisher_code_isbn", List.of("publisher_code", "isbn"), true));

            Map<String, String> constraints = constraints(db, "books");
            assertThat(constraints).containsEntry("uq_books_isbn", "UNIQUE")
                    .containsEntry("uq_books_title_author_id", "UNIQUE")
                    .containsEntry("ck_books_price_positive", "CHECK")
                    .containsEntry("fk_books_author_id_authors", "FOREIGN KEY")
                    .containsEntry("fk_books_editor_id_authors", "FOREIGN KEY")
                    .containsEntry("fk_books_publisher_code_publishers", "FOREIGN KEY");
            // as the dialect says the catalog names it (MariaDB calls every primary key PRIMARY, whatever the DDL said)
            assertThat(constraints).containsEntry(conn.dialect().primaryKeyName("books", "pk_books"), "PRIMARY KEY");
            assertThat(constraints(db, "authors")).containsEntry("uq_authors_name", "UNIQUE");

            Map<String, ForeignKeyInfo> fks = in.foreignKeys("books").stream()
                    .collect(Collectors.toMap(ForeignKeyInfo::name, Function.identity()));
            assertThat(fks.get("fk_books_author_id_authors").onDelete()).isEqualTo("CASCADE");
            assertThat(fks.get("fk_books_author_id_authors").columns()).containsExactly("author_id");
            assertThat(fks.get("fk_books_author_id_authors").referencedTable()).isEqualTo("authors");
            assertThat(fks.get("fk_books_editor_id_authors").onDelete()).isEqualTo("SET NULL");
            assertThat(fks.get("fk_books_publisher_code_publishers").onDelete()).isEqualTo("RESTRICT");
            assertThat(fks.get("fk_books_publisher_code_publishers").onUpdate()).isEqualTo("CASCADE");
            assertThat(in.foreignKeys("book_tags")).singleElement()
                    .satisfies(fk -> assertThat(fk.referencedColumns()).containsExactly("id"));
        }
    }

    @AllDatabases
    void foreignKeyActionsCheckConstraintsAndServerDefaultsBehave(TestDatabase db) {
        LibrarySchema s = new LibrarySchema();
        TimeZone before = TimeZone.getDefault();
        // a JVM far from UTC: server-side current timestamps of naive DateTime columns must still be UTC, like client ones
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            long writer = conn.insertReturning(insertInto(s.authors).set(s.authorName, "Writer")).get(s.authorId);
            long editor = conn.insertReturning(insertInto(s.authors).set(s.authorName, "Editor")).get(s.authorId);
            conn.execute(insertInto(s.publishers).set(s.code, "OUP").set(s.publisherName, "Oxford"));
            long book = conn.insertReturning(insertInto(s.books).set(s.bookAuthor, writer).set(s.editor, editor)
                    .set(s.publisher, "OUP").set(s.title, "Dune").set(s.price, new BigDecimal("9.99"))).get(s.bookId);
            conn.execute(insertInto(s.bookTags).set(s.tagBook, book).set(s.tag, "sf"));

            var row = conn.query(select(s.status, s.copies, s.createdAt).from(s.books)).one();
            assertThat(row.get(s.status)).isEqualTo("draft");
            assertThat(row.get(s.copies)).isZero();
            assertThat(row.get(s.createdAt)).isCloseTo(LocalDateTime.now(ZoneOffset.UTC), within(2, ChronoUnit.MINUTES));

            assertThatThrownBy(() -> conn.execute(insertInto(s.books).set(s.bookAuthor, writer).set(s.title, "Negative")
                    .set(s.price, new BigDecimal("-1.00"))))
                    .isInstanceOf(CheckViolationException.class)
                    .satisfies(e -> assertThat(((CheckViolationException) e).sql()).startsWith("INSERT INTO books"));

            // ON UPDATE CASCADE: the child follows the parent's new key
            conn.execute(update(s.publishers).set(s.code, "OUP2").where(s.code.eq("OUP")));
            assertThat(conn.query(select(s.publisher).from(s.books)).one().get(s.publisher)).isEqualTo("OUP2");
            // ON DELETE RESTRICT: the parent cannot go while children point at it
            assertThatThrownBy(() -> conn.execute(deleteFrom(s.publishers).where(s.code.eq("OUP2"))))
                    .isInstanceOf(ForeignKeyViolationException.class);
            // ON DELETE SET NULL
            conn.execute(deleteFrom(s.authors).where(s.authorId.eq(editor)));
            assertThat(conn.query(select(s.editor).from(s.books)).one().get(s.editor)).isNull();
            // ON DELETE CASCADE, two levels deep
            conn.execute(deleteFrom(s.authors).where(s.authorId.eq(writer)));
            assertThat(conn.query(select(s.bookId).from(s.books)).list()).isEmpty();
            assertThat(conn.query(select(s.tag).from(s.bookTags)).list()).isEmpty();
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @AllDatabases
    void createAllTwiceSkipsExistingTablesAndDropAllDropsInDependencyOrder(TestDatabase db) {
        LibrarySchema s = new LibrarySchema();
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, s.md);
            try (Connection conn = engine.connect()) {
                long author = conn.insertReturning(insertInto(s.authors).set(s.authorName, "Kept")).get(s.authorId);
                conn.execute(insertInto(s.books).set(s.bookAuthor, author).set(s.title, "Kept too"));
            }
            SchemaDdl.createAll(engine, s.md);
            try (Connection conn = engine.connect()) {
                assertThat(conn.query(select(s.title).from(s.books)).one().get(s.title)).isEqualTo("Kept too");
                assertThat(Inspector.of(conn).tableNames()).hasSize(4);
            }
            // rows that reference each other are still there: only dependency order lets these drops succeed
            SchemaDdl.dropAll(engine, s.md);
            try (Connection conn = engine.connect()) {
                assertThat(Inspector.of(conn).tableNames()).isEmpty();
            }
            SchemaDdl.dropAll(engine, s.md); // nothing left to drop: no error
        }
    }

    @AllDatabases
    void tablesInAForeignKeyCycleAndASelfReferencingTableCreateAndDrop(TestDatabase db) {
        MetaData md = new MetaData();
        Column<Long> eId = Column.of("id", bigInteger()).primaryKey();
        Column<Long> manager = Column.of("manager_id", bigInteger()).references(eId, ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION);
        Column<String> eName = Column.of("name", string(40));
        Table employees = md.table("employees", eId, manager, eName);
        MetaData cycle = new MetaData();
        Column<Long> xId = Column.of("id", bigInteger()).primaryKey();
        Column<Long> xY = Column.of("y_id", bigInteger());
        Column<Long> yId = Column.of("id", bigInteger()).primaryKey();
        Column<Long> yX = Column.of("x_id", bigInteger()).references(xId);
        // x's key to y is declared before y exists: it is named, and added to the DDL, once y is defined
        Table x = cycle.table("cyc_x", xId, xY, ForeignKey.of(List.of(xY), List.of(yId)));
        Table y = cycle.table("cyc_y", yId, yX);
        assertThat(cycle.cyclicForeignKeys()).hasSize(1);
        try (Engine engine = Engine.create(db.url())) {
            SchemaDdl.createAll(engine, md);
            SchemaDdl.createAll(engine, cycle);
            try (Connection conn = engine.connect()) {
                Inspector in = Inspector.of(conn);
                assertThat(in.foreignKeys("cyc_x")).extracting(ForeignKeyInfo::referencedTable).containsExactly("cyc_y");
                assertThat(in.foreignKeys("cyc_y")).extracting(ForeignKeyInfo::referencedTable).containsExactly("cyc_x");
                assertThat(in.foreignKeys("employees")).extracting(ForeignKeyInfo::referencedTable).containsExactly("employees");

                conn.execute(insertInto(x).set(xId, 1L));
                conn.execute(insertInto(y).set(yId, 1L).set(yX, 1L));
                conn.execute(update(x).set(xY, 1L).where(xId.eq(1L)));
                assertThatThrownBy(() -> conn.execute(update(x).set(xY, 99L).where(xId.eq(1L))))
                        .isInstanceOf(ForeignKeyViolationException.class);

                long boss = conn.insertReturning(insertInto(employees).set(eName, "boss")).get(eId);
                conn.execute(insertInto(employees).set(eName, "worker").set(manager, boss));
                conn.execute(deleteFrom(employees).where(eId.eq(boss)));
                assertThat(conn.query(select(manager).from(employees)).one().get(manager)).isNull();
            }
            // both tables of the cycle hold rows that reference each other
            SchemaDdl.dropAll(engine, cycle);
            SchemaDdl.dropAll(engine, md);
            try (Connection conn = engine.connect()) {
                assertThat(Inspector.of(conn).tableNames()).isEmpty();
            }
        }
    }

    private static Map<String, ColumnInfo> byName(List<ColumnInfo> columns) {
        Map<String, ColumnInfo> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.name(), c));
        return map;
    }

    /** Constraint name to type, as the database's own catalog lists them. */
    private static Map<String, String> constraints(TestDatabase db, String table) throws SQLException {
        try (var c = db.openJdbc()) {
            return db.vendor().constraints(c, table);
        }
    }
}
