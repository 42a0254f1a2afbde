package dev.ashlar.core.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves values of one SQL type across JDBC for one dialect. Codecs are looked up once per column
 * and statement shape, never per row.
 *
 * @param <J> the Java type
 */
public interface ValueCodec<J> {
    /** Binds {@code value}, which may be {@code null}, at {@code index}. */
    void bind(PreparedStatement statement, int index, J value) throws SQLException;

    /** Reads the value at {@code index}, {@code null} for SQL NULL. */
    J read(ResultSet resultSet, int index) throws SQLException;

    /**
     * Why a column of this type cannot hold {@code value} on this database, or {@code null} when it
     * can: checked where a value is written to a known column, so that the error can name it.
     */
    default RefusedValue refuseWrite(J value) {
        return null;
    }
}
