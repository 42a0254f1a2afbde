package dev.ashlar.test;

import static dev.ashlar.core.sql.Sql.insertInto;
import static dev.ashlar.core.sql.Sql.select;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.Models;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.orm.Ref;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Required;
import dev.ashlar.orm.NPlusOneException;
import dev.ashlar.orm.Session;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension, run the way a user runs it: sample test classes below are executed by JUnit's
 * {@link EngineTestKit} against each database (its URL given as the {@code ashlar.test.url}
 * property), and their outcomes checked, along with what the database holds afterwards.
 */
class AshlarExtensionTest {
    // ---- the schema the samples use ------------------------------------------------------

    static final MetaData MD = new MetaData();
    static final Column<Long> ID = Column.of("id", bigInteger()).primaryKey();
    static final Column<String> CODE = Column.of("code", string(20)).notNull().unique();
    static final Table KEYED = MD.table("keyed", ID, CODE);

    static long rows(Connection conn) {
        return ((Number) conn.query(select(count(ID)).from(KEYED)).one().get(0)).longValue();
    }

    // ---- sample test classes, run by the tests below -------------------------------------

    @AshlarTest
    static class SameUniqueKeyTwice {
        @BeforeAll
        static void schema(Engine engine) {
            SchemaDdl.createAll(engine, MD);
        }

        @Test
        void insertsThroughTheConnection(Connection conn) {
            conn.execute(insertInto(KEYED).set(ID, 1L).set(CODE, "K-1"));
            assertThat(rows(conn)).isEqualTo(1);
        }

        @Test
        void insertsThroughTheEnginesOwnTransaction(Engine engine) {
            engine.inTransaction(conn -> conn.execute(insertInto(KEYED).set(ID, 1L).set(CODE, "K-1")));
            try (Connection conn = engine.connect()) {
                assertThat(rows(conn)).isEqualTo(1);
            }
        }
    }

    @AshlarTest
    static class Budgets {
        @BeforeAll
        static void schema(Engine engine) {
            SchemaDdl.createAll(engine, MD);
        }

        @Test
        @ExpectStatements(max = 2)
        void overBudget(Connection conn) {
            for (long i = 1; i <= 3; i++) {
                conn.execute(insertInto(KEYED).set(ID, i).set(CODE, "code-" + i));
            }
        }

        @Test
        @ExpectStatements(max = 3)
        void withinBudget(Connection conn, StatementLog log) {
            for (long i = 1; i <= 3; i++) {
                conn.execute(insertInto(KEYED).set(ID, i).set(CODE, "code-" + i));
            }
            assertThat(log.count()).isEqualTo(3);
        }
    }

    @Model(table = "author")
    public static class Author {
        @Id public Long id;
        @Required @Length(40) public String name;
        @OneToMany(mappedBy = "author") public List<Post> posts = new ArrayList<>();

        public Author() {
        }

        Author(String name) {
            this.name = name;
        }
    }

    @Model(table = "post")
    public static class Post {
        @Id public Long id;
        @Required @References(model = Author.class) public Long authorId;
        @Required @Length(40) public String title;
        @ManyToOne public Ref<Author> author = new Ref<>();
    }

    @AshlarTest
    static class LazyLoadsOneByOne {
        @BeforeAll
        static void schema(Engine engine) {
            Models.of(Author.class);
            Models.of(Post.class);
            SchemaDdl.createAll(engine, Models.metadata());
        }

        @Test
        void loadsEachAuthorsPostsSeparately(Session session) {
            for (String name : List.of("Ada", "Grace", "Edsger")) {
                session.add(new Author(name));
            }
            session.commit();
            session.clear();
            for (Author author : session.select(Author.class).list()) {
                author.posts.size(); // the third lazy load of one result is an N+1 pattern
            }
        }
    }

    // ---- the tests -------------------------------------------------------------------------

    @AllDatabases
    void twoTestsInsertingTheSameUniqueKeyBothPass(TestDatabase db) throws Exception {
        EngineExecutionResults results = run(SameUniqueKeyTwice.class, db);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
        assertThat(committedRows(db, "keyed")).as("every test's transaction was rolled back").isZero();
    }

    @AllDatabases
    void anOverBudgetTestFailsListingItsStatements(TestDatabase db) throws Exception {
        EngineExecutionResults results = run(Budgets.class, db);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).startsWith("overBudget");
        Throwable failure = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        String message = failure.getMessage();
        assertThat(message).contains("expected at most 2 statements, but the test sent 3:");
        assertThat(message.lines().filter(line -> line.matches("\\s+[123]\\. INSERT INTO .*keyed.*")).count())
                .as(message).isEqualTo(3);
        assertThat(message).doesNotContain("code-1").as("statements are listed without their values");
        assertThat(committedRows(db, "keyed")).isZero();
    }

    @AllDatabases
    void sessionsAreStrictAboutNPlusOneByDefault(TestDatabase db) throws Exception {
        EngineExecutionResults results = run(LazyLoadsOneByOne.class, db);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = results.testEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(NPlusOneException.class).hasMessageContaining("Author.posts");
        assertThat(committedRows(db, "author")).isZero();
    }

    @Test
    void theUrlComesFromTheAnnotationThenThePropertyThenTheEnvironment() {
        assertThat(DatabaseUrl.chosen("sqlite:///a.db", "sqlite:///b.db", "sqlite:///c.db")).isEqualTo("sqlite:///a.db");
        assertThat(DatabaseUrl.chosen("", "sqlite:///b.db", "sqlite:///c.db")).isEqualTo("sqlite:///b.db");
        assertThat(DatabaseUrl.chosen("", null, "postgres://u@h/db")).isEqualTo("postgres://u@h/db");
        assertThat(DatabaseUrl.chosen("", " ", null)).isEqualTo("sqlite://");
    }

    @Test
    void aFixtureOutsideATestIsRefusedWithTheReason() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ConnectionInBeforeAll.class)).execute();
        Throwable failure = results.containerEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThatThrownBy(() -> {
            throw failure;
        }).hasMessageContaining("a Connection is injected only into test methods");
    }

    @AshlarTest
    static class ConnectionInBeforeAll {
        @BeforeAll
        static void tooEarly(Connection conn) {
        }

        @Test
        void never() {
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static EngineExecutionResults run(Class<?> sample, TestDatabase db) {
        String previous = System.getProperty(AshlarExtension.URL_PROPERTY);
        System.setProperty(AshlarExtension.URL_PROPERTY, db.url());
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
        } finally {
            if (previous == null) {
                System.clearProperty(AshlarExtension.URL_PROPERTY);
            } else {
                System.setProperty(AshlarExtension.URL_PROPERTY, previous);
            }
        }
    }

    private static long committedRows(TestDatabase db, String table) throws Exception {
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
