package dev.ashlar.orm.internal;

/** Conversions between the number types a caller passes and the types key columns hold. */
public final class Values {
    private Values() {
    }

    /** {@code value} as {@code type} when it is a number of another width; otherwise unchanged. */
    public static Object convert(Object value, Class<?> type) {
        if (!(value instanceof Number n) || type.isInstance(value)) {
            return value;
        }
        if (type == Long.class) {
            return n.longValue();
        }
        if (type == Integer.class) {
            return n.intValue();
        }
        if (type == Short.class) {
            return n.shortValue();
        }
        return value;
    }

    /** {@code current + 1} in the version field's type; 1 when unset. */
    public static Object nextVersion(Object current, Class<?> type) {
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        if (type == Integer.class || type == int.class) {
            return (int) next;
        }
        if (type == Short.class || type == short.class) {
            return (short) next;
        }
        return next;
    }
}
