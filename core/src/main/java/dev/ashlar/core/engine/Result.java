package dev.ashlar.core.engine;

import dev.ashlar.core.error.NoResultException;
import dev.ashlar.core.error.UsageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a query, read lazily from an open cursor. Take them with {@link #list()},
 * {@link #first()} or {@link #one()} (which close the result), or iterate or {@link #stream()} them
 * in try-with-resources for constant memory. Closing is idempotent.
 */
public final class Result implements Iterable<Row>, AutoCloseable {
    private final StatementRunner runner;
    private final PreparedStatement statement;
    /** The statement's key in the connection's statement cache, or {@code null} when it is not cached. */
    private final String statementKey;
    private final ResultSet resultSet;
    private final RowShape shape;
    private final String sql;
    /** The bound values, worked out only for a log line or an error message. */
    private final Supplier<List<Object>> parameters;
    private final long startNanos;
    /** What the listeners were told when the query started, or {@code null} when none listens. */
    private final StatementEvent event;
    private long rowsRead;
    /** The first failure while reading, told to the listeners when the result closes. */
    private RuntimeException failure;
    private boolean closed;
    private Runnable afterClose;

    Result(StatementRunner runner, PreparedStatement statement, String statementKey, ResultSet resultSet, RowShape shape, String sql,
           Supplier<List<Object>> parameters, long startNanos, StatementEvent event) {
        this.runner = runner;
        this.statement = statement;
        this.statementKey = statementKey;
        this.resultSet = resultSet;
        this.shape = shape;
        this.sql = sql;
        this.parameters = parameters;
        this.startNanos = startNanos;
        this.event = event;
    }

    /** Runs {@code action} once this result has closed (the engine ends a cursor's implicit transaction with it). */
    void afterClose(Runnable action) {
        this.afterClose = action;
    }

    /** Whether this result has been closed (read to the end, or closed explicitly). */
    public boolean isClosed() {
        return closed;
    }

    /**
     * All rows as instances of a record, then closes. Columns are matched to record components by
     * label (exactly, ignoring case, or {@code snake_case} to {@code camelCase}); the constructor is
     * resolved once for the query, not per row.
     */
    public <R extends Record> List<R> into(Class<R> recordClass) {
        return map(RecordMapper.of(recordClass, shape));
    }

    /** The rows as a lazy stream of records (see {@link #into(Class)}); close the stream when done. */
    public <R extends Record> Stream<R> streamInto(Class<R> recordClass) {
        RowMapper<R> mapper = RecordMapper.of(recordClass, shape);
        return stream().map(mapper::map);
    }

    /** All rows as pairs of two selected expressions, then closes. */
    public <A, B> List<Tuple2<A, B>> tuples(dev.ashlar.core.sql.Expression<A> a, dev.ashlar.core.sql.Expression<B> b) {
        return map(row -> row.tuple(a, b));
    }

    /** All rows as triples of three selected expressions, then closes. */
    public <A, B, C> List<Tuple3<A, B, C>> tuples(dev.ashlar.core.sql.Expression<A> a, dev.ashlar.core.sql.Expression<B> b,
                                                  dev.ashlar.core.sql.Expression<C> c) {
        return map(row -> row.tuple(a, b, c));
    }

    /** All rows, then closes. */
    public List<Row> list() {
        return map(row -> row);
    }

    /** All rows mapped, then closes. */
    public <T> List<T> map(RowMapper<T> mapper) {
        try {
            List<T> rows = new ArrayList<>();
            while (advance()) {
                rows.add(mapper.map(shape.read(resultSet)));
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            close();
        }
    }

    /**
     * All rows handed to {@code mapper} as arrays of values in select order, then closes. No
     * {@link Row} is made per row: for reading many rows into objects at the lowest cost.
     */
    public <T> List<T> mapValues(ValuesMapper<T> mapper) {
        try {
            List<T> rows = new ArrayList<>();
            while (advance()) {
                rows.add(mapper.map(shape.values(resultSet)));
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            close();
        }
    }

    /** The first row, or {@code null} when there is none; closes. */
    public Row first() {
        try {
            return advance() ? shape.read(resultSet) : null;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            close();
        }
    }

    /** The only row; a {@link NoResultException} when there are none or several. Closes. */
    public Row one() {
        try {
            if (!advance()) {
                throw new NoResultException("expected exactly one row, got none\n[SQL: " + sql + "]");
            }
            Row row = shape.read(resultSet);
            if (advance()) {
                throw new NoResultException("expected exactly one row, got more\n[SQL: " + sql + "]");
            }
            return row;
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            close();
        }
    }

    /**
     * The rows as a lazy stream; close the stream (or this result) when done, in try-with-resources.
     * Reading to the end also closes it; an early exit such as {@code limit()} does not, so prefer
     * {@code Connection.stream(select, rows -> ...)}, which always closes.
     */
    public Stream<Row> stream() {
        return lazily(iterator());
    }

    /**
     * The rows as a lazy stream of what {@code mapper} makes of each row's values (in select order),
     * with no {@link Row} per row: {@link #stream()} at the cost of {@link #mapValues}. Close it as
     * {@link #stream()}.
     */
    public <T> Stream<T> streamValues(ValuesMapper<T> mapper) {
        return lazily(iterator(() -> mapper.map(shape.values(resultSet))));
    }

    private <T> Stream<T> lazily(Iterator<T> rows) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** Reads the current row of the result set. */
    private interface RowReader<T> {
        T read() throws SQLException;
    }

    @Override
    public Iterator<Row> iterator() {
        return iterator(() -> shape.read(resultSet));
    }

    private <T> Iterator<T> iterator(RowReader<T> reader) {
        return new Iterator<>() {
            private Boolean hasNext;

            @Override
            public boolean hasNext() {
                if (hasNext == null) {
                    try {
                        hasNext = advance();
                    } catch (SQLException e) {
                        throw failed(e);
                    }
                }
                return hasNext;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more rows; ask hasNext() first");
                }
                hasNext = null;
                try {
                    return reader.read();
                } catch (SQLException e) {
                    throw failed(e);
                }
            }
        };
    }

    private boolean advance() throws SQLException {
        if (closed) {
            throw new UsageException("the result is closed; read it before closing it (or its connection)\n[SQL: " + sql + "]");
        }
        boolean next = resultSet.next();
        if (next) {
            rowsRead++;
        } else {
            close();
        }
        return next;
    }

    private RuntimeException failed(SQLException e) {
        RuntimeException translated = runner.translate(e, sql, parameters.get());
        if (failure == null) {
            failure = translated;
        }
        return translated;
    }

    /** The column labels. */
    public List<String> labels() {
        return shape.labels();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                resultSet.close();
            } catch (SQLException e) {
                runner.release(null, statement);
                throw e;
            }
            runner.release(statementKey, statement);
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            runner.resultClosed(this, sql, parameters, startNanos, rowsRead, event, failure);
            if (afterClose != null) {
                afterClose.run();
            }
        }
    }
}
