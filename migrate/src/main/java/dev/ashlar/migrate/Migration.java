package dev.ashlar.migrate;

/**
 * One revision's changes, in both directions. The methods describe changes through the operations
 * they are given and must not touch the database themselves: the migrator runs what they describe,
 * journals it and renders it as SQL for {@code upgrade --sql}. They must describe the same
 * operations every time they are called, because the recorded operations are the revision's checksum.
 */
public interface Migration {
    /** The changes that take the schema from the parents' state to this revision's. */
    void upgrade(Operations op);

    /** The changes that undo {@link #upgrade}. */
    void downgrade(Operations op);
}
