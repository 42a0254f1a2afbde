package dev.ashlar.core.engine;

import dev.ashlar.core.error.AshlarException;
import dev.ashlar.core.error.UsageException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Maps rows to a record through its canonical constructor. Everything reflective (the constructor's
 * method handle, which column feeds which component) is worked out once per query in {@link #of};
 * a row then costs one array fill and one handle call.
 */
final class RecordMapper<R> implements RowMapper<R> {
    private final Class<R> type;
    private final MethodHandle constructor;
    private final int[] columnIndexes;
    private final Class<?>[] componentTypes;
    private final String[] componentNames;
    private final boolean[] primitive;

    private RecordMapper(Class<R> type, MethodHandle constructor, int[] columnIndexes, Class<?>[] componentTypes, String[] componentNames,
                         boolean[] primitive) {
        this.primitive = primitive;
        this.type = type;
        this.constructor = constructor;
        this.columnIndexes = columnIndexes;
        this.componentTypes = componentTypes;
        this.componentNames = componentNames;
    }

    static <R extends Record> RowMapper<R> of(Class<R> type, RowShape shape) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Class<?>[] boxed = new Class<?>[components.length];
        String[] names = new String[components.length];
        int[] indexes = new int[components.length];
        boolean[] primitive = new boolean[components.length];
        List<String> labels = shape.labels();
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            boxed[i] = MethodType.methodType(parameterTypes[i]).wrap().returnType();
            primitive[i] = parameterTypes[i].isPrimitive();
            names[i] = components[i].getName();
            indexes[i] = columnFor(names[i], labels);
            if (indexes[i] < 0) {
                throw new UsageException("record " + type.getSimpleName() + " has a component '" + names[i]
                        + "' that no selected column matches; columns: " + labels);
            }
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordMapper<>(type, handle, indexes, boxed, names, primitive);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AshlarException("cannot use the canonical constructor of record " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The column for a component: same label, same ignoring case, or same ignoring case and underscores. */
    private static int columnFor(String component, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equals(component)) {
                return i;
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(component)) {
                return i;
            }
        }
        String loose = loose(component);
        for (int i = 0; i < labels.size(); i++) {
            if (loose(labels.get(i)).equals(loose)) {
                return i;
            }
        }
        return -1;
    }

    private static String loose(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public R map(Row row) {
        Object[] arguments = new Object[columnIndexes.length];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = adapt(i, row.get(columnIndexes[i]));
        }
        try {
            return type.cast((Object) constructor.invokeExact(arguments));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AshlarException("the constructor of record " + type.getSimpleName() + " failed: " + e.getMessage(), e);
        }
    }

    /** The value as the component's type; numbers are converted exactly when the column's type is another number type. */
    private Object adapt(int i, Object value) {
        Class<?> target = componentTypes[i];
        if (value == null) {
            if (primitive[i]) {
                throw new UsageException("column for component '" + componentNames[i] + "' of record " + type.getSimpleName()
                        + " is NULL, but the component is a primitive");
            }
            return null;
        }
        if (target.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            try {
                Object converted = convert(n, target);
                if (converted != null) {
                    return converted;
                }
            } catch (ArithmeticException e) {
                throw new UsageException("value " + value + " does not fit component '" + componentNames[i] + "' ("
                        + target.getSimpleName() + ") of record " + type.getSimpleName(), e);
            }
        }
        throw new UsageException("component '" + componentNames[i] + "' of record " + type.getSimpleName() + " is "
                + target.getSimpleName() + ", but its column holds " + value.getClass().getSimpleName() + " (" + value + ")");
    }

    private static Object convert(Number n, Class<?> target) {
        BigDecimal exact = n instanceof BigDecimal d ? d : n instanceof BigInteger b ? new BigDecimal(b)
                : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
        if (target == Long.class) {
            return exact.longValueExact();
        }
        if (target == Integer.class) {
            return exact.intValueExact();
        }
        if (target == Short.class) {
            return exact.shortValueExact();
        }
        if (target == BigDecimal.class) {
            return exact;
        }
        if (target == BigInteger.class) {
            return exact.toBigIntegerExact();
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        return null;
    }
}
