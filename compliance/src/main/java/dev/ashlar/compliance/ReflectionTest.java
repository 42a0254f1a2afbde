package dev.ashlar.compliance;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.diff.SchemaDiff;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.reflect.ColumnInfo;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Comment;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Reflection into metadata on each database: what createAll wrote reads back, names are exact, nothing differs. */
class ReflectionTest {

    @AllDatabases
    void theLibrarySchemaReadsBackIntoMetadataThatDiffsEmpty(TestDatabase db) {
        LibrarySchema s = new LibrarySchema();
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, s.md);
            MetaData reflected = Inspector.of(conn).reflect();
            SchemaDiff diff = SchemaDiff.compare(reflected, s.md, conn.dialect());
            assertThat(diff.changes()).as(diff.toString()).isEmpty();

            Table books = reflected.get("books");
            assertThat(books.primaryKey()).extracting(Column::name).containsExactly("id");
            assertThat(books.column("id").isAutoincrement()).isTrue();
            assertThat(books.column("title").isNullable()).isFalse();
            assertThat(books.column("status").serverDefault()).isEqualTo(ServerDefault.literal("draft"));
            assertThat(books.column("copies").serverDefault()).isEqualTo(ServerDefault.literal(0L));
            assertThat(books.column("created_at").serverDefault()).isEqualTo(ServerDefault.currentTimestamp());
            assertThat(books.column("price").type()).isEqualTo(s.price.type());
            assertThat(books.column("title").type()).isEqualTo(s.title.type());
            assertThat(books.foreignKeys()).extracting(ForeignKey::onDelete)
                    .containsExactlyInAnyOrder(ReferentialAction.CASCADE, ReferentialAction.SET_NULL, ReferentialAction.RESTRICT);
            assertThat(books.checks()).extracting(CheckConstraint::name).containsExactly("ck_books_price_positive");
            assertThat(reflected.get("book_tags").primaryKey()).extracting(Column::name).containsExactly("book_id", "tag");
            // where unique constraints are unique indexes to the database, reflection may give either
            List<String> unique = new java.util.ArrayList<>(books.uniqueConstraints().stream().map(UniqueConstraint::name).toList());
            books.indexes().stream().filter(Index::unique).map(Index::name).forEach(unique::add);
            assertThat(unique).containsExactlyInAnyOrder("uq_books_isbn", "uq_books_title_author_id", "ix_books_publisher_code_isbn");
            if (!conn.dialect().ddl().uniqueConstraintsAreIndexes()) {
                assertThat(books.uniqueConstraints()).extracting(UniqueConstraint::name)
                        .containsExactlyInAnyOrder("uq_books_isbn", "uq_books_title_author_id");
            }
            assertThat(books.indexes()).extracting(Index::name).contains("ix_books_title", "ix_books_title_price");
        }
    }

    @AllDatabases
    void namesAreNeverPatterns(TestDatabase db) {
        MetaData md = new MetaData();
        md.table("ab_c", Column.of("only_ab_c", integer()));
        md.table("abxc", Column.of("only_abxc", integer()));
        md.table("p%q", Column.of("only_percent", integer()));
        md.table("pxq", Column.of("only_pxq", integer()));
        md.table("back\\slash", Column.of("only_backslash", integer()));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, md);
            Inspector in = Inspector.of(conn);
            assertThat(in.columns("ab_c")).extracting(ColumnInfo::name).containsExactly("only_ab_c");
            assertThat(in.columns("p%q")).extracting(ColumnInfo::name).containsExactly("only_percent");
            assertThat(in.columns("back\\slash")).extracting(ColumnInfo::name).containsExactly("only_backslash");
            assertThat(in.columns("a%")).isEmpty();
            assertThat(in.hasTable("a_c")).isFalse();
            assertThat(in.hasTable("%")).isFalse();
            assertThat(SchemaDiff.compare(in.reflect(), md, conn.dialect()).changes()).isEmpty();
        }
    }

    /** Quoted names are exact where the database keeps case (PostgreSQL, MariaDB on Linux); SQLite folds ASCII case. */
    @AllDatabases
    void tableNamesCompareAsTheDatabaseComparesThem(TestDatabase db) throws SQLException {
        MetaData lower = new MetaData();
        lower.table("bad_case", Column.of("id", bigInteger()).primaryKey());
        MetaData upper = new MetaData();
        Column<String> note = Column.of("note", string(10));
        Table upperTable = upper.table("BAD_CASE", Column.of("id", bigInteger()).primaryKey(), note);
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            SchemaDdl.createAll(conn, lower);
            Inspector in = Inspector.of(conn);
            boolean caseFolds = in.tableKey("BAD_CASE").equals(in.tableKey("bad_case"));
            assertThat(in.hasTable("BAD_CASE")).isEqualTo(caseFolds);
            SchemaDdl.createAll(conn, upper);
            if (caseFolds) {
                assertThat(in.tableNames()).containsExactly("bad_case");
            } else {
                assertThat(in.tableNames()).containsExactly("BAD_CASE", "bad_case");
                conn.execute(dev.ashlar.core.sql.Sql.insertInto(upperTable).set(note, "kept"));
                try (var jdbc = db.openJdbc(); Statement st = jdbc.createStatement();
                     var rs = st.executeQuery("SELECT count(*) FROM " + conn.dialect().quoteIdentifier("BAD_CASE"))) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                SchemaDdl.dropAll(conn, upper);
                assertThat(in.tableNames()).containsExactly("bad_case");
            }
        }
    }

    @AllDatabases
    void partialAndExpressionIndexesDescendingKeysCommentsAndViewsReadBack(TestDatabase db) throws SQLException {
        MetaData md = new MetaData();
        Column<Long> id = Column.of("id", bigInteger()).primaryKey().comment("the key");
        Column<String> email = Column.of("email", string(100)).notNull();
        Column<Integer> score = Column.of("score", integer()).serverDefault(ServerDefault.expression("1 + 1"));
        md.table("people", id, email, score, Comment.of("everyone"), Index.on(score, email).descending(score).named("ix_people_score"));
        try (Engine engine = Engine.create(db.url()); Connection conn = engine.connect()) {
            var ddl = conn.dialect().ddl();
            MetaData extra = new MetaData();
            Column<Long> xid = Column.of("id", bigInteger()).primaryKey();
            Column<String> xmail = Column.of("email", string(100));
            java.util.List<dev.ashlar.core.schema.TableElement> parts = new java.util.ArrayList<>(List.of(xid, xmail));
            if (ddl.supportsPartialIndexes()) {
                parts.add(Index.uniqueOn(xmail).where("email IS NOT NULL").named("ix_extra_email"));
            }
            if (ddl.supportsExpressionIndexes()) {
                parts.add(Index.onExpressions("lower(email)").named("ix_extra_lower_email"));
            }
            extra.table("extra", parts.toArray(dev.ashlar.core.schema.TableElement[]::new));
            SchemaDdl.createAll(conn, md);
            SchemaDdl.createAll(conn, extra);
            conn.executeSql("CREATE VIEW adults AS SELECT id, email FROM people WHERE score > 17");

            MetaData reflected = Inspector.of(conn).reflect();
            assertThat(SchemaDiff.compare(reflected, md, conn.dialect()).changes().stream()
                    .filter(c -> c.table().equals("people")).toList()).isEmpty();
            assertThat(SchemaDiff.compare(reflected, extra, conn.dialect()).changes().stream()
                    .filter(c -> c.table().equals("extra")).toList()).isEmpty();
            Table people = reflected.get("people");
            assertThat(people.indexes()).singleElement().satisfies(ix -> assertThat(ix.descending()).containsExactly(true, false));
            assertThat(people.column("score").serverDefault()).isInstanceOf(ServerDefault.Expression.class);
            if (ddl.supportsComments()) {
                assertThat(people.comment()).isEqualTo("everyone");
                assertThat(people.column("id").comment()).isEqualTo("the key");
            }
            Table extraTable = reflected.get("extra");
            if (ddl.supportsPartialIndexes()) {
                assertThat(extraTable.indexes()).filteredOn(ix -> ix.name().equals("ix_extra_email")).singleElement()
                        .satisfies(ix -> assertThat(ix.where()).containsIgnoringCase("is not null"));
            }
            if (ddl.supportsExpressionIndexes()) {
                assertThat(extraTable.indexes()).filteredOn(ix -> ix.name().equals("ix_extra_lower_email")).singleElement()
                        .satisfies(ix -> assertThat(ix.expressions()).singleElement().asString().containsIgnoringCase("lower"));
            }
            assertThat(reflected.views()).singleElement().satisfies(v -> {
                assertThat(v.name()).isEqualTo("adults");
                assertThat(v.definition()).containsIgnoringCase("score");
            });
        }
    }
}
