package dev.ashlar.core.types;

/**
 * A column type: which Java type it holds and what it means in SQL. How it is spelled in DDL and
 * how values cross JDBC is decided by each dialect (see {@code dev.ashlar.core.dialect}), so a type
 * carries only its parameters (length, precision, enum class) and never dialect knowledge.
 *
 * @param <J> the Java type of the values
 */
public abstract class SqlType<J> {
    private final Class<J> javaType;
    /**
     * {@link #hashCode()}, computed at the first call (0 until then; a racy but idempotent cache, as
     * String's): the dialect looks a type's codec up once per column per query, and hashing
     * {@link #describe()} would build a new string each time. Types are immutable, so it never changes.
     */
    private int hash;

    protected SqlType(Class<J> javaType) {
        this.javaType = javaType;
    }

    /** The Java type values of this SQL type have. */
    public final Class<J> javaType() {
        return javaType;
    }

    /** A short name for messages, such as {@code Numeric(10, 2)} or {@code String(50)}. */
    public abstract String describe();

    /** Whether values of this type can be ordered and compared with {@code <} and {@code >}. */
    public boolean comparable() {
        return true;
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((SqlType<?>) o).describe().equals(describe());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = describe().hashCode();
            hash = h;
        }
        return h;
    }
}
