package dev.ashlar.declarative;

import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Column;
import java.lang.invoke.MethodHandle;

/**
 * One mapped field of a model: its name, its column, and fast access to its value. The reader
 * resolves the field's method handles once, when the model is mapped, so reading and writing a
 * value here does no reflective lookup.
 */
public final class FieldMapping {
    private final Class<?> owner;
    private final String name;
    private final Column<Object> column;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final int index;
    private final int component;
    private final boolean primitive;
    private final Class<?> references;
    private final String renamedFrom;

    FieldMapping(Class<?> owner, String name, Column<Object> column, MethodHandle getter, MethodHandle setter, int index,
                 int component, boolean primitive, Class<?> references, String renamedFrom) {
        this.owner = owner;
        this.name = name;
        this.column = column;
        this.getter = getter;
        this.setter = setter;
        this.index = index;
        this.component = component;
        this.primitive = primitive;
        this.references = references;
        this.renamedFrom = renamedFrom;
    }

    /** The column's old name from {@link RenamedFrom}, when the field declares one. */
    public java.util.Optional<String> renamedFrom() {
        return java.util.Optional.ofNullable(renamedFrom);
    }

    /** The Java field name. */
    public String name() {
        return name;
    }

    /** The field's column. */
    public Column<Object> column() {
        return column;
    }

    /** The field's position among {@link ModelMapping#fields()} (column order). */
    public int index() {
        return index;
    }

    /** The record component index of the field, or -1 for a class model. */
    public int component() {
        return component;
    }

    /** Whether the field is primitive (its zero value then counts as "not set" for a generated key). */
    public boolean isPrimitive() {
        return primitive;
    }

    /** The model that the field's {@code @References} names, or {@code null} when it has none. */
    public Class<?> references() {
        return references;
    }

    /**
     * Whether {@code value} leaves this field's generated key unset: {@code null}, or zero in a
     * primitive field of an autoincrement column.
     */
    public boolean isUnsetKey(Object value) {
        return value == null || (primitive && column.isAutoincrement() && value instanceof Number n && n.longValue() == 0);
    }

    /** The field's value in {@code model}. */
    public Object get(Object model) {
        try {
            return getter.invokeExact(model);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot read " + this + ": " + t, t);
        }
    }

    /**
     * Sets the field in {@code model}, a class model; a record's fields are changed through
     * {@link ModelMapping#with}, which makes a copy.
     */
    public void set(Object model, Object value) {
        if (setter == null) {
            throw new UsageException("cannot set " + this + " in place: " + owner.getSimpleName()
                    + " is a record; use ModelMapping.with, which makes a copy");
        }
        try {
            setter.invokeExact(model, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot write " + this + ": " + t, t);
        }
    }

    /** The setter as {@code (Object model, Object value) -> void}, {@code null} for a record's field. */
    MethodHandle setter() {
        return setter;
    }

    /** {@code Model.field}. */
    @Override
    public String toString() {
        return owner.getSimpleName() + "." + name;
    }
}
