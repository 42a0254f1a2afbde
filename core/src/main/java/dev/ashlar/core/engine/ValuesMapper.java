package dev.ashlar.core.engine;

/**
 * Turns the values of one row, in the order the columns were selected, into an object, without a
 * {@link Row} in between: for hydration paths that read many rows and keep the values themselves
 * (an ORM can keep the array as its change-tracking snapshot). Each call gets a new array, which
 * the mapper may keep.
 *
 * @param <T> what a row becomes
 */
@FunctionalInterface
public interface ValuesMapper<T> {
    /** The object for one row's values, read through the columns' codecs, in select order. */
    T map(Object[] values);
}
