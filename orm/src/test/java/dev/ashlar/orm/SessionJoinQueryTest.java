package dev.ashlar.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.orm.Lending.Author;
import dev.ashlar.orm.Lending.Book;
import dev.ashlar.orm.Lending.Loan;
import dev.ashlar.orm.Lending.Member;
import dev.ashlar.orm.Lending.Tier;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ORM queries filtered and ordered by related models' columns, through to-one, to-many and many-to-many joins. */
class SessionJoinQueryTest {
    private static SessionOptions options() {
        return SessionOptions.strict().registry(Lending.REGISTRY);
    }

    /** Ada (gold) borrows Dune twice and Emma once; Bob (basic) borrows Emma; Cy (gold) borrows Ubik. */
    private static void load(Engine engine) {
        Lending.REGISTRY.of(Loan.class);
        SchemaDdl.createAll(engine, Lending.REGISTRY.metadata());
        try (Session session = Session.open(engine, options())) {
            Member ada = new Member("Ada", Tier.GOLD);
            Member bob = new Member("Bob", Tier.BASIC);
            Member cy = new Member("Cy", Tier.GOLD);
            Author herbert = new Author("Herbert");
            Author austen = new Author("Austen");
            Author dick = new Author("Dick");
            Book dune = new Book("Dune", herbert);
            Book emma = new Book("Emma", austen);
            Book ubik = new Book("Ubik", dick, herbert); // not really, but it gives a book two authors
            session.addAll(List.of(new Loan(ada, dune, 3), new Loan(ada, dune, 9), new Loan(ada, emma, 5),
                    new Loan(bob, emma, 1), new Loan(cy, ubik, 7)));
            session.commit();
        }
    }

    /** Loans with their member and book loaded for the whole result: joined (one statement) or select-in. */
    private static ModelQuery<Loan> loanQuery(Session session, boolean joined) {
        return session.select(Loan.class).options(joined ? Load.joined(Lending_Loan_.member) : Load.selectIn(Lending_Loan_.member),
                Load.selectIn(Lending_Loan_.book));
    }

    private static List<String> loans(List<Loan> loans) {
        return loans.stream().map(l -> l.member.get().name + "/" + l.book.get().title + "/" + l.day).toList();
    }

    @AllDatabases
    void filtersAndOrdersByAToOneJoinedModel(TestDatabase db) throws Exception {
        try (Engine engine = Engine.create(db.url())) {
            load(engine);
            try (Session session = Session.open(engine, options())) {
                List<Loan> gold = loanQuery(session, true).join(Lending_Loan_.member)
                        .where(Lending_Member_.tier.eq(Tier.GOLD))
                        .orderBy(Lending_Member_.name.desc(), Lending_Loan_.day.asc()).list();
                assertThat(loans(gold)).containsExactly("Cy/Ubik/7", "Ada/Dune/3", "Ada/Emma/5", "Ada/Dune/9");

                // a chain of joins, a condition on each model, and limit counting loans
                List<Loan> goldDune = loanQuery(session, true).join(Lending_Loan_.member).join(Lending_Loan_.book)
                        .where(Lending_Member_.tier.eq(Tier.GOLD)).where(Lending_Book_.title.eq("Dune"))
                        .orderBy(Lending_Loan_.day.desc()).limit(1).list();
                assertThat(loans(goldDune)).containsExactly("Ada/Dune/9");

                // ordering by the joined book's title, then the day, without a condition on it
                List<Loan> byTitle = loanQuery(session, false).join(Lending_Loan_.book)
                        .orderBy(Lending_Book_.title.asc(), Lending_Loan_.day.asc()).list();
                assertThat(loans(byTitle)).containsExactly("Ada/Dune/3", "Ada/Dune/9", "Bob/Emma/1", "Ada/Emma/5", "Cy/Ubik/7");
            }
        }
        // the database agrees: four loans by gold members
        try (var c = db.openJdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM loans l JOIN members m ON m.id = l.member_id WHERE m.tier = 'GOLD'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }

    @AllDatabases
    void aToManyJoinReturnsEachRootObjectOnce(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            load(engine);
            try (Session session = Session.open(engine, options())) {
                // Ada has three loans of which two are Dune: she comes back once
                List<Member> readers = session.select(Member.class).join(Lending_Member_.loans).join(Lending_Loan_.book)
                        .where(Lending_Book_.title.in("Dune", "Emma")).orderBy(Lending_Member_.name.asc()).list();
                assertThat(readers).extracting(m -> m.name).containsExactly("Ada", "Bob");
                assertThat(session.select(Member.class).join(Lending_Member_.loans).where(Lending_Loan_.day.gt(2))
                        .orderBy(Lending_Member_.name.asc()).limit(1).list()).extracting(m -> m.name).containsExactly("Ada");
            }
        }
    }

    @AllDatabases
    void joinsThroughAManyToManyAssociationTable(TestDatabase db) {
        try (Engine engine = Engine.create(db.url())) {
            load(engine);
            try (Session session = Session.open(engine, options())) {
                List<Book> byHerbert = session.select(Book.class).options(Load.selectIn(Lending_Book_.authors)).join(Lending_Book_.authors)
                        .where(Lending_Author_.name.eq("Herbert")).orderBy(Lending_Book_.title.asc()).list();
                assertThat(byHerbert).extracting(b -> b.title).containsExactly("Dune", "Ubik");
                assertThat(byHerbert.get(1).authors).extracting(a -> a.name).containsExactlyInAnyOrder("Dick", "Herbert");

                // through a to-one and then a many-to-many: loans of books Austen wrote
                List<Loan> austen = loanQuery(session, false).join(Lending_Loan_.book).join(Lending_Book_.authors)
                        .where(Lending_Author_.name.eq("Austen")).orderBy(Lending_Loan_.day.asc()).list();
                assertThat(loans(austen)).containsExactly("Bob/Emma/1", "Ada/Emma/5");
            }
        }
    }

    @Test
    void joinsThatCannotBeAnsweredSaySo() {
        try (Engine engine = Engine.create("sqlite://")) {
            load(engine);
            try (Session session = Session.open(engine, options())) {
                assertThatThrownBy(() -> session.select(Loan.class).join(Lending_Book_.authors))
                        .isInstanceOf(UsageException.class)
                        .hasMessageContaining("cannot join Book.authors: the query has no Book yet; it selects Loan");
                assertThatThrownBy(() -> session.select(Member.class).join(Lending_Member_.loans)
                        .orderBy(Lending_Loan_.day.asc()).list())
                        .isInstanceOf(UsageException.class)
                        .hasMessageContaining("Member.loans, a to-many relationship");
                assertThatThrownBy(() -> session.select(Loan.class).join(Lending_Loan_.member).join(Lending_Member_.loans))
                        .isInstanceOf(UsageException.class)
                        .hasMessageContaining("table loans is already in the query");
            }
        }
    }
}
