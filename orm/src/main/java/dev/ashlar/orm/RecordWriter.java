package dev.ashlar.orm;

import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.sql.Update;
import dev.ashlar.declarative.ModelMapping;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.Hooks;
import dev.ashlar.orm.internal.Hooks.Event;
import dev.ashlar.orm.internal.Keys;
import dev.ashlar.orm.internal.StatementBatch;
import dev.ashlar.orm.internal.Values;
import java.util.Map;

/**
 * Writes records (immutable models) at once: the session does not track them, so each insert,
 * update or delete is its own statement, with hooks, validation and the version check around it,
 * and returns the record with the values the database or the version moved to.
 */
final class RecordWriter {
    private final Session session;

    RecordWriter(Session session) {
        this.session = session;
    }

    /** Inserts the record and returns it with the generated values filled in. */
    @SuppressWarnings("unchecked")
    <T extends Record> T insert(T record) {
        ModelMeta meta = session.model(record.getClass());
        Object model = record;
        if (meta.version() != null && meta.get(model, meta.version()) == null) {
            model = meta.mapping().with(model, Map.of(meta.version(), Values.nextVersion(null, meta.version().column().type().javaType())));
        }
        Hooks.fire(Event.BEFORE_INSERT, model);
        Validator.validate(meta, model, true);
        session.autoflush();
        Object inserted = ((ModelMapping<Object>) meta.mapping()).insert(session.connection(), model);
        Hooks.fire(Event.AFTER_INSERT, inserted);
        return (T) inserted;
    }

    /** Updates the record's row from all its values and returns it (with the next version). */
    @SuppressWarnings("unchecked")
    <T extends Record> T update(T record) {
        ModelMeta meta = session.model(record.getClass());
        Hooks.fire(Event.BEFORE_UPDATE, record);
        Validator.validate(meta, record, false);
        session.autoflush();
        Update update = Sql.update(meta.table());
        for (FieldMapping b : meta.mapping().fields()) {
            if (!b.column().isPrimaryKey() && b != meta.version()) {
                update = update.set(b.column(), meta.get(record, b));
            }
        }
        update = update.where(Keys.of(meta, record));
        Object result = record;
        Object version = null;
        if (meta.version() != null) {
            version = meta.get(record, meta.version());
            Object next = Values.nextVersion(version, meta.version().column().type().javaType());
            update = update.set(meta.version().column(), next).where(meta.version().column().eq(version));
            result = meta.mapping().with(record, Map.of(meta.version(), next));
        }
        new StatementBatch(session.connection()).runVersioned(update, meta, record, version);
        Hooks.fire(Event.AFTER_UPDATE, result);
        return (T) result;
    }

    /** Deletes the record's row; with a version, a stale version is an error. */
    void delete(ModelMeta meta, Object record) {
        Hooks.fire(Event.BEFORE_DELETE, record);
        session.autoflush();
        Delete delete = Sql.deleteFrom(meta.table()).where(Keys.of(meta, record));
        if (meta.version() == null) {
            session.connection().execute(delete);
        } else {
            Object version = meta.get(record, meta.version());
            delete = delete.where(meta.version().column().eq(version));
            new StatementBatch(session.connection()).runVersioned(delete, meta, record, version);
        }
        Hooks.fire(Event.AFTER_DELETE, record);
    }
}
