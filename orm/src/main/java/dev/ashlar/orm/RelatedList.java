package dev.ashlar.orm;

import dev.ashlar.declarative.RelationshipMapping;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The list a session puts in a to-many relationship field: loads on first use, keeps the other
 * side of a bidirectional relationship in sync, and remembers additions and removals for flush.
 */
final class RelatedList<E> extends AbstractList<E> {
    final Relationships relationships;
    final Object owner;
    final RelationshipMapping rel;
    private final ArrayList<E> items = new ArrayList<>();
    private boolean loaded;
    final List<Object> added = new ArrayList<>();
    final List<Object> removed = new ArrayList<>();

    RelatedList(Relationships relationships, Object owner, RelationshipMapping rel, boolean loaded) {
        this.relationships = relationships;
        this.owner = owner;
        this.rel = rel;
        this.loaded = loaded;
    }

    boolean isLoaded() {
        return loaded;
    }

    private void ensureLoaded() {
        if (!loaded) {
            List<?> values = relationships.loadCollection(owner, rel);
            fill(values);
        }
    }

    @SuppressWarnings("unchecked")
    void fill(Collection<?> values) {
        items.clear();
        items.addAll((Collection<? extends E>) values);
        loaded = true;
    }

    /** The items without loading (empty while not loaded). */
    List<E> peek() {
        return items;
    }

    @SuppressWarnings("unchecked")
    void addQuietly(Object e) {
        if (loaded && !containsIdentity(e)) {
            items.add((E) e);
        }
    }

    void removeQuietly(Object e) {
        if (loaded) {
            items.removeIf(x -> x == e);
        }
    }

    private boolean containsIdentity(Object e) {
        for (E x : items) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }

    @Override
    public E get(int index) {
        ensureLoaded();
        return items.get(index);
    }

    @Override
    public int size() {
        ensureLoaded();
        return items.size();
    }

    @Override
    public void add(int index, E element) {
        ensureLoaded();
        items.add(index, element);
        modCount++;
        if (!removed.removeIf(x -> x == element)) {
            added.add(element);
        }
        relationships.collectionAdded(this, element);
    }

    @Override
    public E remove(int index) {
        ensureLoaded();
        E e = items.remove(index);
        modCount++;
        if (!added.removeIf(x -> x == e)) {
            removed.add(e);
        }
        relationships.collectionRemoved(this, e);
        return e;
    }

    @Override
    public E set(int index, E element) {
        E old = remove(index);
        add(index, element);
        return old;
    }

    @Override
    public String toString() {
        return loaded ? items.toString() : "[not loaded: " + rel.path() + "]";
    }
}
