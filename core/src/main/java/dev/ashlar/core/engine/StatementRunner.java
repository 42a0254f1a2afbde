package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.StatementCaching;
import dev.ashlar.core.error.ConnectionClosedException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.SqlNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The one path by which a {@link Connection} sends statements. Every kind goes through
 * {@link #execute} (or {@link #query}, its form for statements that leave an open result): queries,
 * single writes, JDBC batches, bulk loads (COPY), raw SQL, DDL, EXPLAIN and transaction control.
 * That one method checks that the connection is open, tells the {@link ExecutionListener}s that the
 * statement starts and how it ended, logs it to the {@link Echo}, and turns a driver failure into
 * Ashlar's typed exception, so no kind of statement can skip one of those steps. It also lends
 * prepared statements and tracks the {@link Result}s still open, since they hold statements that
 * must not outlive the connection.
 *
 * <p>Where statements come from is the dialect's {@link StatementCaching}: with the driver's cache
 * they are prepared on the pool's proxy and closed after use, so the pool sees every failure and
 * takes a broken connection out itself (its {@code SQLExceptionOverride}, set by the {@link Engine},
 * asks the dialect which failures mean a lost connection); with Ashlar's, they come from the
 * {@link StatementCache} of the driver's connection.
 */
final class StatementRunner {
    /** The JDBC work of one statement. */
    interface Call<T> {
        T run() throws SQLException;
    }

    /** Binds a statement's parameters. */
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Binds one row of a batch. */
    interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private static final Supplier<List<Object>> NO_VALUES = List::of;

    private final Dialect dialect;
    private final Echo echo;
    private final java.sql.Connection jdbc;
    /** The driver's connection under the pool's proxy, which cached statements outlive this borrowing on; {@code null} without Ashlar's cache. */
    private final java.sql.Connection physical;
    /** Ashlar's statement cache of that connection; {@code null} when the driver caches (see {@link StatementCaching}). */
    private final StatementCache statements;
    private final List<ExecutionListener> engineListeners;
    /** Results not yet closed, closed with the connection so that no statement outlives it. */
    private final Set<Result> openResults = Collections.newSetFromMap(new IdentityHashMap<>());
    private StatementListener listener;
    private boolean closed;
    /** Set once a statement failed because the connection broke: nothing more is sent on it. */
    private ConnectionException broken;

    StatementRunner(Engine engine, java.sql.Connection jdbc) {
        this.dialect = engine.dialect();
        this.echo = engine.echo();
        this.jdbc = jdbc;
        boolean cached = dialect.statementCaching() == StatementCaching.ASHLAR;
        this.physical = cached ? physical(jdbc) : null;
        this.statements = cached ? engine.statementCache(physical) : null;
        this.engineListeners = engine.listeners();
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

    /** The failure that showed this connection to be broken, or {@code null} while it works. */
    ConnectionException broken() {
        return broken;
    }

    // ---- the one path ---------------------------------------------------------------------

    /**
     * Runs one statement: {@code call} does the JDBC work and {@code rows} reads the row count from its
     * outcome (-1 for none). {@code source} is the DSL statement it came from, for the listeners' table
     * names, or {@code null}. {@code note} is added to the echo line (such as a batch's size).
     */
    <T> T execute(StatementKind kind, String sql, SqlNode source, int batchSize, boolean batch, Supplier<List<Object>> values,
                  Call<T> call, ToLongFunction<? super T> rows, String note) {
        checkOpen();
        long start = System.nanoTime();
        StatementEvent event = started(kind, sql, source, batchSize, batch, start, values);
        T outcome;
        try {
            outcome = call.run();
        } catch (SQLException e) {
            DatabaseException translated = translate(e, sql, values.get());
            ended(event, -1, translated);
            throw translated;
        } catch (RuntimeException e) {
            ended(event, -1, e);
            throw e;
        }
        long count = rows.applyAsLong(outcome);
        ended(event, count, null);
        if (echo.on()) {
            log(kind, note == null ? sql : sql + note, values.get(), start, count);
        }
        return outcome;
    }

    /** Runs a statement without rows or values, such as transaction control: the SQL named in logs and errors is {@code sql}. */
    void control(StatementKind kind, String sql, Call<?> call) {
        execute(kind, sql, null, 1, false, NO_VALUES, call, outcome -> -1, null);
    }

    /**
     * Runs two control statements that {@code call} sends together, in one round trip (a JDBC batch):
     * each is still reported to the listeners and echoed as its own statement, in order. A failure
     * names both, as sent.
     */
    void controls(StatementKind firstKind, String first, StatementKind secondKind, String second, Call<?> call) {
        checkOpen();
        long start = System.nanoTime();
        StatementEvent firstEvent = started(firstKind, first, null, 1, false, start, NO_VALUES);
        StatementEvent secondEvent = started(secondKind, second, null, 1, false, start, NO_VALUES);
        try {
            call.run();
        } catch (SQLException e) {
            DatabaseException translated = translate(e, first + "; " + second, List.of());
            ended(firstEvent, -1, translated);
            ended(secondEvent, -1, translated);
            throw translated;
        } catch (RuntimeException e) {
            ended(firstEvent, -1, e);
            ended(secondEvent, -1, e);
            throw e;
        }
        ended(firstEvent, -1, null);
        ended(secondEvent, -1, null);
        if (echo.on()) {
            echo.control(first);
            echo.control(second);
        }
    }

    private void log(StatementKind kind, String sql, List<Object> values, long start, long rows) {
        if (kind.isTransactionControl()) {
            echo.control(sql);
        } else if (rows < 0) {
            echo.statement(sql, values, start);
        } else {
            echo.statement(sql, values, start, rows, kind == StatementKind.QUERY || kind == StatementKind.EXPLAIN ? "rows" : "rows affected");
        }
    }

    private StatementEvent started(StatementKind kind, String sql, SqlNode source, int batchSize, boolean batch, long start,
                                  Supplier<List<Object>> values) {
        if (listener == null && engineListeners.isEmpty()) {
            return null;
        }
        StatementEvent event = new StatementEvent(kind, sql, StatementTables.of(source), batchSize, batch, start, listener, engineListeners);
        event.runner = this;
        event.values = values;
        for (ExecutionListener l : engineListeners) {
            l.statementStarted(event);
        }
        if (listener != null) {
            listener.statementStarted(event);
        }
        return event;
    }

    private static void ended(StatementEvent event, long rows, RuntimeException error) {
        if (event == null) {
            return;
        }
        event.end(rows, error);
        for (ExecutionListener l : event.engineListeners) {
            l.statementEnded(event);
        }
        if (event.connectionListener != null) {
            event.connectionListener.statementEnded(event);
        }
    }

    // ---- prepared statements --------------------------------------------------------------

    /**
     * A prepared statement for {@code sql}; give it back with {@link #release}. A {@code null} key
     * asks for one that is not cached, prepared on the pool's proxy and closed on release; so are all
     * statements where the driver caches.
     */
    PreparedStatement prepare(String key, String sql, int fetchSize) throws SQLException {
        if (key == null || statements == null) {
            PreparedStatement ps = jdbc.prepareStatement(sql);
            if (fetchSize > 0) {
                ps.setFetchSize(fetchSize);
            }
            return ps;
        }
        return statements.take(physical, key, sql, fetchSize);
    }

    /** Gives a statement back to the cache after use; {@code key == null}, or no cache of Ashlar's, closes it. */
    void release(String key, PreparedStatement ps) {
        if (key == null || statements == null) {
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

    // ---- the kinds of statement -----------------------------------------------------------

    /** Runs a compiled query built from {@code source}; {@code fetchSize} 0 leaves the driver's default. */
    Result query(SqlNode source, CompiledSql compiled, List<? extends Expression<?>> columns, int fetchSize) {
        return query(source, compiled.sql(), fetchSize, ps -> bind(ps, compiled.parameters()), columns, compiled::parameterValues);
    }

    /** Runs one compiled INSERT, UPDATE or DELETE built from {@code source} and returns its row count. */
    int update(SqlNode source, CompiledSql compiled) {
        return update(kindOf(source), source, compiled.sql(), ps -> bind(ps, compiled.parameters()), compiled::parameterValues);
    }

    /**
     * Runs a query and returns its open result, reading {@code columns} with their types' codecs. The
     * listeners hear of its end, and the echo logs it, when the result closes and its rows are known.
     * {@code values} gives the bound values, worked out only for a log line or an error message.
     */
    Result query(SqlNode source, String sql, int fetchSize, Binder binder, List<? extends Expression<?>> columns,
                 Supplier<List<Object>> values) {
        String key = StatementCache.key(sql, fetchSize);
        return open(StatementKind.QUERY, source, sql, values, () -> {
            PreparedStatement ps = prepare(key, sql, fetchSize);
            try {
                binder.bind(ps);
                return new Opened(ps, key, ps.executeQuery(), columns, -1);
            } catch (SQLException | RuntimeException e) {
                StatementCache.discard(ps);
                throw e;
            }
        });
    }

    /**
     * A statement run and its open rows, before they become a {@link Result}; or, for raw SQL that
     * turned out not to be a query, no rows and the update count.
     */
    record Opened(PreparedStatement statement, String key, ResultSet rows, List<? extends Expression<?>> columns, int updateCount) {
        static Opened noRows(int updateCount) {
            return new Opened(null, null, null, null, updateCount);
        }
    }

    /** {@link #execute} for statements that leave an open result: their end is told when the result closes. */
    Result open(StatementKind kind, SqlNode source, String sql, Supplier<List<Object>> values, Call<Opened> call) {
        checkOpen();
        long start = System.nanoTime();
        StatementEvent event = started(kind, sql, source, 1, false, start, values);
        try {
            Opened opened = call.run();
            if (opened.rows() == null) {
                ended(event, opened.updateCount(), null);
                if (echo.on()) {
                    log(kind, sql, values.get(), start, opened.updateCount());
                }
                return null;
            }
            RowShape shape = opened.columns() == null ? RowShape.untyped(opened.rows().getMetaData())
                    : RowShape.of(dialect, opened.columns(), opened.rows());
            return register(new Result(this, opened.statement(), opened.key(), opened.rows(), shape, sql, values, start, event));
        } catch (SQLException e) {
            DatabaseException translated = translate(e, sql, values.get());
            ended(event, -1, translated);
            throw translated;
        } catch (RuntimeException e) {
            ended(event, -1, e);
            throw e;
        }
    }

    /** Runs one INSERT, UPDATE or DELETE and returns its row count. */
    int update(StatementKind kind, SqlNode source, String sql, Binder binder, Supplier<List<Object>> values) {
        return execute(kind, sql, source, 1, false, values, () -> {
            PreparedStatement ps = prepare(sql, sql, 0);
            try {
                binder.bind(ps);
                int count = ps.executeUpdate();
                release(sql, ps);
                return count;
            } catch (SQLException | RuntimeException e) {
                StatementCache.discard(ps);
                throw e;
            }
        }, count -> count, null);
    }

    /**
     * Runs {@code sql} once per row as one JDBC batch and returns each run's row count. The log shows
     * the first row's values; an error shows those of the row being bound, or of the last row when
     * the batch itself fails.
     */
    <T> int[] batch(StatementKind kind, SqlNode source, String sql, List<T> rows, RowBinder<? super T> binder,
                    Function<? super T, List<Object>> valuesOf) {
        Object[] current = {rows.get(0)};
        @SuppressWarnings("unchecked")
        Supplier<List<Object>> values = () -> valuesOf.apply((T) current[0]);
        return execute(kind, sql, source, rows.size(), true, values, () -> {
            PreparedStatement ps = prepare(sql, sql, 0);
            try {
                for (T row : rows) {
                    current[0] = row;
                    binder.bind(ps, row);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                release(sql, ps);
                current[0] = rows.get(0);
                return counts;
            } catch (SQLException | RuntimeException e) {
                StatementCache.discard(ps);
                throw e;
            }
        }, counts -> rowsOf(counts), "  -- batch of " + rows.size() + " rows, first row's values:");
    }

    /** Rows written by a batch; {@link java.sql.Statement#SUCCESS_NO_INFO} counts as one row written. */
    static long rowsOf(int[] counts) {
        long total = 0;
        for (int count : counts) {
            total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return total;
    }

    /** The kind of a DSL statement. */
    static StatementKind kindOf(SqlNode statement) {
        if (statement instanceof dev.ashlar.core.sql.Insert) {
            return StatementKind.INSERT;
        }
        if (statement instanceof dev.ashlar.core.sql.Update) {
            return StatementKind.UPDATE;
        }
        if (statement instanceof dev.ashlar.core.sql.Delete) {
            return StatementKind.DELETE;
        }
        return StatementKind.QUERY;
    }

    /**
     * Turns a driver error into Ashlar's typed one, naming the SQL and its values. A broken connection
     * is remembered, so that closing it afterwards sends nothing more and raises no second error; the
     * pool has seen the same failure pass through its proxy and takes the connection out itself.
     */
    DatabaseException translate(SQLException e, String sql, List<Object> values) {
        DatabaseException translated = dialect.translate(e, sql, values);
        if (translated instanceof ConnectionException lost && broken == null) {
            broken = lost;
        }
        return translated;
    }

    // ---- open results ---------------------------------------------------------------------

    /** Tracks a new result until it closes. */
    Result register(Result result) {
        openResults.add(result);
        return result;
    }

    /** Called by a result as it closes: stops tracking it, tells the listeners and logs the query with the rows read. */
    void resultClosed(Result result, String sql, Supplier<List<Object>> values, long start, long rows, StatementEvent event,
                      RuntimeException failure) {
        openResults.remove(result);
        ended(event, failure == null ? rows : -1, failure);
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
