package dev.ashlar.test;

import dev.ashlar.core.engine.ExecutionListener;
import dev.ashlar.core.engine.StatementEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statements one test sent through the injected engine, connections and sessions: queries and
 * writes, with their SQL as sent (placeholders, no values); transaction control is left out. Inject
 * it to assert on counts within a test; {@link ExpectStatements} uses it for the whole test.
 */
public final class StatementLog implements ExecutionListener {
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    StatementLog() {
    }

    @Override
    public void statementEnded(StatementEvent event) {
        if (!event.kind().isTransactionControl()) {
            statements.add(event.isBatch() ? event.sql() + "  -- batch of " + event.batchSize() : event.sql());
        }
    }

    /** How many statements were sent so far. */
    public int count() {
        return statements.size();
    }

    /** The SQL of each statement sent so far, in order. */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** The statements as a numbered list, one per line, for failure messages. */
    public String render() {
        StringBuilder out = new StringBuilder();
        List<String> all = statements();
        for (int i = 0; i < all.size(); i++) {
            out.append(String.format("%4d. %s%n", i + 1, all.get(i)));
        }
        return out.toString();
    }
}
