package dev.ashlar.core.dialect.postgresql;

import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.types.SqlType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Many-row inserts as {@code COPY t (columns) FROM STDIN} in text format: the rows stream to the server
 * in chunks and are parsed there by each column's input function, with no statement to plan per batch
 * and no parameters to bind. Values are encoded by {@link CopyText}; pgjdbc's copy API is reached only
 * in {@link CopyStream}, which loads when a COPY runs.
 */
final class PostgresCopy implements BulkInsert {
    /**
     * The fewest rows worth a COPY. Measured on a local server (four columns): at 100 rows a COPY is
     * already faster than a rewritten JDBC batch, below about 50 the two round trips of a COPY (start,
     * end) cost more than the batch's one.
     */
    static final int MINIMUM_ROWS = 100;
    /** Characters encoded before they are sent: large enough for few messages, small enough to stream. */
    private static final int CHUNK = 64 * 1024;

    private final Dialect dialect;
    private final ConcurrentMap<SqlType<?>, Optional<CopyText.Encoder<?>>> encoders = new ConcurrentHashMap<>();
    /** The key draw query per table and key column, looked up once: the sequence's name does not change with the rows. */
    private final ConcurrentMap<String, Optional<String>> keyDraws = new ConcurrentHashMap<>();

    PostgresCopy(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public int minimumRows() {
        return MINIMUM_ROWS;
    }

    @Override
    public boolean canWrite(SqlType<?> type) {
        return encoder(type).isPresent();
    }

    private Optional<CopyText.Encoder<?>> encoder(SqlType<?> type) {
        return encoders.computeIfAbsent(type, t -> Optional.ofNullable(CopyText.forType(t)));
    }

    @Override
    public String statement(Table table, List<Column<?>> columns) {
        StringBuilder sql = new StringBuilder("COPY ").append(dialect.quoteIdentifier(table.name())).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(dialect.quoteIdentifier(columns.get(i).name()));
        }
        return sql.append(") FROM STDIN").toString();
    }

    /**
     * {@code nextval} of the column's sequence ({@code pg_get_serial_sequence}), once per row of
     * {@code generate_series}. Not for {@code GENERATED ALWAYS} identities, which refuse given values.
     */
    @Override
    public Optional<String> keyDrawQuery(Lookup lookup, Table table, Column<?> key) {
        String cacheKey = table.name() + '\0' + key.name();
        Optional<String> known = keyDraws.get(cacheKey);
        if (known != null) {
            return known;
        }
        String quotedTable = dialect.quoteIdentifier(table.name());
        List<Object> found = lookup.firstRow(
                "SELECT pg_get_serial_sequence(?, ?), a.attidentity FROM pg_attribute a WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ?",
                List.of(quotedTable, key.name(), quotedTable, key.name()));
        Optional<String> query = Optional.empty();
        if (found != null && found.get(0) != null && !"a".equals(String.valueOf(found.get(1)))) {
            query = Optional.of("SELECT nextval(" + dialect.stringLiteral(found.get(0).toString()) + "::regclass) FROM generate_series(1, ?)");
        }
        keyDraws.put(cacheKey, query);
        return query;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public long write(java.sql.Connection jdbc, String statement, List<SqlType<?>> types, Iterator<Object[]> rows) throws SQLException {
        List<CopyText.Encoder> columns = new ArrayList<>(types.size());
        for (SqlType<?> type : types) {
            columns.add(encoder(type).orElseThrow(() -> new UsageException("COPY cannot write values of type " + type
                    + "; write only columns for which canWrite holds")));
        }
        int width = columns.size();
        StringBuilder chunk = new StringBuilder(CHUNK + 1024);
        CopyStream copy = CopyStream.open(jdbc, statement);
        try {
            while (rows.hasNext()) {
                Object[] row = rows.next();
                for (int i = 0; i < width; i++) {
                    if (i > 0) {
                        chunk.append('\t');
                    }
                    Object value = row[i];
                    if (value == null) {
                        chunk.append(CopyText.NULL);
                    } else {
                        columns.get(i).append(chunk, value);
                    }
                }
                chunk.append('\n');
                if (chunk.length() >= CHUNK) {
                    copy.write(chunk);
                    chunk.setLength(0);
                }
            }
            copy.write(chunk);
            return copy.finish();
        } catch (SQLException | RuntimeException | Error e) {
            copy.abandon(e);
            throw e;
        }
    }
}
