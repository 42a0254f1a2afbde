package dev.ashlar.core.sql;

import dev.ashlar.core.schema.Column;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The column-to-value assignments of an INSERT row, an UPDATE or an upsert's DO UPDATE: an
 * immutable map in the order the columns were first set. {@link #with} returns a new map; adding a
 * column shares the storage of the map it came from (see {@link AppendList}), so setting the columns
 * of a row one call at a time costs no copy per call. Lookups scan the entries, which beats hashing
 * for the handful of columns a statement sets.
 */
final class Assignments extends AbstractMap<Column<?>, Expression<?>> {
    private static final Assignments EMPTY = new Assignments(AppendList.of());

    private final AppendList<Map.Entry<Column<?>, Expression<?>>> entries;

    private Assignments(AppendList<Map.Entry<Column<?>, Expression<?>>> entries) {
        this.entries = entries;
    }

    static Assignments of() {
        return EMPTY;
    }

    /**
     * The assignments of {@code entries}, whose keys differ, in their order; the array becomes theirs, not
     * copied (an insert's row, built one setting at a time, hands its entries over once).
     */
    static Assignments owning(Map.Entry<Column<?>, Expression<?>>[] entries) {
        return new Assignments(AppendList.owning(entries));
    }

    /** These assignments with {@code column} set to {@code value}; a column set before keeps its place. */
    Assignments with(Column<?> column, Expression<?> value) {
        int at = indexOf(column);
        Map.Entry<Column<?>, Expression<?>> entry = new AbstractMap.SimpleImmutableEntry<>(column, value);
        return new Assignments(at < 0 ? entries.plus(entry) : entries.with(at, entry));
    }

    private int indexOf(Object column) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            if (Objects.equals(entries.get(i).getKey(), column)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Expression<?> get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : entries.get(at).getValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public Set<Map.Entry<Column<?>, Expression<?>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Column<?>, Expression<?>>> iterator() {
                return entries.iterator();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }
}
