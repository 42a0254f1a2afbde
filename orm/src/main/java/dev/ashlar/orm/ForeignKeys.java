package dev.ashlar.orm;

import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.schema.Table;
import dev.ashlar.declarative.FieldMapping;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import dev.ashlar.orm.CollectionChanges.Link;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.UndoLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The foreign keys a flush writes from relationships rather than from fields: a reference set in
 * memory ({@code item.supplier.set(acme)}) and the parent list of a one-to-many without back
 * reference decide the foreign key field, which may have to wait for the parent's generated key.
 */
final class ForeignKeys {
    /** A to-one reference set in memory, whose target decides the owner's foreign key. */
    private record Assigned(RelationshipMapping rel, Object target) {
    }

    private final Session session;
    private final CollectionChanges collections;

    ForeignKeys(Session session, CollectionChanges collections) {
        this.session = session;
        this.collections = collections;
    }

    private static List<Assigned> assigned(ObjectState s) {
        List<Assigned> out = List.of(); // a flush asks this of every object: no list for the many that assign nothing
        for (RelationshipMapping rel : s.meta.relationships()) {
            if (rel.kind() == RelationshipKind.TO_ONE_FK && rel.read(s.object) instanceof Ref<?> ref && ref.assigned()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>();
                }
                out.add(new Assigned(rel, ref.peek()));
            }
        }
        return out;
    }

    private Object targetKey(Object target, FieldMapping key) {
        return target == null ? null : session.model(target.getClass()).get(target, key);
    }

    /** Whether a relationship points elsewhere than the object's foreign key fields say, so an UPDATE may be needed. */
    boolean moved(ObjectState s) {
        if (collections.link(s.object) != null) {
            return true;
        }
        for (Assigned a : assigned(s)) {
            Object wanted = targetKey(a.target(), a.rel().targetKey());
            if (a.target() != null && wanted == null) {
                return true; // the target is new: its key comes with this flush
            }
            if (!ModelMeta.same(wanted, s.meta.get(s.object, a.rel().ownerKey()))) {
                return true;
            }
        }
        return false;
    }

    /** Writes foreign key fields from the object's references and parent lists, recording old values in {@code undo}. */
    void sync(ObjectState s, UndoLog undo) {
        for (Assigned a : assigned(s)) {
            Object key = targetKey(a.target(), a.rel().targetKey());
            if (a.target() != null && key == null) {
                throw new UsageException(a.rel().path() + " of " + s.meta.describe(s.object) + " points to a "
                        + a.target().getClass().getSimpleName() + " without a key that is not being saved; add it to the session");
            }
            undo.set(s, a.rel().ownerKey(), key);
        }
        Link link = collections.link(s.object);
        if (link != null) {
            undo.set(s, link.rel().targetKey(), targetKey(link.owner(), link.rel().ownerKey()));
        }
    }

    /** Fields the session fills in itself (foreign keys from relationships, the version), which validation must not flag. */
    Set<FieldMapping> exempt(ObjectState s) {
        List<Assigned> assigned = assigned(s);
        Link link = collections.link(s.object);
        if (s.meta.version() == null && assigned.isEmpty() && link == null) {
            return Set.of(); // the common case, asked of every object a flush validates
        }
        Set<FieldMapping> exempt = new HashSet<>();
        if (s.meta.version() != null) {
            exempt.add(s.meta.version());
        }
        for (Assigned a : assigned) {
            if (a.target() != null) {
                exempt.add(a.rel().ownerKey());
            }
        }
        if (link != null && link.owner() != null) {
            exempt.add(link.rel().targetKey());
        }
        return exempt;
    }

    /** The objects of {@code table} (and parents through a list) that {@code s} references: they need their keys first. */
    List<Object> sameTableParents(ObjectState s, Table table) {
        List<Assigned> assigned = assigned(s);
        Link link = collections.link(s.object);
        if (assigned.isEmpty() && (link == null || link.owner() == null)) {
            return List.of();
        }
        List<Object> parents = new ArrayList<>();
        for (Assigned a : assigned) {
            ObjectState target = a.target() == null ? null : session.map().state(a.target());
            if (target != null && target.meta.table() == table) {
                parents.add(a.target());
            }
        }
        if (link != null && link.owner() != null) {
            parents.add(link.owner());
        }
        return parents;
    }
}
