package dev.ashlar.declarative.internal;

import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A model class resolved once: its table, and for each mapped field the column and the method
 * handles that read and write it. Reading a row or a model's values goes through these handles
 * only, with no reflective lookups per call.
 */
public final class ModelMapping {
    /**
     * One mapped field.
     *
     * @param field     the Java field name
     * @param column    its column
     * @param getter    {@code (Object model) -> Object value}
     * @param setter    {@code (Object model, Object value) -> void} for classes, {@code null} for records
     * @param component the record component index, or -1 for classes
     * @param primitive whether the field is primitive (its zero value then counts as "not set" for generated keys)
     */
    public record Binding(String field, Column<Object> column, MethodHandle getter, MethodHandle setter, int component,
                          boolean primitive) {
    }

    private final Class<?> type;
    private final Table table;
    private final List<Binding> bindings;
    private final boolean record;
    private final MethodHandle constructor;
    private final Object[] componentDefaults;
    private final MethodHandle[] componentGetters;

    /**
     * A resolved mapping. For a class {@code constructor} is {@code () -> Object}; for a record it is
     * the canonical constructor as {@code (Object[] components) -> Object}, and
     * {@code componentDefaults} holds the value of each component that is not mapped, and
     * {@code componentGetters} reads every component as {@code (Object) -> Object}.
     */
    public ModelMapping(Class<?> type, Table table, List<Binding> bindings, boolean record, MethodHandle constructor,
                        Object[] componentDefaults, MethodHandle[] componentGetters) {
        this.type = type;
        this.table = table;
        this.bindings = List.copyOf(bindings);
        this.record = record;
        this.constructor = constructor;
        this.componentDefaults = componentDefaults;
        this.componentGetters = componentGetters;
    }

    /** The model class. */
    public Class<?> type() {
        return type;
    }

    /** The model's table. */
    public Table table() {
        return table;
    }

    /** The mapped fields in column order. */
    public List<Binding> bindings() {
        return bindings;
    }

    /** Whether the model is a record (immutable: changes make a copy). */
    public boolean isRecord() {
        return record;
    }

    /** A new model holding the row's values of the mapped columns, which the row must contain. */
    public Object read(Row row) {
        return read(b -> row.get(b.column()), row);
    }

    /**
     * A new model holding the value {@code values} gives for each binding. For rows where the
     * model's columns are not selected as themselves, such as those of an aliased (joined) table.
     */
    public Object read(Function<Binding, Object> values) {
        return read(values, "values");
    }

    /**
     * A new model from values in binding order ({@code values[i]} for {@code bindings().get(i)}),
     * with no lookup per value: the fast path for loading whole rows.
     */
    public Object fromValues(Object[] values) {
        try {
            if (record) {
                Object[] args = componentDefaults.clone();
                for (int i = 0; i < values.length; i++) {
                    args[bindings.get(i).component()] = values[i];
                }
                return constructor.invokeExact(args);
            }
            Object model = constructor.invokeExact();
            for (int i = 0; i < values.length; i++) {
                bindings.get(i).setter().invokeExact(model, values[i]);
            }
            return model;
        } catch (AshlarException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot make a " + type.getSimpleName() + " from values " + java.util.Arrays.toString(values) + ": " + t, t);
        }
    }

    private Object read(Function<Binding, Object> values, Object source) {
        try {
            if (record) {
                Object[] args = componentDefaults.clone();
                for (Binding b : bindings) {
                    args[b.component()] = values.apply(b);
                }
                return constructor.invokeExact(args);
            }
            Object model = constructor.invokeExact();
            for (Binding b : bindings) {
                b.setter().invokeExact(model, values.apply(b));
            }
            return model;
        } catch (AshlarException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot make a " + type.getSimpleName() + " from " + (source instanceof Row ? "row " : "") + source + ": " + t, t);
        }
    }

    /** The value of a mapped field of {@code model}. */
    public Object get(Object model, Binding binding) {
        try {
            return binding.getter().invokeExact(model);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot read " + type.getSimpleName() + "." + binding.field() + ": " + t, t);
        }
    }

    /**
     * The model with some fields changed: the same object, changed, for a class; a copy for a record.
     */
    public Object with(Object model, Map<Binding, Object> changes) {
        try {
            if (record) {
                Object[] args = new Object[componentGetters.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = componentGetters[i].invokeExact(model);
                }
                for (Map.Entry<Binding, Object> change : changes.entrySet()) {
                    args[change.getKey().component()] = change.getValue();
                }
                return constructor.invokeExact(args);
            }
            for (Map.Entry<Binding, Object> change : changes.entrySet()) {
                change.getKey().setter().invokeExact(model, change.getValue());
            }
            return model;
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AshlarException("cannot set fields of " + type.getSimpleName() + ": " + t, t);
        }
    }
}
