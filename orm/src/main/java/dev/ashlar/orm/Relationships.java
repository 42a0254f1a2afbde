package dev.ashlar.orm;

import dev.ashlar.declarative.Cascade;
import dev.ashlar.orm.internal.ModelMeta;
import dev.ashlar.orm.internal.ObjectState;
import dev.ashlar.orm.internal.ObjectState.Status;
import dev.ashlar.orm.internal.IdentityMap;
import dev.ashlar.declarative.RelationshipKind;
import dev.ashlar.declarative.RelationshipMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The relationship fields of tracked objects: puts the session's holders ({@link Ref},
 * {@link RelatedList}) into them, keeps the two sides of a bidirectional relationship in step when
 * one side changes in memory, and follows save cascades to the objects they reach.
 */
final class Relationships {
    private final Session session;

    Relationships(Session session) {
        this.session = session;
    }

    /** Starts tracking a new object and, through save cascades, the new objects it reaches. */
    void addWithCascade(Object model) {
        List<ObjectState> work = new ArrayList<>();
        work.add(trackNew(model));
        while (!work.isEmpty()) {
            ObjectState s = work.remove(work.size() - 1);
            for (RelationshipMapping rel : s.meta.relationships()) {
                if (!rel.cascades(Cascade.SAVE)) {
                    continue;
                }
                for (Object o : related(s, rel, false)) {
                    if (!map().contains(o)) {
                        work.add(trackNew(o));
                    }
                }
            }
        }
    }

    private ObjectState trackNew(Object model) {
        ObjectState s = new ObjectState(model, session.model(model.getClass()), Status.PENDING);
        map().track(s);
        installHolders(s.object, s.meta, false);
        return s;
    }

