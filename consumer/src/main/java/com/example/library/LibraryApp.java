package com.example.library;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Session;
import java.util.List;

/** Writes two books to an in-memory SQLite database and reads back the newer one through the generated metamodel. */
public final class LibraryApp {
    private LibraryApp() {
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.create("sqlite://")) {
            SchemaDdl.createAll(engine, Book_.TABLE.metadata());
            try (Session session = Session.open(engine)) {
                session.add(new Book("SICP", 1985));
                session.add(new Book("Designing Data-Intensive Applications", 2017));
                session.commit();
                List<Book> recent = session.select(Book.class).where(Book_.year.gt(2000)).list();
                if (recent.size() != 1 || !recent.get(0).title.startsWith("Designing")) {
                    throw new IllegalStateException("expected one book after 2000, got " + recent.size());
                }
                System.out.println("consumer: found '" + recent.get(0).title + "' (id " + recent.get(0).id + ")");
            }
        }
    }
}
