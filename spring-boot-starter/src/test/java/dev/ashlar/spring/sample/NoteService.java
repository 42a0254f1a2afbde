package dev.ashlar.spring.sample;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Session;
import dev.ashlar.spring.AshlarSessions;
import org.springframework.transaction.annotation.Transactional;

/** An application service writing through Ashlar inside Spring-managed transactions. */
public class NoteService {
    private final AshlarSessions sessions;
    private final Engine engine;

    public NoteService(AshlarSessions sessions, Engine engine) {
        this.sessions = sessions;
        this.engine = engine;
    }

    /** Writes a note through a session, then fails when asked to, after the session committed its part. */
    @Transactional
    public void write(String text, boolean thenFail) {
        try (Session session = sessions.open()) {
            session.add(new Note(text));
            session.commit();
        }
        if (thenFail) {
            throw new IllegalStateException("failing after the session's commit: " + text);
        }
    }

    /** Whether a connection taken inside the Spring transaction says it is in one. */
    @Transactional
    public boolean connectionJoinsTheTransaction() {
        try (Connection conn = engine.connect()) {
            return conn.inTransaction();
        }
    }
}
