package dev.ashlar.orm;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Id;
import dev.ashlar.declarative.Length;
import dev.ashlar.declarative.ManyToMany;
import dev.ashlar.declarative.ManyToOne;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.declarative.OneToMany;
import dev.ashlar.declarative.References;
import dev.ashlar.declarative.Required;
import java.util.ArrayList;
import java.util.List;

/** A small lending library for ORM joins: members with a tier, books with many authors, copies and loans. */
final class Lending {
    private Lending() {
    }

    static final ModelRegistry REGISTRY = new ModelRegistry(new MetaData());

    enum Tier { BASIC, GOLD }

    @Model(table = "members")
    static class Member {
        @Id Long id;
        @Required @Length(40) String name;
        @Required Tier tier;
        @OneToMany(mappedBy = "member") List<Loan> loans = new ArrayList<>();

        Member() {
        }

        Member(String name, Tier tier) {
            this.name = name;
            this.tier = tier;
        }
    }

    @Model(table = "authors")
    static class Author {
        @Id Long id;
        @Required @Length(40) String name;

        Author() {
        }

        Author(String name) {
            this.name = name;
        }
    }

    @Model(table = "authorship")
    static class Authorship {
        @Id @References(model = Book.class) Long bookId;
        @Id @References(model = Author.class) Long authorId;
    }

    @Model(table = "books")
    static class Book {
        @Id Long id;
        @Required @Length(80) String title;
        @ManyToMany(through = Authorship.class) List<Author> authors = new ArrayList<>();

        Book() {
        }

        Book(String title, Author... authors) {
            this.title = title;
            this.authors.addAll(List.of(authors));
        }
    }

    @Model(table = "loans")
    static class Loan {
        @Id Long id;
        @Required @References(model = Member.class) Long memberId;
        @Required @References(model = Book.class) Long bookId;
        @Required Integer day;
        @ManyToOne Ref<Member> member = new Ref<>();
        @ManyToOne Ref<Book> book = new Ref<>();

        Loan() {
        }

        Loan(Member member, Book book, int day) {
            this.member.set(member);
            this.book.set(book);
            this.day = day;
        }
    }
}
