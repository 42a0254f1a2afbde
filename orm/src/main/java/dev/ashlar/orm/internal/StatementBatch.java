package dev.ashlar.orm.internal;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.orm.StaleObjectException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements of a flush waiting to go out together as one JDBC batch (one round trip). A
 * statement whose result matters (a versioned write, an INSERT ... RETURNING) runs the batch first,
 * so statements still go out in the order they were made.
 */
public final class StatementBatch {
    private final Connection connection;
    private final List<Statement> statements = new ArrayList<>();

    /** An empty batch on {@code connection}. */
    public StatementBatch(Connection connection) {
        this.connection = connection;
    }

    /** The connection the batch runs on. */
    public Connection connection() {
        return connection;
    }

    /** Adds a statement to send with the next {@link #run()}. */
    public void add(Statement statement) {
        statements.add(statement);
    }

    /** Sends the waiting statements, if any. */
    public void run() {
        if (!statements.isEmpty()) {
            List<Statement> now = List.copyOf(statements);
            statements.clear();
            connection.executeBatch(now);
        }
    }

    /**
     * Runs the waiting statements, then {@code statement} alone, which must change exactly one row:
     * a versioned UPDATE or DELETE whose row is gone or has a newer version changes none.
     *
     * @throws StaleObjectException when it changed no row
     */
    public void runVersioned(Statement statement, EntityMeta meta, Object model, Object expectedVersion) {
        run();
        if (connection.execute(statement) != 1) {
            throw new StaleObjectException(meta.type(), meta.describe(model), expectedVersion,
                    connection.dialect().compile(statement).sql());
        }
    }
}