    /** Before a flush, follows the save cascades of every object still to be saved. */
    void cascadeAll() {
        for (ObjectState s : List.copyOf(map().tracked())) {
            if (s.status != Status.DELETED) {
                for (RelationshipMapping rel : s.meta.relationships()) {
                    if (rel.cascades(Cascade.SAVE)) {
                        for (Object o : related(s, rel, false)) {
                            if (!map().contains(o)) {
                                addWithCascade(o);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The related objects currently in memory, or loaded first when {@code load}. */
    List<Object> related(ObjectState s, RelationshipMapping rel, boolean load) {
        Object value = rel.read(s.object);
        List<Object> out = new ArrayList<>();
        if (value instanceof RelatedList<?> list) {
            if (list.isLoaded() || load) {
                out.addAll(load ? list : list.peek());
            }
        } else if (value instanceof Ref<?> ref) {
            Object target = ref.isLoaded() ? ref.peek() : load ? ref.get() : null;
            if (target != null) {
                out.add(target);
            }
        }
        return out;
    }

    /** Whether a relationship field's holder has its value in memory (a holder of another kind counts as not loaded). */
    static boolean isLoaded(Object holder) {
        return holder instanceof RelatedList<?> list ? list.isLoaded() : holder instanceof Ref<?> ref && ref.isLoaded();
    }

    /** The objects a loaded holder holds, without loading. */
    static List<Object> peek(Object holder) {
        List<Object> out = new ArrayList<>();
        if (holder instanceof RelatedList<?> list) {
            out.addAll(list.peek());
        } else if (holder instanceof Ref<?> ref && ref.peek() != null) {
            out.add(ref.peek());
        }
        return out;
    }

    // ---- holders --------------------------------------------------------------------------------

    /** Puts the session's holders into the relationship fields of a tracked object. */
    void installHolders(Object object, ModelMeta meta, boolean fromDatabase) {
        for (RelationshipMapping rel : meta.relationships()) {
            if (rel.kind().isCollection()) {
                installList(object, rel, fromDatabase);
            } else {
                installRef(object, meta, rel, fromDatabase);
            }
        }
    }

    private void installList(Object object, RelationshipMapping rel, boolean fromDatabase) {
        Object value = rel.read(object);
        if (value instanceof RelatedList<?> rl && rl.relationships == this && rl.owner == object && !fromDatabase) {
            return;
        }
        RelatedList<Object> list = new RelatedList<>(this, object, rel, !fromDatabase);
        rel.write(object, list);
        if (!fromDatabase && value instanceof Collection<?> items) {
            for (Object item : List.copyOf(items)) {
                list.add(item);
            }
        }
    }

    private void installRef(Object object, ModelMeta meta, RelationshipMapping rel, boolean fromDatabase) {
        Object value = rel.read(object);
        Ref<?> ref = value instanceof Ref<?> r ? r : new Ref<>();
        if (ref != value) {
            rel.write(object, ref);
        }
        RefHooks hooks = new RefHooks(object, rel);
        if (fromDatabase) {
            boolean knownEmpty = rel.kind() == RelationshipKind.TO_ONE_FK && meta.get(object, rel.ownerKey()) == null;
            ref.install(hooks, knownEmpty, null);
            return;
        }
        boolean wasAssigned = ref.assigned();
        Object current = ref.peek();
        ref.install(hooks, true, current);
        if (wasAssigned) {
            ref.keepAssigned();
        }
        if (current != null) {
            hooks.changed(ref, null, current);
        }
    }

    /** Puts loaded objects into {@code owner}'s field: the items of a list, or the first (or nothing) for a reference. */
    void fill(Object owner, RelationshipMapping rel, List<Object> items) {
        Object holder = rel.read(owner);
        if (holder instanceof RelatedList<?> list) {
            list.fill(items);
        } else if (holder instanceof Ref<?> ref) {
            ref.install(new RefHooks(owner, rel), true, items.isEmpty() ? null : items.get(0));
        }
    }

    /** Points {@code owner}'s unloaded reference {@code rel} at {@code value}, learnt from the other side. */
    void fillIfUnloaded(Object owner, RelationshipMapping rel, Object value) {
        if (rel.read(owner) instanceof Ref<?> ref && !ref.isLoaded()) {
            ref.install(new RefHooks(owner, rel), true, value);
        }
    }

    // ---- keeping both sides in step ---------------------------------------------------------------

    /** The hooks of one managed reference: it loads through the session and keeps the other side in step. */
    private final class RefHooks implements Ref.Hooks {
        private final Object owner;
        private final RelationshipMapping rel;

        RefHooks(Object owner, RelationshipMapping rel) {
            this.owner = owner;
            this.rel = rel;
        }

        @Override
        public Object load(Ref<?> ref) {
            return session.relationshipLoader().loadReference(owner, rel);
        }

        @Override
        public void changed(Ref<?> ref, Object oldValue, Object newValue) {
            RelationshipMapping inverse = rel.inverse();
            if (inverse == null) {
                return;
            }
            if (inverse.kind() == RelationshipKind.TO_MANY) {
                if (oldValue != null && inverse.read(oldValue) instanceof RelatedList<?> old) {
                    old.removeQuietly(owner);
                }
                if (newValue != null) {
                    addToPlainOrManaged(inverse.read(newValue), owner);
                }
            } else if (newValue != null && inverse.read(newValue) instanceof Ref<?> back) {
                back.setQuietly(owner);
            }
        }
    }

    private static void addToPlainOrManaged(Object list, Object item) {
        if (list instanceof RelatedList<?> rl) {
            rl.addQuietly(item);
        } else if (list instanceof List<?> plain && !containsIdentity(plain, item)) {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) plain;
            l.add(item);
        }
    }

    private static boolean containsIdentity(Collection<?> items, Object o) {
        for (Object x : items) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    /** A managed list gained {@code child}: its back reference follows, and a save cascade adds it. */
    void collectionAdded(RelatedList<?> list, Object child) {
        RelationshipMapping inverse = list.rel.inverse();
        if (inverse != null && list.rel.kind() == RelationshipKind.TO_MANY) {
            Ref<?> ref = inverse.read(child) instanceof Ref<?> r ? r : null;
            if (ref == null) {
                ref = new Ref<>();
                inverse.write(child, ref);
            }
            Object previous = ref.isLoaded() ? ref.peek() : null;
            if (previous != null && previous != list.owner && list.rel.read(previous) instanceof RelatedList<?> other) {
                other.removeQuietly(child);
            }
            ref.setQuietly(list.owner);
        }
        if (map().contains(list.owner) && list.rel.cascades(Cascade.SAVE) && !map().contains(child) && !session.isClosed()) {
            session.add(child);
        }
    }

    /** A managed list lost {@code child}: its back reference, if it pointed at the list's owner, is cleared. */
    void collectionRemoved(RelatedList<?> list, Object child) {
        RelationshipMapping inverse = list.rel.inverse();
        if (inverse != null && list.rel.kind() == RelationshipKind.TO_MANY && inverse.read(child) instanceof Ref<?> ref
                && ref.isLoaded() && ref.peek() == list.owner) {
            ref.setQuietly(null);
        }
    }

    /** The items of an unloaded list, loaded on first use. */
    List<?> loadCollection(Object owner, RelationshipMapping rel) {
        return session.relationshipLoader().loadCollection(owner, rel);
    }

    private IdentityMap map() {
        return session.map();
    }
}
