package dev.ashlar.core.engine;

/**
 * A snapshot of an engine's connection pool, from {@link Engine#pool()}.
 *
 * @param active  connections lent out now (held by an open {@link Connection})
 * @param idle    connections open and waiting in the pool
 * @param waiting threads inside {@code connect()} waiting for a connection
 * @param maximum the most connections the pool opens
 */
public record PoolStats(int active, int idle, int waiting, int maximum) {
    /** Connections open now, lent out or idle. */
    public int total() {
        return active + idle;
    }
}
