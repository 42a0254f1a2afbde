package dev.ashlar.orm;

import dev.ashlar.declarative.Cascade;
import dev.ashlar.orm.internal.AssociationWriter.Association;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.ObjectState.Status;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the managed lists of tracked objects say a flush must write: pairs added to and removed
 * from many-to-many lists, the parent of each child of a one-to-many without a back reference
 * (whose foreign key only the list knows), and orphans, deleted when the list cascades
 * delete-orphan.
 */
final class CollectionChanges {
    /** A child's parent through a one-to-many without a back reference ({@code owner == null}: removed). */
    record Link(Object owner, RelationshipMapping rel) {
    }

    /** A child removed from {@code owner}'s list {@code rel}. */
    private record Removal(Object child, RelationshipMapping rel) {
    }

    private final Session session;
    private final Map<Object, Link> links = new IdentityHashMap<>();
    private final List<Association> associationAdds = new ArrayList<>();
    private final List<Association> associationRemoves = new ArrayList<>();
    private final List<RelatedList<?>> lists = new ArrayList<>();

    CollectionChanges(Session session) {
        this.session = session;
    }

    /** Reads every managed list of the tracked objects; deletes orphans of delete-orphan lists. */
    void collect() {
        List<Removal> removals = new ArrayList<>();
        for (ObjectState s : List.copyOf(session.map().tracked())) {
            for (RelationshipMapping rel : s.meta.relationships()) {
                if (rel.read(s.object) instanceof RelatedList<?> list) {
                    lists.add(list);
                    collect(s, rel, list, removals);
                }
            }
        }
        for (Removal r : removals) {
            handleRemoval(r.child(), r.rel());
        }
    }

    private void collect(ObjectState s, RelationshipMapping rel, RelatedList<?> list, List<Removal> removals) {
        if (rel.kind() == RelationshipKind.MANY_TO_MANY) {
            for (Object t : list.added) {
                associationAdds.add(new Association(rel, s.object, t));
            }
            for (Object t : list.removed) {
                associationRemoves.add(new Association(rel, s.object, t));
            }
            return;
        }
        if (s.status != Status.DELETED && rel.inverse() == null && list.isLoaded()) {
            for (Object child : list.peek()) {
                links.put(child, new Link(s.object, rel));
            }
        }
        for (Object child : list.removed) {
            removals.add(new Removal(child, rel));
        }
    }

    /** A child left a list: unless another parent adopted it, it is an orphan, deleted or unlinked. */
    private void handleRemoval(Object child, RelationshipMapping rel) {
        boolean adopted = rel.inverse() == null ? links.containsKey(child)
                : rel.inverse().read(child) instanceof Ref<?> ref && ref.isLoaded() && ref.peek() != null;
        if (adopted) {
            return;
        }
        if (rel.cascades(Cascade.DELETE_ORPHAN) && session.map().state(child) != null) {
            session.delete(child);
        } else if (rel.inverse() == null) {
            links.put(child, new Link(null, rel));
        }
    }

    /** The child's parent through a one-to-many without back reference, or {@code null} when no list says. */
    Link link(Object child) {
        return links.get(child);
    }

    /** Whether there are association rows to write. */
    boolean hasAssociations() {
        return !associationAdds.isEmpty() || !associationRemoves.isEmpty();
    }

    /** The pairs added to many-to-many lists. */
    List<Association> associationAdds() {
        return associationAdds;
    }

    /** The pairs removed from many-to-many lists. */
    List<Association> associationRemoves() {
        return associationRemoves;
    }

    /** After a successful flush, the lists' additions and removals are written: forget them. */
    void written() {
        for (RelatedList<?> list : lists) {
            list.added.clear();
            list.removed.clear();
        }
    }
}
