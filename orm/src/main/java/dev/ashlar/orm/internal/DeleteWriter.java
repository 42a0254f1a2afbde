package dev.ashlar.orm.internal;

import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Sql;

/**
 * Writes the DELETE of one object's row, found by its snapshot key; with a {@code @Version} field
 * it checks the version and runs alone, since its row count tells whether the row was stale.
 */
public final class DeleteWriter {
    private final StatementBatch batch;

    /** A writer adding to {@code batch}. */
    public DeleteWriter(StatementBatch batch) {
        this.batch = batch;
    }

    /**
     * Deletes the object's row.
     *
     * @throws dev.ashlar.orm.StaleObjectException when the version moved on or the row is gone
     */
    public void delete(ObjectState s) {
        ModelMeta meta = s.meta;
        Delete delete = Sql.deleteFrom(meta.table()).where(Keys.ofSnapshot(s));
        if (meta.version() == null) {
            batch.add(delete);
            return;
        }
        Object expected = s.snapshotValue(meta.version());
        delete = delete.where(meta.version().column().eq(expected));
        batch.runVersioned(delete, meta, s.object, expected);
    }
}
