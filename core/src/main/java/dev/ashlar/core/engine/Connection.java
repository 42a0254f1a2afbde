package dev.ashlar.core.engine;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.explain.TableAliases;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.explain.QueryPlan;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Select;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.core.sql.Update;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One pooled database connection. Statements run in autocommit until {@link #begin()} starts a
 * transaction; {@code begin()} inside a transaction makes a savepoint. Not thread-safe: use one per
 * thread, in try-with-resources, which returns it to the pool (rolling back what was left open).
 */
public final class Connection implements AutoCloseable {
    // The facade compiles statements and picks the path; the work is done by package-private parts:
    // StatementRunner (prepare, bind, execute, cache, echo, open results), TransactionControl,
    // Cursors (PostgreSQL's implicit cursor transaction), RawSql, StatementBatches, BatchWriter.
    private final Engine engine;
    private final Dialect dialect;
    private final StatementRunner runner;
    private final TransactionControl transactions;
    private final Cursors cursors;
    private final RawSql raw;

    Connection(Engine engine, java.sql.Connection jdbc) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.runner = new StatementRunner(engine, jdbc);
        this.transactions = new TransactionControl(runner);
        this.cursors = new Cursors(runner, transactions);
        this.raw = new RawSql(runner);
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
        runner.listener(listener);
    }

    /**
     * The listener set with {@link #statementListener(StatementListener)}, or {@code null}: for code
     * that listens for a while (such as an ORM session on this connection) and must pass statements
     * on to the listener already there, then put it back.
     */
    public StatementListener statementListener() {
        return runner.listener();
    }

    StatementRunner runner() {
        return runner;
    }

    /** Marks this connection as borrowed inside a transaction managed outside Ashlar; see {@link ManagedTransactions}. */
    void joinManagedTransaction() {
        transactions.joinManaged();
    }

    // ---- statements -----------------------------------------------------------------------

    /** Runs a query; read the rows from the returned {@link Result}, which holds an open cursor. */
    public Result query(Select select) {
        return runner.query(select, dialect.compile(select), select.columns(), 0);
    }

    /**
     * Runs a {@link StatementTemplate} with {@code values} for its slots, in the slots' order: the
     * statement is compiled once per template, and each run only binds.
     */
    public Result query(StatementTemplate template, Object... values) {
        runner.checkOpen();
        template.checkArity(values);
        if (template.resultColumns().isEmpty()) {
            throw new IllegalArgumentException("a write template runs with executeBatch, not query");
        }
        TemplateBinding binding = new TemplateBinding(template, dialect);
        return runner.query(template.statement(), binding.sql(), 0, ps -> binding.bind(ps, values), template.resultColumns(),
                () -> binding.parameterValues(values));
    }

    /** Runs any query, such as a {@link dev.ashlar.core.sql.CompoundSelect} ({@code UNION} and the like). */
    public Result query(dev.ashlar.core.sql.Query query) {
        return runner.query(query, dialect.compile(query), query.columns(), 0);
    }

    /**
     * Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. An insert of many
     * rows runs as JDBC batches of one prepared statement (see {@link BatchWriter}), in one transaction.
     */
    public int execute(Statement statement) {
        if (statement instanceof Insert insert && insert.rowCount() > 1) {
            return new BatchWriter(this).execute(insert);
        }
        return runner.update(statement, dialect.compile(statement));
    }

    /**
     * Runs an INSERT and returns the row's {@link Insert#returning() requested columns} (or, when none
     * were requested, its primary key), read with RETURNING where the database has it.
     */
    public Row insertReturning(Insert insert) {
        insert = returnPrimaryKeyByDefault(insert);
        CompiledSql compiled = dialect.compile(insert);
        if (dialect.supportsInsertReturning()) {
            return runner.query(insert, compiled, insert.returning(), 0).one();
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
            return new BatchWriter(this).insertReturning(returnPrimaryKeyByDefault(insert));
        }
        List<Column<?>> returning = statement instanceof Update u ? u.returning()
                : statement instanceof Delete d ? d.returning() : List.of();
        if (returning.isEmpty()) {
            throw new AshlarException("executeReturning needs a statement with returning(columns...)");
        }
        return runner.query(statement, dialect.compile(statement), returning, 0).list();
    }

    /**
     * Inserts many new rows of {@code table}, given as arrays of the values of {@code columns}, whose
     * key the database generates: draws one key per row from the key's generator first and writes
     * the rows with their keys through the dialect's bulk path (PostgreSQL: {@code nextval} of the
     * identity sequence, then COPY), which beats INSERT ... RETURNING for large inserts. Gives back
     * one {@link Row} of the key per row, in row order, as {@link #executeReturning} would; or empty,
     * with nothing written, when the dialect has no such path, the rows are fewer than its
     * {@link dev.ashlar.core.dialect.BulkInsert#minimumRows() minimum}, the table's key is not one
     * autoincrement column, {@code columns} include the key or a type the path cannot write, or the
     * key has no generator to draw from. {@link #executeReturning} takes this path by itself where it
     * can. The bulk path reads each array once; values are checked against the columns' Java types
     * before anything is written.
     */
    public Optional<List<Row>> insertWithDrawnKeys(Table table, List<Column<?>> columns, List<Object[]> rows) {
        return new BatchWriter(this).insertWithDrawnKeys(table, List.copyOf(columns), rows);
    }

    private static Insert returnPrimaryKeyByDefault(Insert insert) {
        if (insert.returning().isEmpty()) {
            return insert.returning(insert.table().primaryKey().toArray(new Column<?>[0]));
        }
        return insert;
    }

    /**
     * Runs INSERT, UPDATE or DELETE statements in order and returns each one's row count. Consecutive
     * statements that compile to the same SQL go to the database as one JDBC batch, one round trip.
     * A count may be {@link java.sql.Statement#SUCCESS_NO_INFO} when the driver does not report it.
     */
    public int[] executeBatch(List<? extends Statement> statements) {
        return new StatementBatches(runner).execute(statements);
    }

    /**
     * Runs a write {@link StatementTemplate} once per array of {@code rows} (each holding values for
     * its slots, in the slots' order) as one JDBC batch: compiled once per template, each row only
     * bound. Returns the row count of each run.
     */
    public int[] executeBatch(StatementTemplate template, List<Object[]> rows) {
        runner.checkOpen();
        if (rows.isEmpty()) {
            return new int[0];
        }
        TemplateBinding binding = new TemplateBinding(template, dialect);
        return runner.batch(StatementRunner.kindOf(template.statement()), template.statement(), binding.sql(), rows, binding::bind,
                binding::parameterValues);
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
        return cursors.open(select, dialect.compile(select), select.columns(), fetchSize);
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

    /** Whether a cursor's implicit transaction is open, in which statements already run without autocommit. */
    boolean inCursorTransaction() {
        return cursors.inImplicitTransaction();
    }

    /** How many results of this connection are still open (for tests and leak checks). */
    int openResults() {
        return runner.openResults();
    }

    // ---- raw SQL and plans ----------------------------------------------------------------

    /**
     * Runs raw SQL. {@code :name} placeholders are bound from {@code parameters} (never spliced into
     * the text); the result holds the rows of a query, or none for other statements.
     */
    public Result sql(String sql, Map<String, ?> parameters) {
        return raw.run(sql, parameters);
    }

    /** Runs raw SQL without parameters, such as DDL; returns the update count, or -1 for a query. */
    public int executeSql(String sql) {
        return raw.execute(sql);
    }

    /** The database's plan for a query, with a verdict: which tables are fully scanned, which indexes used. */
    public QueryPlan explain(Select select) {
        SqlCompiler compiler = dialect.newCompiler();
        CompiledSql compiled = compiler.compile(select);
        return raw.explain(compiled.sql(), compiled.parameterValues(), TableAliases.of(compiler.tableAliases()));
    }

    /** The plan for raw SQL with positional {@code ?} parameters. */
    public QueryPlan explain(String sql, List<Object> parameters) {
        return raw.explain(sql, parameters, TableAliases.of(sql));
    }

    // ---- transactions ---------------------------------------------------------------------

    /** Starts a transaction, or a savepoint when one is already open. */
    public Transaction begin() {
        return begin(null);
    }

    /** Starts a transaction at the given isolation level (not allowed for a nested one). */
    public Transaction begin(IsolationLevel isolation) {
        runner.checkOpen();
        cursors.checkNoImplicitTransaction();
        return transactions.begin(isolation);
    }

    /**
     * Whether a transaction is open: one begun with {@link #begin()} and not yet committed or rolled
     * back (a savepoint counts, as it lies inside one), or a framework's transaction that this
     * connection was borrowed in (see {@link ManagedTransactions}). The implicit transaction of an open
     * PostgreSQL {@link #cursor(Select) cursor} does not count. A closed connection is in none.
     */
    public boolean inTransaction() {
        return transactions.inTransaction();
    }

    // ---- lifecycle ------------------------------------------------------------------------

    /** The underlying JDBC connection, for what Ashlar does not cover. Do not close it. */
    public java.sql.Connection jdbc() {
        return runner.jdbc();
    }

    /**
     * Whether {@link #close()} was called; every use of a closed connection then fails with a
     * {@link dev.ashlar.core.error.ConnectionClosedException}.
     */
    public boolean isClosed() {
        return runner.isClosed();
    }

    /**
     * Rolls back any open transaction and returns the connection to the pool. After the connection
     * broke (a statement failed with a {@link dev.ashlar.core.error.ConnectionException}), nothing is
     * sent and nothing is raised: the database discarded the open work with the connection, the pool
     * closes it instead of lending it again, and the failure that broke it was raised already. A
     * framework's transaction that the connection was borrowed in stays open, for its owner to end.
     */
    @Override
    public void close() {
        if (runner.isClosed()) {
            return;
        }
        try {
            runner.closeResults();
            transactions.rollbackAll();
        } finally {
            runner.markClosed();
            try {
                runner.jdbc().close();
            } catch (SQLException e) {
                if (runner.broken() == null) {
                    throw runner.translate(e, null, null);
                }
            }
        }
    }
}
