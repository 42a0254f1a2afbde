package dev.ashlar.core.dialect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A {@link ValueCodec} made of two lambdas; binding {@code null} uses {@code setNull} with the
 * codec's JDBC type so that drivers that care (PostgreSQL) know the parameter's type. A dialect
 * adds the values its database cannot hold with {@link #refusing} (checked on every bind) and
 * {@link #refusingWrites} (checked only where a value is written to a column). A stored value that
 * does not parse is read as a {@link RefusedValue} naming the column and the value, never as a bare
 * {@link NumberFormatException} or {@link IllegalArgumentException}.
 *
 * <p>A codec that reads with one plain JDBC getter says which ({@link Getter}) instead of giving a
 * lambda, and {@link #read} calls that getter itself. A row reader calls {@code read} for every
 * column of every row from one place; were each codec's reading a lambda of its own, that one call
 * would reach a dozen lambda classes, which the JIT neither inlines nor sees through, so every
 * value paid a megamorphic call and a boxed result the caller could not elide. With the getter
 * named, the common types all run the same code of this one final class.
 */
public final class Codec<J> implements ValueCodec<J> {
    /**
     * The plain JDBC getters a codec can read with; {@code null} columns read as {@code null}, the
     * primitive getters checking {@link ResultSet#wasNull()}.
     */
    public enum Getter {
        /** {@link ResultSet#getLong}. */
        LONG,
        /** {@link ResultSet#getInt}. */
        INT,
        /** {@link ResultSet#getShort}. */
        SHORT,
        /** {@link ResultSet#getBoolean}. */
        BOOLEAN,
        /** {@link ResultSet#getDouble}. */
        DOUBLE,
        /** {@link ResultSet#getFloat}. */
        FLOAT,
        /** {@link ResultSet#getString}. */
        STRING,
        /** {@link ResultSet#getBytes}. */
        BYTES,
        /** {@link ResultSet#getBigDecimal}, then set to the codec's scale (half even). */
        DECIMAL,
        /** {@link ResultSet#getObject(int, Class)} with the codec's class. */
        OBJECT
    }

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
    /** How values are read when {@link #getter} is {@code null}. */
    private final Reader<J> reader;
    private final Getter getter;
    /** The class {@link Getter#OBJECT} asks for, or the scale {@link Getter#DECIMAL} sets; unused otherwise. */
    private final Class<J> objectClass;
    private final int scale;
    private final Refusal<J> refusal;
    private final Refusal<J> writeRefusal;
    /** Applied once to every non-null value before it is checked or bound ({@link #rounding}); {@code null}: none. */
    private final UnaryOperator<J> round;

    private Codec(int sqlType, Binder<J> binder, Reader<J> reader, Getter getter, Class<J> objectClass, int scale,
                  Refusal<J> refusal, Refusal<J> writeRefusal, UnaryOperator<J> round) {
        this.sqlType = sqlType;
        this.binder = binder;
        this.reader = reader;
        this.getter = getter;
        this.objectClass = objectClass;
        this.scale = scale;
        this.refusal = refusal;
        this.writeRefusal = writeRefusal;
        this.round = round;
    }

    /** A codec with the {@link java.sql.Types} code used for NULLs. */
    public static <J> Codec<J> of(int sqlType, Binder<J> binder, Reader<J> reader) {
        return new Codec<>(sqlType, binder, reader, null, null, 0, null, null, null);
    }

    /**
     * A codec that reads with one plain getter: {@code getter} must return {@code J}, as
     * {@link Getter#LONG} returns {@code Long}; use {@link #ofObject} and {@link #ofDecimal} for
     * the getters that need a class or a scale.
     */
    public static <J> Codec<J> of(int sqlType, Binder<J> binder, Getter getter) {
        if (getter == Getter.OBJECT || getter == Getter.DECIMAL) {
            throw new dev.ashlar.core.error.UsageException("the getter " + getter + " needs " + (getter == Getter.OBJECT ? "a class: ofObject" : "a scale: ofDecimal"));
        }
        return new Codec<>(sqlType, binder, null, getter, null, 0, null, null, null);
    }

    /** A codec that reads with {@link ResultSet#getObject(int, Class)} for {@code type}. */
    public static <J> Codec<J> ofObject(int sqlType, Binder<J> binder, Class<J> type) {
        return new Codec<>(sqlType, binder, null, Getter.OBJECT, type, 0, null, null, null);
    }

    /** A codec that reads decimals with {@link ResultSet#getBigDecimal(int)}, set to {@code scale} (half even). */
    public static Codec<BigDecimal> ofDecimal(int sqlType, Binder<BigDecimal> binder, int scale) {
        return new Codec<>(sqlType, binder, null, Getter.DECIMAL, null, scale, null, null, null);
    }

    /** This codec, refusing on every bind the values {@code refusal} names (NaN where the database has none). */
    public Codec<J> refusing(Refusal<J> refusal) {
        return new Codec<>(sqlType, binder, reader, getter, objectClass, scale, refusal, writeRefusal, round);
    }

    /**
     * This codec, refusing the values {@code refusal} names where they are written to a column
     * (a decimal wider than the column's precision): a comparison with such a value is still fine.
     */
    public Codec<J> refusingWrites(Refusal<J> refusal) {
        return new Codec<>(sqlType, binder, reader, getter, objectClass, scale, this.refusal, refusal, round);
    }

    /**
     * This codec, passing every value through {@code round} before it binds or is checked for a
     * write (a date-time rounded to its column's fractional digits); reading is unchanged.
     */
    public Codec<J> rounding(UnaryOperator<J> round) {
        return new Codec<>(sqlType, binder, reader, getter, objectClass, scale, refusal, writeRefusal, round);
    }

    @Override
    public void bind(PreparedStatement statement, int index, J value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
            return;
        }
        if (round != null) {
            value = round.apply(value);
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
        if (round != null) {
            value = round.apply(value);
        }
        RefusedValue refused = refusal == null ? null : refusal.check(value);
        return refused != null || writeRefusal == null ? refused : writeRefusal.check(value);
    }

    @Override
    public J read(ResultSet resultSet, int index) throws SQLException {
        try {
            return getter != null ? get(resultSet, index) : reader.read(resultSet, index);
        } catch (RuntimeException | SQLException e) {
            throw failedRead(resultSet, index, e);
        }
    }

    /**
     * The current row's values in column order: {@code codecs[i]} reads column {@code i + 1}, and a
     * {@code null} codec means the value as the driver gives it ({@link ResultSet#getObject(int)}).
     * Each value reads as {@link #read} reads it, with the same errors.
     *
     * <p>The getters of the usual key, text, decimal and date-time columns are switched on here, in
     * the loop itself, and not through {@link #read}: the JIT keeps one branch profile per switch in
     * the bytecode, and a switch that only this loop runs is compiled into it with the driver's
     * getters, so a row costs one call. Through {@code read}, {@link #get} is hot on its own, is
     * compiled alone, and is then too big to inline into any loop: every value paid a call (in the
     * fetch of 100,000 rows on PostgreSQL, about 2% of the ORM's CPU, bench/NOTES.md, twentieth
     * round). The two switches must read alike; {@code CodecRowTest} checks them on every database.
     */
    public static Object[] readRow(ResultSet rs, ValueCodec<?>[] codecs) throws SQLException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            ValueCodec<?> codec = codecs[i];
            int index = i + 1;
            if (!(codec instanceof Codec<?> c) || c.getter == null) {
                values[i] = codec == null ? rs.getObject(index) : codec.read(rs, index);
                continue;
            }
            try {
                values[i] = switch (c.getter) {
                    case LONG -> {
                        long v = rs.getLong(index);
                        yield v == 0 && rs.wasNull() ? null : v;
                    }
                    case INT -> {
                        int v = rs.getInt(index);
                        yield v == 0 && rs.wasNull() ? null : v;
                    }
                    case STRING -> rs.getString(index);
                    case DECIMAL -> {
                        BigDecimal v = rs.getBigDecimal(index);
                        yield v == null ? null : v.setScale(c.scale, RoundingMode.HALF_EVEN);
                    }
                    case OBJECT -> rs.getObject(index, c.objectClass);
                    default -> c.getOther(rs, index);
                };
            } catch (RuntimeException | SQLException e) {
                throw failedRead(rs, index, e);
            }
        }
        return values;
    }

    /**
     * What a failed read throws: a value the driver could not convert (a runtime exception, or a data
     * exception of SQL state class 22) as a {@link RefusedValue} naming the column and the stored
     * text; any other {@link SQLException} (the connection's) as it is.
     */
    private static SQLException failedRead(ResultSet resultSet, int index, Exception e) {
        if (e instanceof SQLException sql && (sql instanceof RefusedValue || sql.getSQLState() == null || !sql.getSQLState().startsWith("22"))) {
            return sql;
        }
        return unreadable(resultSet, index, e);
    }

    /**
     * The value at {@code index} through {@link #getter}, for one value read alone; rows read with
     * the same switch written out in {@link #readRow} (which says why). The getters of the usual
     * key, text, decimal and date-time columns are here, those of the rest in {@link #getOther}.
     */
    @SuppressWarnings("unchecked")
    private J get(ResultSet rs, int index) throws SQLException {
        Object value = switch (getter) {
            case LONG -> {
                long v = rs.getLong(index);
                yield v == 0 && rs.wasNull() ? null : v;
            }
            case INT -> {
                int v = rs.getInt(index);
                yield v == 0 && rs.wasNull() ? null : v;
            }
            case STRING -> rs.getString(index);
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(index);
                yield v == null ? null : v.setScale(scale, RoundingMode.HALF_EVEN);
            }
            case OBJECT -> rs.getObject(index, objectClass);
            default -> getOther(rs, index);
        };
        return (J) value;
    }

    private Object getOther(ResultSet rs, int index) throws SQLException {
        return switch (getter) {
            case SHORT -> {
                short v = rs.getShort(index);
                yield v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(index);
                yield !v && rs.wasNull() ? null : v;
            }
            case DOUBLE -> {
                double v = rs.getDouble(index);
                yield v == 0 && rs.wasNull() ? null : v;
            }
            case FLOAT -> {
                float v = rs.getFloat(index);
                yield v == 0 && rs.wasNull() ? null : v;
            }
            case BYTES -> rs.getBytes(index);
            case LONG, INT, STRING, DECIMAL, OBJECT -> get(rs, index);
        };
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
