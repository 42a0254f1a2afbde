package dev.ashlar.orm.internal;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.StatementTemplate;
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
    /** Waiting work in order: runs of plain statements, and runs of one template with their rows. */
    private final List<Object> pending = new ArrayList<>();

    /** One template's rows, waiting to go out as one JDBC batch. */
    private record TemplateRun(StatementTemplate template, List<Object[]> rows) {
    }

    /** An empty batch on {@code connection}. */
    public StatementBatch(Connection connection) {
        this.connection = connection;
    }

    /** The connection the batch runs on. */
    public Connection connection() {
        return connection;
    }

    /** Adds a statement to send with the next {@link #run()}. */
    @SuppressWarnings("unchecked")
    public void add(Statement statement) {
        Object last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last instanceof List<?> run) {
            ((List<Statement>) run).add(statement);
        } else {
            List<Statement> run = new ArrayList<>();
            run.add(statement);
            pending.add(run);
        }
    }

    /**
     * Adds one run of a write template with {@code values} for its slots; consecutive runs of the
     * same template go out as one JDBC batch.
     */
    public void add(StatementTemplate template, Object[] values) {
        Object last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last instanceof TemplateRun run && run.template() == template) {
            run.rows().add(values);
        } else {
            List<Object[]> rows = new ArrayList<>();
            rows.add(values);
            pending.add(new TemplateRun(template, rows));
        }
    }

    /** Sends the waiting statements, if any, in the order they were added. */
    @SuppressWarnings("unchecked")
    public void run() {
        if (pending.isEmpty()) {
            return;
        }
        List<Object> now = List.copyOf(pending);
        pending.clear();
        for (Object work : now) {
            if (work instanceof TemplateRun run) {
                connection.executeBatch(run.template(), run.rows());
            } else {
                connection.executeBatch((List<Statement>) work);
            }
        }
    }

    /**
     * Runs the waiting statements, then {@code statement} alone, which must change exactly one row:
     * a versioned UPDATE or DELETE whose row is gone or has a newer version changes none.
     *
     * @throws StaleObjectException when it changed no row
     */
    public void runVersioned(Statement statement, ModelMeta meta, Object model, Object expectedVersion) {
        run();
        if (connection.execute(statement) != 1) {
            throw new StaleObjectException(meta.type(), meta.describe(model), expectedVersion,
                    connection.dialect().compile(statement).sql());
        }
    }
}
