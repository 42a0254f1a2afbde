package dev.ashlar.core.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link ValueCodec} made of two lambdas; binding {@code null} uses {@code setNull} with the
 * codec's JDBC type so that drivers that care (PostgreSQL) know the parameter's type. A dialect
 * adds the values its database cannot hold with {@link #refusing} (checked on every bind) and
 * {@link #refusingWrites} (checked only where a value is written to a column). A stored value that
 * does not parse is read as a {@link RefusedValue} naming the column and the value, never as a bare
 * {@link NumberFormatException} or {@link IllegalArgumentException}.
 */
public final class Codec<J> implements ValueCodec<J> {
    /** Binds a non-null value. */
    @FunctionalInterface
    public interface Binder<J> {
        void bind(PreparedStatement statement, int index, J value) throws SQLException;
    }

    /** Reads a value, {@code null} for SQL NULL. */
    @FunctionalInterface
    public interface Reader<J> {
        J read(ResultSet resultSet, int index) throws SQLException;
    }

    /** Says why the database cannot hold a non-null value, or {@code null} when it can. */
    @FunctionalInterface
    public interface Refusal<J> {
        RefusedValue check(J value);
    }

    private final int sqlType;
    private final Binder<J> binder;
    private final Reader<J> reader;
    private final Refusal<J> refusal;
    private final Refusal<J> writeRefusal;

    private Codec(int sqlType, Binder<J> binder, Reader<J> reader, Refusal<J> refusal, Refusal<J> writeRefusal) {
        this.sqlType = sqlType;
        this.binder = binder;
        this.reader = reader;
        this.refusal = refusal;
        this.writeRefusal = writeRefusal;
    }

    /** A codec with the {@link java.sql.Types} code used for NULLs. */
    public static <J> Codec<J> of(int sqlType, Binder<J> binder, Reader<J> reader) {
        return new Codec<>(sqlType, binder, reader, null, null);
    }

    /** This codec, refusing on every bind the values {@code refusal} names (NaN where the database has none). */
    public Codec<J> refusing(Refusal<J> refusal) {
        return new Codec<>(sqlType, binder, reader, refusal, writeRefusal);
    }

    /**
     * This codec, refusing the values {@code refusal} names where they are written to a column
     * (a decimal wider than the column's precision): a comparison with such a value is still fine.
     */
    public Codec<J> refusingWrites(Refusal<J> refusal) {
        return new Codec<>(sqlType, binder, reader, this.refusal, refusal);
    }

    @Override
    public void bind(PreparedStatement statement, int index, J value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
            return;
        }
        if (refusal != null) {
            RefusedValue refused = refusal.check(value);
            if (refused != null) {
                throw refused.at("parameter " + index);
            }
        }
        binder.bind(statement, index, value);
    }

    @Override
    public RefusedValue refuseWrite(J value) {
        if (value == null) {
            return null;
        }
        RefusedValue refused = refusal == null ? null : refusal.check(value);
        return refused != null || writeRefusal == null ? refused : writeRefusal.check(value);
    }

    @Override
    public J read(ResultSet resultSet, int index) throws SQLException {
        try {
            return reader.read(resultSet, index);
        } catch (RuntimeException e) {
            throw unreadable(resultSet, index, e);
        } catch (SQLException e) {
            // data exceptions (class 22) are the driver failing to convert what is stored; anything else is the connection's
            if (e.getSQLState() != null && e.getSQLState().startsWith("22") && !(e instanceof RefusedValue)) {
                throw unreadable(resultSet, index, e);
            }
            throw e;
        }
    }

    /** A refusal naming the column and the stored text, for a value that did not parse. */
    static RefusedValue unreadable(ResultSet resultSet, int index, Exception cause) {
        String column;
        String stored;
        try {
            var meta = resultSet.getMetaData();
            String table = meta.getTableName(index);
            column = (table == null || table.isEmpty() ? "" : table + ".") + meta.getColumnLabel(index);
        } catch (SQLException | RuntimeException e) {
            column = "#" + index;
        }
        try {
            stored = resultSet.getString(index);
        } catch (SQLException | RuntimeException e) {
            stored = "(unreadable as text)";
        }
        return RefusedValue.unreadable("column " + column + " holds '" + stored + "', which does not read as its type ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }
}
