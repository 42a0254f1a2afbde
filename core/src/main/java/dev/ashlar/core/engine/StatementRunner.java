package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.ConnectionClosedException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Param;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one path by which a {@link Connection} sends prepared statements: take a statement from the
 * {@link StatementCache}, bind, execute, tell the {@link StatementListener}, log to the
 * {@link Echo}, give the statement back, and translate failures. Queries, single writes and JDBC
 * batches all go through here so that they cache, log and report errors the same way. It also
 * tracks the {@link Result}s still open, since they hold statements that must not outlive the
 * connection.
 */
final class StatementRunner {
    /** Binds a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Binds one row of a batch. */
    interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private final Engine engine;
    private final Dialect dialect;
    private final Echo echo;
    private final java.sql.Connection jdbc;
    /** The driver's connection under the pool's proxy, which prepared statements outlive this borrowing on. */
    private final java.sql.Connection physical;
    private final StatementCache statements;
    /** Results not yet closed, closed with the connection so that no statement outlives it. */
    private final Set<Result> openResults = Collections.newSetFromMap(new IdentityHashMap<>());
    private StatementListener listener;
    private boolean closed;

    StatementRunner(Engine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.echo = engine.echo();
        this.jdbc = jdbc;
        this.physical = physical(jdbc);
        this.statements = engine.statementCache(physical);
    }

    private static java.sql.Connection physical(java.sql.Connection pooled) {
        try {
            return pooled.isWrapperFor(java.sql.Connection.class) ? pooled.unwrap(java.sql.Connection.class) : pooled;
        } catch (SQLException e) {
            // Without the driver's connection, statements are prepared on the proxy and live as long as this borrowing.
            return pooled;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    Echo echo() {
        return echo;
    }

    /** The pooled connection (the pool's proxy), for statements that are not cached. */
    java.sql.Connection jdbc() {
        return jdbc;
    }

    void listener(StatementListener listener) {
        this.listener = listener;
    }

    StatementListener listener() {
        return listener;
    }

    void notifyListener(String sql, int batchSize) {
        if (listener != null) {
            listener.executed(sql, batchSize);
        }
    }

    void checkOpen() {
        if (closed) {
            throw new ConnectionClosedException("this connection is closed; get a new one from engine.connect()");
        }
    }

    boolean isClosed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    // ---- statements -----------------------------------------------------------------------

    /**
     * A prepared statement for {@code sql}; give it back with {@link #release}. A {@code null} key
     * asks for one that is not cached, prepared on the pool's proxy and closed on release.
     */
    PreparedStatement prepare(String key, String sql, int fetchSize) throws SQLException {
        if (key == null) {
            return jdbc.prepareStatement(sql);
        }
        return statements.take(physical, key, sql, fetchSize);
    }

    /** Gives a statement back to the cache after use; {@code key == null} marks one that is not cached, which closes. */
    void release(String key, PreparedStatement ps) {
        if (key == null) {
            StatementCache.discard(ps);
        } else {
            statements.give(key, ps);
        }
    }

    /** Binds compiled parameters through their types' codecs. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void bind(PreparedStatement ps, List<Param<?>> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            dialect.codec(p.type()).bind(ps, i + 1, p.value());
        }
    }

    /** Runs a compiled query; {@code fetchSize} 0 leaves the driver's default. */
    Result query(CompiledSql compiled, List<? extends Expression<?>> columns, int fetchSize) {
        return query(compiled.sql(), fetchSize, ps -> bind(ps, compiled.parameters()), columns, compiled::parameterValues);
    }

    /** Runs one compiled INSERT, UPDATE or DELETE and returns its row count. */
    int update(CompiledSql compiled) {
        return update(compiled.sql(), ps -> bind(ps, compiled.parameters()), compiled::parameterValues);
    }

    /**
     * Runs a query and returns its open result, reading {@code columns} with their types' codecs.
     * {@code values} gives the bound values, worked out only for a log line or an error message.
     */
    Result query(String sql, int fetchSize, Binder binder, List<? extends Expression<?>> columns, Supplier<List<Object>> values) {
        checkOpen();
        long start = System.nanoTime();
        String key = StatementCache.key(sql, fetchSize);
        PreparedStatement ps = null;
        try {
            ps = prepare(key, sql, fetchSize);
            binder.bind(ps);
            ResultSet rs = ps.executeQuery();
            notifyListener(sql, 1);
            return register(new Result(this, ps, key, rs, RowShape.of(dialect, columns, rs), sql, values, start));
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, values.get());
        } catch (RuntimeException e) {
            StatementCache.discard(ps);
            throw e;
        }
    }

    /** Runs one INSERT, UPDATE or DELETE and returns its row count. */
    int update(String sql, Binder binder, Supplier<List<Object>> values) {
        checkOpen();
        long start = System.nanoTime();
        PreparedStatement ps = null;
        try {
            ps = prepare(sql, sql, 0);
            binder.bind(ps);
            int count = ps.executeUpdate();
            notifyListener(sql, 1);
            if (echo.on()) {
                echo.statement(sql, values.get(), start, count, "rows affected");
            }
            release(sql, ps);
            return count;
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, values.get());
        } catch (RuntimeException e) {
            StatementCache.discard(ps);
            throw e;
        }
    }

    /**
     * Runs {@code sql} once per row as one JDBC batch and returns each run's row count. The log shows
     * the first row's values; an error shows those of the row being bound, or of the last row when
     * the batch itself fails.
     */
    <T> int[] batch(String sql, List<T> rows, RowBinder<? super T> binder, Function<? super T, List<Object>> valuesOf) {
        checkOpen();
        long start = System.nanoTime();
        PreparedStatement ps = null;
        T current = rows.get(0);
        try {
            ps = prepare(sql, sql, 0);
            for (T row : rows) {
                current = row;
                binder.bind(ps, row);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            notifyListener(sql, rows.size());
            if (echo.on()) {
                echo.statement(sql + "  -- batch of " + rows.size(), valuesOf.apply(rows.get(0)), start, rows.size(), "statements");
            }
            release(sql, ps);
            return counts;
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, valuesOf.apply(current));
        } catch (RuntimeException e) {
            StatementCache.discard(ps);
            throw e;
        }
    }

    /** Turns a driver error into Ashlar's typed one, naming the SQL and its values. */
    DatabaseException translate(SQLException e, String sql, List<Object> values) {
        DatabaseException translated = dialect.translate(e, sql, values);
        if (translated instanceof ConnectionException) {
            // Cached statements run on the driver's connection, out of the pool's sight: tell the
            // pool that this connection is broken, as it would notice itself through its proxies.
            engine.evict(jdbc);
        }
        return translated;
    }

    // ---- open results ---------------------------------------------------------------------

    /** Tracks a new result until it closes. */
    Result register(Result result) {
        openResults.add(result);
        return result;
    }

    /** Called by a result as it closes: stops tracking it and logs the query with the rows read. */
    void resultClosed(Result result, String sql, Supplier<List<Object>> values, long start, long rows) {
        openResults.remove(result);
        if (echo.on()) {
            echo.statement(sql, values.get(), start, rows, "rows");
        }
    }

    int openResults() {
        return openResults.size();
    }

    /** Closes every result still open, ignoring failures: the connection is going back to the pool. */
    void closeResults() {
        for (Result result : List.copyOf(openResults)) {
            try {
                result.close();
            } catch (RuntimeException ignored) {
                // the connection is going back to the pool; closing it releases what is left
            }
        }
    }
}
