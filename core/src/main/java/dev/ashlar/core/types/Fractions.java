package dev.ashlar.core.types;

/** The rounding rule of {@link FractionalSeconds}, on the nanosecond field every java.time value has. */
final class Fractions {
    private static final int[] UNITS = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Fractions() {
    }

    /** Nanoseconds per last kept digit; a precision outside 0 to 9 (refused elsewhere) counts as the nearest inside. */
    static int unit(int precision) {
        return UNITS[Math.max(0, Math.min(9, precision))];
    }

    /** The nanoseconds to take away to cut {@code nanos} to the unit. */
    static int rest(int nanos, int unit) {
        return nanos % unit;
    }

    /** Whether a remainder of {@code rest} nanoseconds rounds up to the next unit (half up). */
    static boolean roundsUp(int rest, int unit) {
        return 2L * rest >= unit;
    }

    static String describe(String name, int precision) {
        return precision == FractionalSeconds.DEFAULT_PRECISION ? name : name + "(precision=" + precision + ")";
    }
}
