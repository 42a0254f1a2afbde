package dev.ashlar.test;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.orm.Session;
import dev.ashlar.orm.SessionOptions;
import java.util.function.Supplier;

/**
 * One test's transaction and the fixtures on it, opened when the test first asks for one: a
 * connection from the shared engine with a transaction begun on it, an engine over that connection
 * whose every connection joins the transaction, the injected connection and session, and the
 * statement log. {@link #close()} closes the fixtures and rolls the transaction back.
 */
final class TestTransaction {
    private final Supplier<Engine> shared;
    private final AshlarTest config;
    private final ExpectStatements budget;
    private final StatementLog log = new StatementLog();
    private Connection base;
    private Transaction outer;
    private Engine engine;
    private Connection connection;
    private Session session;

    TestTransaction(Supplier<Engine> shared, AshlarTest config, ExpectStatements budget) {
        this.shared = shared;
        this.config = config;
        this.budget = budget;
    }

    Engine engine() {
        if (engine == null) {
            Engine sharedEngine = shared.get();
            base = sharedEngine.connect();
            outer = base.begin();
            engine = Engine.create(new HeldConnection(base.jdbc()), sharedEngine.dialect(), EngineOptions.defaults()
                    .echo(config.echo()).managedTransactions(c -> true).listener(log));
        }
        return engine;
    }

    Connection connection() {
        if (connection == null) {
            connection = engine().connect();
        }
        return connection;
    }

    /** A session on the injected connection, so that its savepoints and the test's own nest on one connection. */
    Session session() {
        if (session == null) {
            session = Session.open(connection(), config.strictNPlusOne() ? SessionOptions.strict() : SessionOptions.defaults());
        }
        return session;
    }

    StatementLog log() {
        return log;
    }

    ExpectStatements budget() {
        return budget;
    }

    /** Closes the session and connection, rolls the test's transaction back and gives its connection back. */
    void close() {
        try (Connection b = base) {
            try {
                if (session != null) {
                    session.close();
                }
            } finally {
                try {
                    if (connection != null) {
                        connection.close();
                    }
                } finally {
                    if (outer != null && outer.isActive()) {
                        outer.rollback();
                    }
                }
            }
        }
    }
}
