package dev.ashlar.orm;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.engine.Transaction;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Delete;
import dev.ashlar.core.sql.Insert;
import dev.ashlar.core.sql.Sql;
import dev.ashlar.core.sql.Statement;
import dev.ashlar.core.sql.Update;
import dev.ashlar.declarative.Cascade;
import dev.ashlar.declarative.internal.ModelMapping.Binding;
import dev.ashlar.orm.EntityState.Status;
import dev.ashlar.orm.internal.EntityMeta;
import dev.ashlar.orm.internal.RelationKind;
import dev.ashlar.orm.internal.RelationshipMeta;
import dev.ashlar.orm.internal.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flush of a session: works out what changed, runs the before hooks, validates, then writes
 * in foreign key order inside a savepoint, undoing its changes to objects if anything fails.
 */
final class Flush {
    /** A child's parent through a one-to-many without a back reference ({@code owner == null}: removed). */
    private record Link(Object owner, RelationshipMeta rel) {
    }

    /** An association row to add or remove. */
    private record Association(RelationshipMeta rel, Object owner, Object target) {
    }

    private final Session session;
    private final Map<Object, Link> links = new IdentityHashMap<>();
    private final List<Association> associationAdds = new ArrayList<>();
    private final List<Association> associationRemoves = new ArrayList<>();
    private final List<RelatedList<?>> lists = new ArrayList<>();
    private final List<Runnable> undo = new ArrayList<>();

    Flush(Session session) {
        this.session = session;
    }

