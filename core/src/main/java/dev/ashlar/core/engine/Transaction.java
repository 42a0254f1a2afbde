package dev.ashlar.core.engine;

import dev.ashlar.core.error.UsageException;

/**
 * A transaction or, when begun inside another, a savepoint. Use it in try-with-resources: closing
 * it without {@link #commit()} rolls it back, so an exception never leaves half a write behind.
 */
public final class Transaction implements AutoCloseable {
    private final TransactionControl control;
    private final Transaction parent;
    private final String savepoint;
    private boolean done;

    Transaction(TransactionControl control, Transaction parent, String savepoint) {
        this.control = control;
        this.parent = parent;
        this.savepoint = savepoint;
    }

    /**
     * Commits (or, for a savepoint, releases it into the enclosing transaction). A savepoint's
     * {@code RELEASE SAVEPOINT} is sent with the connection's next savepoint, in one round trip, or
     * not at all when the enclosing transaction ends first, which ends it anyway; from here on it
     * cannot be rolled back to either way.
     */
    public void commit() {
        checkActive();
        done = true;
        control.end(this, true);
    }

    /** Rolls back (to the savepoint, for a nested transaction). */
    public void rollback() {
        checkActive();
        done = true;
        control.end(this, false);
    }

    /** Whether neither commit nor rollback has happened yet. */
    public boolean isActive() {
        return !done;
    }

    /** Whether this is a savepoint inside another transaction (Ashlar's, or a framework's the connection joined). */
    public boolean isNested() {
        return savepoint != null;
    }

    Transaction parent() {
        return parent;
    }

    String savepoint() {
        return savepoint;
    }

    private void checkActive() {
        if (done) {
            throw new UsageException("the transaction has already been committed or rolled back; "
                    + "begin a new one with connection.begin()");
        }
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        if (!done) {
            rollback();
        }
    }
}
