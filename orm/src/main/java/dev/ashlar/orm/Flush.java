package dev.ashlar.orm;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.schema.Table;
import dev.ashlar.orm.internal.AssociationWriter;
import dev.ashlar.orm.internal.DeleteWriter;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.Hooks;
import dev.ashlar.orm.internal.Hooks.Event;
import dev.ashlar.orm.internal.InsertPlanner;
import dev.ashlar.orm.internal.RowInserter;
import dev.ashlar.orm.internal.StatementBatch;
import dev.ashlar.orm.internal.TableOrder;
import dev.ashlar.orm.internal.UndoLog;
import dev.ashlar.orm.internal.UnitOfWork;
import dev.ashlar.orm.internal.UpdateWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One flush of a session: works out what changed, runs the before hooks, validates, then writes
 * in foreign key order inside a savepoint, undoing its changes to objects if anything fails, and
 * on success moves the objects' states on and runs the after hooks.
 */
final class Flush {
    private final Session session;
    private final CollectionChanges collections;
    private final ForeignKeys foreignKeys;
    private final UndoLog undo = new UndoLog();
    private final List<ObjectState> inserts = new ArrayList<>();
    private final List<ObjectState> candidates = new ArrayList<>();
    private final List<ObjectState> deletes = new ArrayList<>();
    private final List<ObjectState> inserted = new ArrayList<>(); // in table order, as written
    private final List<ObjectState> updated = new ArrayList<>();

    Flush(Session session) {
        this.session = session;
        this.collections = new CollectionChanges(session);
        this.foreignKeys = new ForeignKeys(session, collections);
    }

    void run() {
        session.relationships().cascadeAll();
        collections.collect();
        classify();
        if (inserts.isEmpty() && candidates.isEmpty() && deletes.isEmpty() && !collections.hasAssociations()) {
            return;
        }
        Hooks.fireStates(Event.BEFORE_INSERT, inserts);
        Hooks.fireStates(Event.BEFORE_UPDATE, candidates);
        Hooks.fireStates(Event.BEFORE_DELETE, deletes);
        validate();
        // A flush that begins the session's transaction needs no savepoint: rolling the transaction
        // back undoes exactly the flush. That saves two statements (two round trips on a server) on
        // the common commit of a unit of work; later flushes of the transaction keep the savepoint.
        boolean beginsTransaction = !session.inTransaction();
        Connection connection = session.connection();
        Transaction savepoint = beginsTransaction ? null : connection.begin();
        try {
            write(connection);
            if (savepoint != null) {
                savepoint.commit();
            }
        } catch (RuntimeException e) {
            try {
                if (savepoint != null) {
                    savepoint.rollback();
                } else {
                    session.rollbackFailedFirstFlush();
                }
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            undo.undoAll();
            throw e;
        }
        finish();
    }

    /** Sorts the tracked objects into inserts, possible updates and deletes. */
    private void classify() {
        for (ObjectState s : session.map().tracked()) {
            switch (s.status) {
                case PENDING -> inserts.add(s);
                case DELETED -> deletes.add(s);
                case PERSISTENT -> {
                    if (s.changedSinceSnapshot() || foreignKeys.moved(s)) {
                        candidates.add(s);
                    }
                }
            }
        }
    }

    private void validate() {
        List<Validator.Target> targets = new ArrayList<>();
        for (ObjectState s : inserts) {
            targets.add(new Validator.Target(s.meta, s.object, true, foreignKeys.exempt(s)));
        }
        for (ObjectState s : candidates) {
            targets.add(new Validator.Target(s.meta, s.object, false, foreignKeys.exempt(s)));
        }
        Validator.validate(targets);
    }

    /** Inserts and updates table by table, referenced tables first; association rows; then deletes in reverse. */
    private void write(Connection connection) {
        List<Table> tables = TableOrder.of(inserts, candidates, deletes);
        InsertPlanner planner = new InsertPlanner(undo);
        for (Table table : tables) {
            StatementBatch batch = new StatementBatch(connection);
            List<ObjectState> newRows = TableOrder.ofTable(inserts, table);
            // Only new rows of a tree reference each other; asked once, and the usual table skips both
            // the parents-first sort and the inserter's bookkeeping of which rows are in its group.
            Function<ObjectState, List<Object>> parents = s -> foreignKeys.sameTableParents(s, table);
            boolean tree = TableOrder.anyHasParents(newRows, parents);
            RowInserter inserter = new RowInserter(table, batch, undo, tree ? parents : null, s -> {
                foreignKeys.sync(s, undo);
                return planner.plan(s);
            });
            inserter.insertAll(tree ? TableOrder.parentsFirst(newRows, parents, session.map()::state) : newRows);
            inserted.addAll(newRows);
            batch.run();
            UpdateWriter writer = new UpdateWriter(batch, undo);
            for (ObjectState s : TableOrder.ofTable(candidates, table)) {
                foreignKeys.sync(s, undo);
                if (writer.update(s)) {
                    updated.add(s);
                }
            }
            batch.run();
        }
        new AssociationWriter(session.map())
                .write(new StatementBatch(connection), collections.associationRemoves(), collections.associationAdds(), deletes);
        List<Table> reversed = new ArrayList<>(tables);
        Collections.reverse(reversed);
        for (Table table : reversed) {
            StatementBatch batch = new StatementBatch(connection);
            DeleteWriter writer = new DeleteWriter(batch);
            List<ObjectState> ofTable = TableOrder.ofTable(deletes, table);
            Collections.reverse(ofTable);
            ofTable.forEach(writer::delete);
            batch.run();
        }
    }

    /** The writes went through: the objects' states move on, then the after hooks run. */
    private void finish() {
        collections.written();
        UnitOfWork work = session.work();
        inserted.forEach(work::inserted);
        updated.forEach(work::updated);
        deletes.forEach(work::deleted);
        Hooks.fireStates(Event.AFTER_INSERT, inserted);
        Hooks.fireStates(Event.AFTER_UPDATE, updated);
        Hooks.fireStates(Event.AFTER_DELETE, deletes);
    }
}
