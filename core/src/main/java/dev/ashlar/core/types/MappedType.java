package dev.ashlar.core.types;

/**
 * A type stored as another type, converted on the way in and out: the way to add column types
 * (like SQLAlchemy's TypeDecorator). DDL and JDBC handling come from the storage type, so a mapped
 * type works on every dialect the storage type does.
 *
 * @param <J> the Java type users see
 * @param <S> the Java type of the storage type
 */
public abstract class MappedType<J, S> extends SqlType<J> {
    private final SqlType<S> storage;

    protected MappedType(Class<J> javaType, SqlType<S> storage) {
        super(javaType);
        this.storage = storage;
    }

    /** The type values are stored as. */
    public final SqlType<S> storage() {
        return storage;
    }

    /** Converts a non-null value to its stored form. */
    public abstract S toStorage(J value);

    /** Converts a non-null stored value back. */
    public abstract J fromStorage(S stored);

    @Override
    public boolean comparable() {
        return storage.comparable();
    }
}
