package dev.ashlar.orm;

/**
 * Implemented by a model that wants to act around its persistence. The session calls the
 * {@code before} methods during flush before it validates and sends anything (so they may still set
 * fields), and the {@code after} methods once the statements ran.
 */
public interface Lifecycle {
    /** Before the object's INSERT. */
    default void beforeInsert() {
    }

    /** After the object's INSERT; generated values are filled in. */
    default void afterInsert() {
    }

    /** Before the object's UPDATE. */
    default void beforeUpdate() {
    }

    /** After the object's UPDATE. */
    default void afterUpdate() {
    }

    /** Before the object's DELETE. */
    default void beforeDelete() {
    }

    /** After the object's DELETE. */
    default void afterDelete() {
    }

    /** After the object was made from a row (not when the identity map returns an object already loaded). */
    default void afterLoad() {
    }
}
