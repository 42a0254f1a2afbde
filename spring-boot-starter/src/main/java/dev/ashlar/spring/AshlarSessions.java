package dev.ashlar.spring;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.orm.Session;
import dev.ashlar.orm.SessionOptions;

/**
 * Opens ORM sessions on the application's engine with the options from {@code ashlar.*}. Inside a
 * {@code @Transactional} method a session joins Spring's transaction: its {@code commit()} releases a
 * savepoint, and Spring's commit or rollback decides what is kept.
 *
 * <pre>{@code
 * @Transactional
 * public void add(Item item) {
 *     try (Session session = sessions.open()) {
 *         session.add(item);
 *         session.commit();
 *     }
 * }
 * }</pre>
 */
public final class AshlarSessions {
    private final Engine engine;
    private final SessionOptions options;

    public AshlarSessions(Engine engine, SessionOptions options) {
        this.engine = engine;
        this.options = options;
    }

    /** A new session; close it (try-with-resources). */
    public Session open() {
        return Session.open(engine, options);
    }

    /** The options sessions are opened with. */
    public SessionOptions options() {
        return options;
    }
}