    void run() {
        cascadeSaves();
        collectCollections();
        List<EntityState> inserts = new ArrayList<>();
        List<EntityState> candidates = new ArrayList<>();
        List<EntityState> deletes = new ArrayList<>();
        for (EntityState s : session.tracked()) {
            switch (s.status) {
                case PENDING -> inserts.add(s);
                case DELETED -> deletes.add(s);
                case PERSISTENT -> {
                    if (mayChange(s)) {
                        candidates.add(s);
                    }
                }
            }
        }
        if (inserts.isEmpty() && candidates.isEmpty() && deletes.isEmpty() && associationAdds.isEmpty()
                && associationRemoves.isEmpty()) {
            return;
        }
        for (EntityState s : inserts) {
            if (s.object instanceof Lifecycle l) {
                l.beforeInsert();
            }
        }
        for (EntityState s : candidates) {
            if (s.object instanceof Lifecycle l) {
                l.beforeUpdate();
            }
        }
        for (EntityState s : deletes) {
            if (s.object instanceof Lifecycle l) {
                l.beforeDelete();
            }
        }
        List<Session.Pending> toValidate = new ArrayList<>();
        for (EntityState s : inserts) {
            toValidate.add(new Session.Pending(s.meta, s.object, true, exempt(s)));
        }
        for (EntityState s : candidates) {
            toValidate.add(new Session.Pending(s.meta, s.object, false, exempt(s)));
        }
        session.validate(toValidate);

        Connection connection = session.connection();
        Transaction savepoint = connection.begin();
        List<EntityState> inserted = new ArrayList<>();
        List<EntityState> updated = new ArrayList<>();
        try {
            List<Table> tables = tableOrder(inserts, candidates, deletes);
            for (Table table : tables) {
                Batch batch = new Batch(connection);
                insertAll(table, insertOrder(table, ofTable(inserts, table)), batch, connection);
                inserted.addAll(ofTable(inserts, table));
                batch.run();
                for (EntityState s : ofTable(candidates, table)) {
                    if (update(s, batch, connection)) {
                        updated.add(s);
                    }
                }
                batch.run();
            }
            writeAssociations(connection, deletes);
            List<Table> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            for (Table table : reversed) {
                Batch batch = new Batch(connection);
                List<EntityState> ofTable = ofTable(deletes, table);
                Collections.reverse(ofTable);
                for (EntityState s : ofTable) {
                    delete(s, batch, connection);
                }
                batch.run();
            }
            savepoint.commit();
        } catch (RuntimeException e) {
            try {
                savepoint.rollback();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw e;
        }
        for (RelatedList<?> list : lists) {
            list.added.clear();
            list.removed.clear();
        }
        for (EntityState s : inserted) {
            session.inserted(s);
        }
        for (EntityState s : updated) {
            session.updated(s);
        }
        for (EntityState s : deletes) {
            session.deleted(s);
        }
        for (EntityState s : inserted) {
            if (s.object instanceof Lifecycle l) {
                l.afterInsert();
            }
        }
        for (EntityState s : updated) {
            if (s.object instanceof Lifecycle l) {
                l.afterUpdate();
            }
        }
        for (EntityState s : deletes) {
            if (s.object instanceof Lifecycle l) {
                l.afterDelete();
            }
        }
    }

    // ---- what changed ---------------------------------------------------------------------------

    private void cascadeSaves() {
        for (EntityState s : List.copyOf(session.tracked())) {
            if (s.status == Status.DELETED) {
                continue;
            }
            for (RelationshipMeta rel : s.meta.relationships()) {
                if (rel.cascades(Cascade.SAVE)) {
                    for (Object o : peek(s.object, rel)) {
                        session.addCascaded(o);
                    }
                }
            }
        }
    }

    private static List<Object> peek(Object owner, RelationshipMeta rel) {
        Object holder = rel.read(owner);
        List<Object> out = new ArrayList<>();
        if (holder instanceof RelatedList<?> list) {
            out.addAll(list.peek());
        } else if (holder instanceof Ref<?> ref && ref.isLoaded() && ref.peek() != null) {
            out.add(ref.peek());
        }
        return out;
    }

    private void collectCollections() {
        List<Object[]> removals = new ArrayList<>();
        for (EntityState s : List.copyOf(session.tracked())) {
            for (RelationshipMeta rel : s.meta.relationships()) {
                if (!(rel.read(s.object) instanceof RelatedList<?> list)) {
                    continue;
                }
                lists.add(list);
                if (rel.kind() == RelationKind.MANY_TO_MANY) {
                    for (Object t : list.added) {
                        associationAdds.add(new Association(rel, s.object, t));
                    }
                    for (Object t : list.removed) {
                        associationRemoves.add(new Association(rel, s.object, t));
                    }
                    continue;
                }
                if (s.status != Status.DELETED && rel.inverse() == null && list.isLoaded()) {
                    for (Object child : list.peek()) {
                        links.put(child, new Link(s.object, rel));
                    }
                }
                for (Object child : list.removed) {
                    removals.add(new Object[] {child, rel, s.object});
                }
            }
        }
        for (Object[] r : removals) {
            Object child = r[0];
            RelationshipMeta rel = (RelationshipMeta) r[1];
            boolean adopted = rel.inverse() == null ? links.containsKey(child)
                    : rel.inverse().read(child) instanceof Ref<?> ref && ref.isLoaded() && ref.peek() != null;
            if (adopted) {
                continue;
            }
            EntityState cs = session.state(child);
            if (rel.cascades(Cascade.DELETE_ORPHAN) && cs != null) {
                session.delete(child);
            } else if (rel.inverse() == null) {
                links.put(child, new Link(null, rel));
            }
        }
    }

    /** Whether a persistent object might need an UPDATE: changed fields or relationships to write. */
    private boolean mayChange(EntityState s) {
        Object[] now = s.meta.snapshot(s.object);
        for (int i = 0; i < now.length; i++) {
            if (!EntityMeta.same(now[i], s.snapshot[i])) {
                return true;
            }
        }
        if (links.containsKey(s.object)) {
            return true;
        }
        for (RelationshipMeta rel : s.meta.relationships()) {
            if (rel.kind() == RelationKind.TO_ONE_FK && rel.read(s.object) instanceof Ref<?> ref && ref.assigned()) {
                Object target = ref.peek();
                Object wanted = target == null ? null : session.metamodel().entity(target.getClass()).get(target, rel.targetKey());
                if (target != null && wanted == null) {
                    return true;
                }
                if (!EntityMeta.same(wanted, s.meta.get(s.object, rel.ownerKey()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Fields the session fills in itself, which validation must not flag as missing. */
    private Set<Binding> exempt(EntityState s) {
        Set<Binding> exempt = new HashSet<>();
        if (s.meta.version() != null) {
            exempt.add(s.meta.version());
        }
        for (RelationshipMeta rel : s.meta.relationships()) {
            if (rel.kind() == RelationKind.TO_ONE_FK && rel.read(s.object) instanceof Ref<?> ref && ref.assigned()
                    && ref.peek() != null) {
                exempt.add(rel.ownerKey());
            }
        }
        Link link = links.get(s.object);
        if (link != null && link.owner() != null) {
            exempt.add(link.rel().targetKey());
        }
        return exempt;
    }

    // ---- ordering --------------------------------------------------------------------------------

    private static List<Table> tableOrder(List<EntityState> a, List<EntityState> b, List<EntityState> c) {
        Set<Table> involved = new java.util.LinkedHashSet<>();
        for (List<EntityState> l : List.of(a, b, c)) {
            for (EntityState s : l) {
                involved.add(s.meta.table());
            }
        }
        List<Table> ordered = new ArrayList<>();
        if (involved.isEmpty()) {
            return ordered;
        }
        for (Table t : involved.iterator().next().metadata().sortedTables()) {
            if (involved.remove(t)) {
                ordered.add(t);
            }
        }
        ordered.addAll(involved);
        return ordered;
    }

    private static List<EntityState> ofTable(List<EntityState> states, Table table) {
        List<EntityState> out = new ArrayList<>();
        for (EntityState s : states) {
            if (s.meta.table() == table) {
                out.add(s);
            }
        }
        return out;
    }

    /** Inserts of one table with rows referencing other new rows of the same table (trees) after them. */
    private List<EntityState> insertOrder(Table table, List<EntityState> states) {
        List<EntityState> out = new ArrayList<>();
        Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> pending = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityState s : states) {
            pending.add(s.object);
        }
        for (EntityState s : states) {
            visit(s, table, pending, done, out, 0);
        }
        return out;
    }

    private void visit(EntityState s, Table table, Set<Object> pending, Set<Object> done, List<EntityState> out, int depth) {
        if (done.contains(s.object) || depth > 10_000) {
            return;
        }
        done.add(s.object);
        for (Object parent : sameTableParents(s, table)) {
            if (pending.contains(parent)) {
                visit(session.state(parent), table, pending, done, out, depth + 1);
            }
        }
        out.add(s);
    }

    private List<Object> sameTableParents(EntityState s, Table table) {
        List<Object> parents = new ArrayList<>();
        for (RelationshipMeta rel : s.meta.relationships()) {
            if (rel.kind() == RelationKind.TO_ONE_FK && rel.read(s.object) instanceof Ref<?> ref && ref.assigned()
                    && ref.peek() != null && session.state(ref.peek()) != null
                    && session.state(ref.peek()).meta.table() == table) {
                parents.add(ref.peek());
            }
        }
        Link link = links.get(s.object);
        if (link != null && link.owner() != null) {
            parents.add(link.owner());
        }
        return parents;
    }

    // ---- statements ------------------------------------------------------------------------------

    /** Sets a field, remembering the old value to put back if the flush fails. */
    private void set(EntityState s, Binding b, Object value) {
        Object old = s.meta.get(s.object, b);
        if (EntityMeta.same(old, value)) {
            return;
        }
        s.meta.set(s.object, b, value);
        undo.add(() -> s.meta.set(s.object, b, old));
    }

    /** Writes foreign keys from the object's references and parent collections. */
    private void syncForeignKeys(EntityState s) {
        for (RelationshipMeta rel : s.meta.relationships()) {
            if (rel.kind() == RelationKind.TO_ONE_FK && rel.read(s.object) instanceof Ref<?> ref && ref.assigned()) {
                Object target = ref.peek();
                Object key = null;
                if (target != null) {
                    key = session.metamodel().entity(target.getClass()).get(target, rel.targetKey());
                    if (key == null) {
                        throw new IllegalStateException(rel.path() + " of " + s.meta.describe(s.object) + " points to a "
                                + target.getClass().getSimpleName() + " without a key that is not being saved; add it to the session");
                    }
                }
                set(s, rel.ownerKey(), key);
            }
        }
        Link link = links.get(s.object);
        if (link != null) {
            Object key = link.owner() == null ? null : session.metamodel().entity(link.owner().getClass()).get(link.owner(),
                    link.rel().ownerKey());
            set(s, link.rel().targetKey(), key);
        }
    }

    /** One row to insert: its column values and the bindings the database fills in. */
    private record Prepared(EntityState state, Map<Column<?>, Object> values, List<Binding> returning) {
    }

    /**
     * Inserts the rows of one table. Rows whose values are all known go out as JDBC batches; rows
     * needing generated values back go out as multi-row INSERT ... RETURNING, one statement per run
     * of rows with the same columns, except that a row referencing a new row of the same table
     * waits until that row has its key.
     */
    private void insertAll(Table table, List<EntityState> ordered, Batch batch, Connection connection) {
        List<Prepared> group = new ArrayList<>();
        Set<Object> inGroup = Collections.newSetFromMap(new IdentityHashMap<>());
        for (EntityState s : ordered) {
            for (Object parent : sameTableParents(s, table)) {
                if (inGroup.contains(parent)) {
                    runGroup(table, group, inGroup, batch, connection);
                    break;
                }
            }
            Prepared p = prepare(s);
            if (p.returning().isEmpty()) {
                runGroup(table, group, inGroup, batch, connection);
                batch.add(Sql.insertInto(table).values(p.values()), null);
                continue;
            }
            if (!group.isEmpty() && (!group.get(0).values().keySet().equals(p.values().keySet())
                    || !group.get(0).returning().equals(p.returning()))) {
                runGroup(table, group, inGroup, batch, connection);
            }
            group.add(p);
            inGroup.add(s.object);
        }
        runGroup(table, group, inGroup, batch, connection);
    }

    private void runGroup(Table table, List<Prepared> group, Set<Object> inGroup, Batch batch, Connection connection) {
        if (group.isEmpty()) {
            return;
        }
        batch.run();
        List<Binding> returning = group.get(0).returning();
        Column<?>[] columns = new Column<?>[returning.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = returning.get(i).column();
        }
        Insert insert = Sql.insertInto(table);
        for (Prepared p : group) {
            if (p.values().isEmpty()) {
                break;
            }
            insert.values(p.values());
        }
        List<Row> rows;
        if (group.get(0).values().isEmpty()) {
            // no column to set (all generated): one DEFAULT VALUES insert per row
            rows = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                rows.add(connection.insertReturning(Sql.insertInto(table).returning(columns)));
            }
        } else {
            rows = connection.executeReturning(insert.returning(columns));
        }
        if (rows.size() != group.size()) {
            throw new IllegalStateException("inserted " + group.size() + " rows into " + table.name() + " but got " + rows.size()
                    + " rows back");
        }
        for (int i = 0; i < group.size(); i++) {
            for (Binding b : returning) {
                set(group.get(i).state(), b, Values.convert(rows.get(i).get(b.column()), b.column().type().javaType()));
            }
        }
        group.clear();
        inGroup.clear();
    }

    private Prepared prepare(EntityState s) {
        syncForeignKeys(s);
        EntityMeta meta = s.meta;
        if (meta.version() != null) {
            Object v = meta.get(s.object, meta.version());
            if (v == null || ((Number) v).longValue() == 0) {
                set(s, meta.version(), Values.nextVersion(null, meta.version().column().type().javaType()));
            }
        }
        Map<Column<?>, Object> values = new LinkedHashMap<>();
        List<Binding> returning = new ArrayList<>();
        for (Binding b : meta.mapping().bindings()) {
            Object v = meta.get(s.object, b);
            Column<Object> column = b.column();
            boolean unsetKey = column.isAutoincrement() && (v == null || (b.primitive() && ((Number) v).longValue() == 0));
            if (v == null && column.clientDefault() != null) {
                v = column.clientDefault().get();
                set(s, b, v);
            }
            if (v == null || unsetKey) {
                if (unsetKey || column.serverDefault() != null) {
                    returning.add(b);
                }
                continue;
            }
            values.put(column, v);
        }
        return new Prepared(s, values, returning);
    }

    private boolean update(EntityState s, Batch batch, Connection connection) {
        syncForeignKeys(s);
        EntityMeta meta = s.meta;
        List<Binding> bindings = meta.mapping().bindings();
        Update update = Sql.update(meta.table());
        boolean changed = false;
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            Object now = meta.get(s.object, b);
            if (!EntityMeta.same(now, s.snapshot[i])) {
                update.set(b.column(), now);
                changed = true;
            }
        }
        if (!changed) {
            return false;
        }
        for (int i = 0; i < bindings.size(); i++) {
            Binding b = bindings.get(i);
            if (b.column().onUpdate() != null && EntityMeta.same(meta.get(s.object, b), s.snapshot[i])) {
                // the column's on-update value (an updated-at time) goes into the object too, so that
                // memory matches the row without a reload; a value the caller set explicitly wins
                Object value = b.column().onUpdate().get();
                set(s, b, value);
                update.set(b.column(), value);
            }
        }
        update.where(snapshotKey(s));
        if (meta.version() == null) {
            batch.add(update, null);
            return true;
        }
        Object expected = s.snapshot[bindings.indexOf(meta.version())];
        Object next = Values.nextVersion(expected, meta.version().column().type().javaType());
        update.set(meta.version().column(), next);
        update.where(meta.version().column().eq(expected));
        set(s, meta.version(), next);
        batch.run();
        if (connection.execute(update) != 1) {
            throw new StaleObjectException(meta.type(), meta.describe(s.object), expected, connection.dialect().compile(update).sql());
        }
        return true;
    }

    private void delete(EntityState s, Batch batch, Connection connection) {
        EntityMeta meta = s.meta;
        Delete delete = Sql.deleteFrom(meta.table()).where(snapshotKey(s));
        if (meta.version() == null) {
            batch.add(delete, null);
            return;
        }
        Object expected = s.snapshot[meta.mapping().bindings().indexOf(meta.version())];
        delete.where(meta.version().column().eq(expected));
        batch.run();
        if (connection.execute(delete) != 1) {
            throw new StaleObjectException(meta.type(), meta.describe(s.object), expected, connection.dialect().compile(delete).sql());
        }
    }

    private static Condition snapshotKey(EntityState s) {
        List<Binding> bindings = s.meta.mapping().bindings();
        Condition c = null;
        for (Binding b : s.meta.key()) {
            Condition part = b.column().eq(s.snapshot[bindings.indexOf(b)]);
            c = c == null ? part : c.and(part);
        }
        return c;
    }

    private void writeAssociations(Connection connection, List<EntityState> deletes) {
        Batch batch = new Batch(connection);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Association a : associationRemoves) {
            Object ownerKey = keyOf(a.owner(), a.rel().ownerKey());
            Object targetKey = keyOf(a.target(), a.rel().targetKey());
            Table through = session.metamodel().entity(a.rel().through()).table();
            batch.add(Sql.deleteFrom(through).where(a.rel().throughOwnerKey().column().eq(ownerKey)
                    .and(a.rel().throughTargetKey().column().eq(targetKey))), null);
        }
        for (EntityState s : deletes) {
            for (RelationshipMeta rel : s.meta.relationships()) {
                if (rel.kind() == RelationKind.MANY_TO_MANY && seen.putIfAbsent(rel.path() + System.identityHashCode(s.object), true) == null) {
                    Table through = session.metamodel().entity(rel.through()).table();
                    batch.add(Sql.deleteFrom(through).where(rel.throughOwnerKey().column().eq(keyOf(s.object, rel.ownerKey()))), null);
                }
            }
        }
        for (Association a : associationAdds) {
            EntityState owner = session.state(a.owner());
            if (owner == null || owner.status == Status.DELETED) {
                continue;
            }
            Table through = session.metamodel().entity(a.rel().through()).table();
            batch.add(Sql.insertInto(through).set(a.rel().throughOwnerKey().column(), keyOf(a.owner(), a.rel().ownerKey()))
                    .set(a.rel().throughTargetKey().column(), keyOf(a.target(), a.rel().targetKey())), null);
        }
        batch.run();
    }

    private Object keyOf(Object model, Binding b) {
        return session.metamodel().entity(model.getClass()).get(model, b);
    }

    /** Statements waiting to be sent together. */
    private static final class Batch {
        private final Connection connection;
        private final List<Statement> statements = new ArrayList<>();

        Batch(Connection connection) {
            this.connection = connection;
        }

        void add(Statement statement, Object unused) {
            statements.add(statement);
        }

        void run() {
            if (!statements.isEmpty()) {
                List<Statement> now = List.copyOf(statements);
                statements.clear();
                connection.executeBatch(now);
            }
        }
    }
}
