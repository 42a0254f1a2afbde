package dev.ashlar.core.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link ValueCodec} made of two lambdas; binding {@code null} uses {@code setNull} with the
 * codec's JDBC type so that drivers that care (PostgreSQL) know the parameter's type.
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

    private final int sqlType;
    private final Binder<J> binder;
    private final Reader<J> reader;

    private Codec(int sqlType, Binder<J> binder, Reader<J> reader) {
        this.sqlType = sqlType;
        this.binder = binder;
        this.reader = reader;
    }

    /** A codec with the {@link java.sql.Types} code used for NULLs. */
    public static <J> Codec<J> of(int sqlType, Binder<J> binder, Reader<J> reader) {
        return new Codec<>(sqlType, binder, reader);
    }

    @Override
    public void bind(PreparedStatement statement, int index, J value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            binder.bind(statement, index, value);
        }
    }

    @Override
    public J read(ResultSet resultSet, int index) throws SQLException {
        return reader.read(resultSet, index);
    }
}
