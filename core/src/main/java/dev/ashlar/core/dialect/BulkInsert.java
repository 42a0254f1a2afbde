package dev.ashlar.core.dialect;

import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.SqlType;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A way to insert many rows of plain values faster than a JDBC batch, which a database may offer
 * (PostgreSQL's {@code COPY ... FROM STDIN}); see {@link Dialect#bulkInsert()}. The engine uses it for
 * a many-row insert without RETURNING or conflict handling: each run of at least {@link #minimumRows()}
 * consecutive rows that set the same columns to bound values of types this path {@link #canWrite can
 * write} goes this way, every other row goes out in JDBC batches, in the original order. It runs in the
 * caller's transaction or in one of the engine's, so a failure leaves nothing written, as a batch does.
 * Where the dialect can also {@link #keyDrawQuery draw generated keys}, large inserts that need only
 * their key back use it too ({@code Connection.insertWithDrawnKeys}).
 */
public interface BulkInsert {
    /** The fewest rows for which this path beats a JDBC batch; smaller runs are batched. */
    int minimumRows();

    /** Whether values of {@code type} can be written this way; rows with a column of another type are batched. */
    boolean canWrite(SqlType<?> type);

    /** The statement that writes into {@code columns} of {@code table}, as logged and named in errors. */
    String statement(Table table, List<Column<?>> columns);

    /**
     * Writes every row and returns how many the database wrote.
     *
     * @param jdbc      the connection, in the transaction the rows belong to
     * @param statement the text {@link #statement} gave for these columns
     * @param types     the type of each column's values, in column order; each {@link #canWrite writable}
     * @param rows      each row's values in column order ({@code null} for SQL NULL), read once, in order;
     *                  each array is read before the next is asked for, so the iterator may reuse one
     * @throws SQLException as the database reports a failure, with its SQLSTATE, for the dialect to translate
     */
    long write(java.sql.Connection jdbc, String statement, List<SqlType<?>> types, Iterator<Object[]> rows) throws SQLException;

    /**
     * Runs a query that a dialect needs to look something up with (such as a key's generator), through
     * the engine's one statement path: listeners see it, the echo logs it, a failure comes back as
     * Ashlar's typed exception.
     */
    @FunctionalInterface
    interface Lookup {
        /**
         * The first row's values of {@code sql} run with {@code values} bound in order, read as the
         * driver gives them, or {@code null} when there is no row.
         */
        List<Object> firstRow(String sql, List<Object> values);
    }

    /**
     * The query that draws new values from the generator of {@code key}, the table's generated key,
     * so that rows can be written with their keys by {@link #write} and the keys handed back without
     * RETURNING: one bound parameter (how many values), one row per value, in the order rows inserted
     * one after another would have got them. Empty (the default) when this database cannot, or the
     * column has no generator to draw from; rows are then inserted with RETURNING.
     *
     * @param lookup runs the queries that find the generator, on the caller's connection
     */
    default Optional<String> keyDrawQuery(Lookup lookup, Table table, Column<?> key) {
        return Optional.empty();
    }
}
