package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.ValueCodec;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.ConnectionException;
import dev.ashlar.core.error.DatabaseException;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Param;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.Statement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Update;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One pooled database connection. Statements run in autocommit until {@link #begin()} starts a
 * transaction; {@code begin()} inside a transaction makes a savepoint. Not thread-safe: use one per
 * thread, in try-with-resources, which returns it to the pool (rolling back what was left open).
 */
public final class Connection implements AutoCloseable {
    private final Engine engine;
    private final java.sql.Connection jdbc;
    /** The driver's connection under the pool's proxy, which prepared statements outlive this borrowing on. */
    private final java.sql.Connection physical;
    private final StatementCache statements;
    private final Dialect dialect;
    private final Echo echo;
    private Transaction current;
    /** Results not yet closed, closed with the connection so that no statement outlives it. */
    private final Set<Result> openResults = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Open cursors holding the implicit transaction PostgreSQL cursors need; 0 when none. */
    private int cursorTransactions;
    private Integer isolationToRestore;
    private int savepoints;
    private boolean closed;
    private StatementListener listener;

    Connection(Engine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.dialect = engine.dialect();
        this.echo = engine.echo();
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

    /** The dialect of the database this connection talks to. */
    public Dialect dialect() {
        return dialect;
    }

    /** The engine this connection came from. */
    public Engine engine() {
        return engine;
    }

    /** Sets the listener told about each statement this connection sends; {@code null} removes it. */
    public void statementListener(StatementListener listener) {
        this.listener = listener;
    }

    void notifyListener(String sql, int batchSize) {
        if (listener != null) {
            listener.executed(sql, batchSize);
        }
    }

    // ---- statements -----------------------------------------------------------------------

    /** Runs a query; read the rows from the returned {@link Result}, which holds an open cursor. */
    public Result query(Select select) {
        CompiledSql compiled = dialect.compile(select);
        return open(compiled, select.columns());
    }

    /**
     * Runs a {@link StatementTemplate} with {@code values} for its slots, in the slots' order: the
     * statement is compiled once per template, and each run only binds.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Result query(StatementTemplate template, Object... values) {
        checkOpen();
        if (values.length != template.slotCount()) {
            throw new IllegalArgumentException("the template has " + template.slotCount() + " slots, given " + values.length + " values");
        }
        if (template.resultColumns().isEmpty()) {
            throw new IllegalArgumentException("a write template runs with executeBatch, not query");
        }
        StatementTemplate.Compiled compiled = template.compiled(dialect);
        long start = System.nanoTime();
        String sql = compiled.sql();
        int[] slotOf = compiled.slotOfParameter();
        java.util.function.Supplier<List<Object>> logged = () -> {
            List<Object> out = new ArrayList<>(slotOf.length);
            for (int slot : slotOf) {
                out.add(values[slot]);
            }
            return out;
        };
        PreparedStatement ps = null;
        try {
            ps = prepare(sql, sql, 0);
            for (int i = 0; i < slotOf.length; i++) {
                Param p = template.slotAt(slotOf[i]);
                dialect.codec(p.type()).bind(ps, i + 1, values[slotOf[i]]);
            }
            ResultSet rs = ps.executeQuery();
            notifyListener(sql, 1);
            return register(new Result(this, ps, sql, rs, RowShape.of(dialect, template.resultColumns(), rs), sql, logged, start));
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, logged.get());
        }
    }

    /** Runs any query, such as a {@link dev.ashlar.core.sql.CompoundSelect} ({@code UNION} and the like). */
    public Result query(dev.ashlar.core.sql.Query query) {
        CompiledSql compiled = dialect.compile(query);
        return open(compiled, query.columns());
    }

    /**
     * Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. An insert of many
     * rows runs as JDBC batches of one prepared statement (see {@link BatchWriter}), in one transaction.
     */
    public int execute(Statement statement) {
        if (statement instanceof Insert insert && insert.rowCount() > 1) {
            return new BatchWriter(this).execute(insert);
        }
        return executeUpdate(dialect.compile(statement));
    }

    /**
     * Runs an INSERT and returns the row's {@link Insert#returning() requested columns} (or, when none
     * were requested, its primary key), read with RETURNING where the database has it.
     */
    public Row insertReturning(Insert insert) {
        if (insert.returning().isEmpty()) {
            insert.returning(insert.table().primaryKey().toArray(new Column<?>[0]));
        }
        CompiledSql compiled = dialect.compile(insert);
        if (dialect.supportsInsertReturning()) {
            return open(compiled, insert.returning()).one();
        }
        throw new AshlarException(dialect.name() + " has no INSERT ... RETURNING");
    }

    /**
     * Runs an INSERT (of any number of rows, or from a select), UPDATE or DELETE with RETURNING and
     * gives back the requested columns of every row it wrote. An insert that asks for no columns
     * returns its primary key. Where the database lacks INSERT ... RETURNING, generated keys are read
     * instead; UPDATE ... RETURNING on MariaDB is an {@link dev.ashlar.core.error.UnsupportedFeatureException}.
     */
    public List<Row> executeReturning(Statement statement) {
        if (statement instanceof Insert insert) {
            if (insert.returning().isEmpty()) {
                insert.returning(insert.table().primaryKey().toArray(new Column<?>[0]));
            }
            return new BatchWriter(this).insertReturning(insert);
        }
        List<Column<?>> returning = statement instanceof Update u ? u.returning()
                : statement instanceof Delete d ? d.returning() : List.of();
        if (returning.isEmpty()) {
            throw new AshlarException("executeReturning needs a statement with returning(columns...)");
        }
        CompiledSql compiled = dialect.compile(statement);
        return open(compiled, returning).list();
    }

    // ---- streaming ------------------------------------------------------------------------

    /** Rows fetched per round trip by {@link #cursor(Select)} and {@link #stream(Select)}. */
    public static final int DEFAULT_FETCH_SIZE = 1_000;

    /**
     * Runs a query for reading in constant memory: the driver fetches {@link #DEFAULT_FETCH_SIZE} rows
     * at a time. Iterate the result or {@link Result#stream()} it, in try-with-resources.
     */
    public Result cursor(Select select) {
        return cursor(select, DEFAULT_FETCH_SIZE);
    }

    /**
     * Like {@link #cursor(Select)} with the given fetch size. On PostgreSQL a cursor needs a
     * transaction: when none is open, one is opened for the result's lifetime and committed when it
     * closes (statements run on this connection meanwhile belong to it).
     */
    public Result cursor(Select select, int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size must be positive, got " + fetchSize);
        }
        CompiledSql compiled = dialect.compile(select);
        boolean implicit = dialect.cursorsNeedTransaction() && !inTransaction();
        if (implicit) {
            beginCursorTransaction(compiled.sql());
        }
        try {
            Result result = open(compiled, select.columns(), fetchSize);
            if (implicit) {
                result.afterClose(this::endCursorTransaction);
            }
            return result;
        } catch (RuntimeException e) {
            if (implicit) {
                endCursorTransaction();
            }
            throw e;
        }
    }

    /**
     * The rows of a query as a lazy stream read through a {@link #cursor(Select) cursor}. Close it:
     * use try-with-resources, since an early exit such as {@code limit()} does not close a stream.
     */
    public Stream<Row> stream(Select select) {
        return cursor(select).stream();
    }

    /**
     * Reads a query through a cursor as a stream handed to {@code work}, and closes it afterwards
     * whatever happens: on return, on an early exit and on an exception.
     */
    public <R> R stream(Select select, Function<? super Stream<Row>, ? extends R> work) {
        try (Stream<Row> rows = stream(select)) {
            return work.apply(rows);
        }
    }

    /** Calls {@code action} for each row, read through a cursor; the cursor is closed afterwards, also on an exception. */
    public void forEach(Select select, Consumer<? super Row> action) {
        try (Result result = cursor(select)) {
            for (Row row : result) {
                action.accept(row);
            }
        }
    }

    private void beginCursorTransaction(String sql) {
        try {
            jdbc.setAutoCommit(false);
            cursorTransactions++;
        } catch (SQLException e) {
            throw translate(e, sql, List.of());
        }
    }

    private void endCursorTransaction() {
        if (--cursorTransactions > 0) {
            return;
        }
        try {
            try {
                // The cursor only read, but statements run meanwhile would have committed in autocommit.
                jdbc.commit();
            } catch (SQLException e) {
                jdbc.rollback();
            } finally {
                jdbc.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e, "COMMIT", List.of());
        }
    }

    /** Whether a cursor's implicit transaction is open, in which statements already run without autocommit. */
    boolean inCursorTransaction() {
        return cursorTransactions > 0;
    }

    /** How many results of this connection are still open (for tests and leak checks). */
    int openResults() {
        return openResults.size();
    }

    /**
     * Runs raw SQL. {@code :name} placeholders are bound from {@code parameters} (never spliced into
     * the text); the result holds the rows of a query, or none for other statements.
     */
    public Result sql(String sql, Map<String, ?> parameters) {
        NamedParameters named = NamedParameters.parse(sql, dialect.backslashEscapesInStrings());
        List<Object> values = named.values(parameters);
        long start = System.nanoTime();
        try {
            PreparedStatement ps = jdbc.prepareStatement(named.sql());
            try {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                boolean hasRows = ps.execute();
                notifyListener(named.sql(), 1);
                ResultSet rs = hasRows ? ps.getResultSet() : null;
                if (rs == null) {
                    int count = ps.getUpdateCount();
                    ps.close();
                    if (echo.on()) {
                        echo.statement(named.sql(), values, start, count, "rows affected");
                    }
                    return null;
                }
                return register(new Result(this, ps, null, rs, RowShape.untyped(rs.getMetaData()), named.sql(), () -> values, start));
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, named.sql(), values);
        }
    }

    /** Runs raw SQL without parameters, such as DDL; returns the update count, or -1 for a query. */
    public int executeSql(String sql) {
        long start = System.nanoTime();
        try (java.sql.Statement s = jdbc.createStatement()) {
            boolean rows = s.execute(sql);
            notifyListener(sql, 1);
            int count = rows ? -1 : s.getUpdateCount();
            if (echo.on()) {
                echo.statement(sql, List.of(), start);
            }
            return count;
        } catch (SQLException e) {
            throw translate(e, sql, List.of());
        }
    }

    Result open(CompiledSql compiled, List<? extends dev.ashlar.core.sql.Expression<?>> columns) {
        return open(compiled, columns, 0);
    }

    private Result open(CompiledSql compiled, List<? extends dev.ashlar.core.sql.Expression<?>> columns, int fetchSize) {
        checkOpen();
        long start = System.nanoTime();
        String sql = compiled.sql();
        String key = StatementCache.key(sql, fetchSize);
        PreparedStatement ps = null;
        try {
            ps = prepare(key, sql, fetchSize);
            bind(ps, compiled.parameters());
            ResultSet rs = ps.executeQuery();
            notifyListener(sql, 1);
            return register(new Result(this, ps, key, rs, RowShape.of(dialect, columns, rs), sql, compiled::parameterValues, start));
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, compiled.parameterValues());
        }
    }

    /** A prepared statement for {@code sql} from this connection's cache; give it back with {@link #release}. */
    PreparedStatement prepare(String key, String sql, int fetchSize) throws SQLException {
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

    private int executeUpdate(CompiledSql compiled) {
        checkOpen();
        long start = System.nanoTime();
        String sql = compiled.sql();
        PreparedStatement ps = null;
        try {
            ps = prepare(sql, sql, 0);
            bind(ps, compiled.parameters());
            int count = ps.executeUpdate();
            notifyListener(sql, 1);
            if (echo.on()) {
                echo.statement(sql, compiled.parameterValues(), start, count, "rows affected");
            }
            release(sql, ps);
            return count;
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, compiled.parameterValues());
        }
    }

    /**
     * Runs INSERT, UPDATE or DELETE statements in order and returns each one's row count. Consecutive
     * statements that compile to the same SQL go to the database as one JDBC batch, one round trip.
     * A count may be {@link java.sql.Statement#SUCCESS_NO_INFO} when the driver does not report it.
     */
    public int[] executeBatch(List<? extends Statement> statements) {
        checkOpen();
        int[] counts = new int[statements.size()];
        int i = 0;
        while (i < statements.size()) {
            CompiledSql first = dialect.compile(statements.get(i));
            List<List<Param<?>>> group = new ArrayList<>();
            group.add(first.parameters());
            // UPDATEs that differ only in their values are bound without compiling them again.
            UpdateShape shape = UpdateShape.of(statements.get(i), first);
            int j = i + 1;
            while (j < statements.size()) {
                List<Param<?>> direct = shape == null ? null : shape.parameters(statements.get(j));
                if (direct != null) {
                    group.add(direct);
                } else {
                    CompiledSql next = dialect.compile(statements.get(j));
                    if (!next.sql().equals(first.sql())) {
                        break;
                    }
                    group.add(next.parameters());
                }
                j++;
            }
            int[] groupCounts = group.size() == 1
                    ? new int[] {executeUpdate(first)}
                    : executeGroup(first, group);
            System.arraycopy(groupCounts, 0, counts, i, groupCounts.length);
            i = j;
        }
        return counts;
    }

    /**
     * Runs a write {@link StatementTemplate} once per array of {@code rows} (each holding values for
     * its slots, in the slots' order) as one JDBC batch: compiled once per template, each row only
     * bound. Returns the row count of each run.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int[] executeBatch(StatementTemplate template, List<Object[]> rows) {
        checkOpen();
        if (rows.isEmpty()) {
            return new int[0];
        }
        StatementTemplate.Compiled compiled = template.compiled(dialect);
        long start = System.nanoTime();
        String sql = compiled.sql();
        int[] slotOf = compiled.slotOfParameter();
        ValueCodec[] codecs = new ValueCodec[slotOf.length];
        for (int i = 0; i < slotOf.length; i++) {
            codecs[i] = dialect.codec(template.slotAt(slotOf[i]).type());
        }
        PreparedStatement ps = null;
        Object[] current = rows.get(0);
        try {
            ps = prepare(sql, sql, 0);
            for (Object[] values : rows) {
                current = values;
                if (values.length != template.slotCount()) {
                    throw new IllegalArgumentException("the template has " + template.slotCount() + " slots, given " + values.length + " values");
                }
                for (int i = 0; i < slotOf.length; i++) {
                    codecs[i].bind(ps, i + 1, values[slotOf[i]]);
                }
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            notifyListener(sql, rows.size());
            if (echo.on()) {
                echo.statement(sql + "  -- batch of " + rows.size(), slotValues(slotOf, rows.get(0)), start, rows.size(), "statements");
            }
            release(sql, ps);
            return counts;
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, slotValues(slotOf, current));
        }
    }

    private static List<Object> slotValues(int[] slotOf, Object[] values) {
        List<Object> out = new ArrayList<>(slotOf.length);
        for (int slot : slotOf) {
            out.add(values[slot]);
        }
        return out;
    }

    private int[] executeGroup(CompiledSql first, List<List<Param<?>>> group) {
        long start = System.nanoTime();
        String sql = first.sql();
        PreparedStatement ps = null;
        try {
            ps = prepare(sql, sql, 0);
            for (List<Param<?>> params : group) {
                bind(ps, params);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            notifyListener(sql, group.size());
            if (echo.on()) {
                echo.statement(sql + "  -- batch of " + group.size(), first.parameterValues(), start, group.size(), "statements");
            }
            release(sql, ps);
            return counts;
        } catch (SQLException e) {
            StatementCache.discard(ps);
            throw translate(e, sql, first.parameterValues());
        }
    }

    private Result register(Result result) {
        openResults.add(result);
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void bind(PreparedStatement ps, List<Param<?>> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            dialect.codec(p.type()).bind(ps, i + 1, p.value());
        }
    }

    void resultClosed(Result result, String sql, java.util.function.Supplier<List<Object>> values, long start, long rows) {
        openResults.remove(result);
        if (echo.on()) {
            echo.statement(sql, values.get(), start, rows, "rows");
        }
    }

    DatabaseException translate(SQLException e, String sql, List<Object> values) {
        DatabaseException translated = dialect.translate(e, sql, values);
        if (translated instanceof ConnectionException) {
            // Cached statements run on the driver's connection, out of the pool's sight: tell the
            // pool that this connection is broken, as it would notice itself through its proxies.
            engine.evict(jdbc);
        }
        return translated;
    }

    /** The database's plan for a query, with a verdict: which tables are fully scanned, which indexes used. */
    public QueryPlan explain(Select select) {
        CompiledSql compiled = dialect.compile(select);
        return explain(compiled.sql(), compiled.parameterValues());
    }

    /** The plan for raw SQL with positional {@code ?} parameters. */
    public QueryPlan explain(String sql, List<Object> parameters) {
        checkOpen();
        long start = System.nanoTime();
        try {
            QueryPlan plan = dialect.planReader().explain(jdbc, sql, parameters);
            if (echo.on()) {
                echo.statement("EXPLAIN " + sql, parameters, start, plan.nodes().size(), "plan nodes");
            }
            return plan;
        } catch (SQLException e) {
            throw translate(e, "EXPLAIN " + sql, parameters);
        }
    }

    // ---- transactions ---------------------------------------------------------------------

    /** Starts a transaction, or a savepoint when one is already open. */
    public Transaction begin() {
        return begin(null);
    }

    /** Starts a transaction at the given isolation level (not allowed for a nested one). */
    public Transaction begin(IsolationLevel isolation) {
        checkOpen();
        if (cursorTransactions > 0) {
            throw new AshlarException("a cursor is open in an implicit transaction; close it first, or begin() before opening it");
        }
        try {
            if (current != null && current.isActive()) {
                if (isolation != null) {
                    throw new AshlarException("cannot change the isolation level inside a transaction");
                }
                String name = "ashlar_sp_" + (++savepoints);
                String sql = "SAVEPOINT " + name;
                try (java.sql.Statement s = jdbc.createStatement()) {
                    s.execute(sql);
                }
                if (echo.on()) {
                    echo.control(sql);
                }
                current = new Transaction(this, current, name);
                return current;
            }
            if (isolation != null) {
                isolationToRestore = jdbc.getTransactionIsolation();
                jdbc.setTransactionIsolation(isolation.jdbcLevel());
            }
            jdbc.setAutoCommit(false);
            if (echo.on()) {
                echo.control(isolation == null ? "BEGIN" : "BEGIN (isolation " + isolation + ")");
            }
            current = new Transaction(this, null, null);
            return current;
        } catch (SQLException e) {
            throw translate(e, "BEGIN", List.of());
        }
    }

    /** Whether a transaction is open. */
    public boolean inTransaction() {
        return current != null && current.isActive();
    }

    void endTransaction(Transaction tx, boolean commit) {
        if (tx != current) {
            throw new AshlarException("close nested transactions before the transaction that contains them");
        }
        String sql = null;
        try {
            if (tx.isNested()) {
                sql = (commit ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ") + tx.savepoint();
                try (java.sql.Statement s = jdbc.createStatement()) {
                    s.execute(sql);
                }
            } else {
                sql = commit ? "COMMIT" : "ROLLBACK";
                try {
                    if (commit) {
                        jdbc.commit();
                    } else {
                        jdbc.rollback();
                    }
                } finally {
                    jdbc.setAutoCommit(true);
                    if (isolationToRestore != null) {
                        jdbc.setTransactionIsolation(isolationToRestore);
                        isolationToRestore = null;
                    }
                }
            }
            if (echo.on()) {
                echo.control(sql);
            }
        } catch (SQLException e) {
            throw translate(e, sql, List.of());
        } finally {
            current = tx.parent();
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------

    /** The underlying JDBC connection, for what Ashlar does not cover. Do not close it. */
    public java.sql.Connection jdbc() {
        return jdbc;
    }

    Echo echo() {
        return echo;
    }

    void checkOpen() {
        if (closed) {
            throw new AshlarException("this connection is closed; get a new one from engine.connect()");
        }
    }

    /** Rolls back any open transaction and returns the connection to the pool. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            for (Result result : List.copyOf(openResults)) {
                try {
                    result.close();
                } catch (RuntimeException ignored) {
                    // the connection is going back to the pool; closing it below releases what is left
                }
            }
            while (current != null && current.isActive()) {
                current.rollback();
            }
        } finally {
            closed = true;
            try {
                jdbc.close();
            } catch (SQLException e) {
                throw translate(e, null, null);
            }
        }
    }
}
