package dev.ashlar.core.sql;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable list whose {@link #plus} returns a new list and leaves this one as it was, in
 * amortised constant time: versions share one array, and a version may write the slot just past its
 * end only if no other version has claimed that slot (an atomic claim, so two threads extending the
 * same statement each get their own copy). Statements keep their clauses in these, so that a builder
 * call on a statement of many rows does not copy every row.
 */
final class AppendList<E> extends AbstractList<E> implements RandomAccess {
    private static final AppendList<Object> EMPTY = new AppendList<>(new Object[0], new AtomicInteger(), 0);

    /**
     * The claim of every list that {@link #owning} makes: their arrays are full, and a full array's claim is never
     * read (a version claims only a slot inside its array), so one object serves them all; an insert of many rows
     * makes such a list per row.
     */
    private static final AtomicInteger FULL = new AtomicInteger(Integer.MAX_VALUE);

    private final Object[] items;
    /** How many slots of {@code items} some version has claimed; shared by the versions over one array. */
    private final AtomicInteger claimed;
    private final int size;

    private AppendList(Object[] items, AtomicInteger claimed, int size) {
        this.items = items;
        this.claimed = claimed;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <E> AppendList<E> of() {
        return (AppendList<E>) EMPTY;
    }

    /** This list with {@code element} added at the end. */
    AppendList<E> plus(E element) {
        if (size < items.length && claimed.compareAndSet(size, size + 1)) {
            items[size] = element;
            return new AppendList<>(items, claimed, size + 1);
        }
        Object[] grown = Arrays.copyOf(items, Math.max(4, size * 2));
        grown[size] = element;
        return new AppendList<>(grown, new AtomicInteger(size + 1), size + 1);
    }

    /** This list with {@code elements} added at the end, in order. */
    AppendList<E> plusAll(Collection<? extends E> elements) {
        int n = elements.size();
        if (n == 0) {
            return this;
        }
        Object[] source = elements.toArray();
        if (size + n <= items.length && claimed.compareAndSet(size, size + n)) {
            System.arraycopy(source, 0, items, size, n);
            return new AppendList<>(items, claimed, size + n);
        }
        Object[] grown = Arrays.copyOf(items, Math.max(4, Math.max(size * 2, size + n)));
        System.arraycopy(source, 0, grown, size, n);
        return new AppendList<>(grown, new AtomicInteger(size + n), size + n);
    }

    /** This list with the element at {@code index} replaced (a copy: replacing is rare). */
    AppendList<E> with(int index, E element) {
        java.util.Objects.checkIndex(index, size);
        Object[] copy = Arrays.copyOf(items, Math.max(4, size));
        copy[index] = element;
        return new AppendList<>(copy, new AtomicInteger(size), size);
    }

    /** A list of the elements of {@code items}, which becomes the list's own: the caller keeps no reference to it. */
    static <E> AppendList<E> owning(Object[] items) {
        return new AppendList<>(items, FULL, items.length);
    }

    /** A list of {@code elements}, copied once. */
    static <E> AppendList<E> copyOf(List<? extends E> elements) {
        return AppendList.<E>of().plusAll(elements);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        java.util.Objects.checkIndex(index, size);
        return (E) items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
