package dev.ashlar.core.engine;

/**
 * Tells an engine over a caller's {@link javax.sql.DataSource} whether a connection it just borrowed
 * belongs to a transaction that a framework began and will end, such as a Spring
 * {@code @Transactional} method's. Ashlar joins such a transaction: {@link Connection#inTransaction()}
 * is true, {@link Connection#begin()} makes a savepoint, an ORM session's writes go into a savepoint
 * released by its {@code commit()}, and closing the connection leaves the transaction to its owner.
 * Whether the work is kept is then the framework's decision.
 *
 * <p>Set it with {@link EngineOptions#managedTransactions}; the Spring Boot starter sets one that asks
 * Spring's transaction synchronization.
 */
@FunctionalInterface
public interface ManagedTransactions {
    /** No connection is in a managed transaction: Ashlar begins and ends its own (the default). */
    ManagedTransactions NONE = connection -> false;

    /**
     * Whether {@code connection}, as the data source handed it out, is inside a transaction that its
     * owner manages.
     */
    boolean isManaged(java.sql.Connection connection);
}
