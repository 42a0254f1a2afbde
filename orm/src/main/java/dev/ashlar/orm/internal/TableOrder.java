package dev.ashlar.orm.internal;

import dev.ashlar.core.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The order a flush writes in, so that no statement breaks a foreign key: tables in foreign key
 * order (referenced tables first; deletes go in reverse), and within one table new rows after the
 * new rows they reference (trees).
 */
public final class TableOrder {
    /** How deep a chain of same-table parents is followed: far beyond any real tree, short of a stack overflow. */
    private static final int MAX_DEPTH = 10_000;

    private TableOrder() {
    }

    /** The tables of the objects, referenced tables first. */
    @SafeVarargs
    public static List<Table> of(List<ObjectState>... objects) {
        Set<Table> involved = new LinkedHashSet<>();
        for (List<ObjectState> l : objects) {
            for (ObjectState s : l) {
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

    /** The objects of one table, in their order. */
    public static List<ObjectState> ofTable(List<ObjectState> states, Table table) {
        List<ObjectState> out = new ArrayList<>();
        for (ObjectState s : states) {
            if (s.meta.table() == table) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * New objects of one table with each after the new objects it references; {@code parents}
     * gives the objects of the same table an object references, {@code stateOf} their states.
     */
    public static List<ObjectState> parentsFirst(List<ObjectState> states, Function<ObjectState, List<Object>> parents,
                                                 Function<Object, ObjectState> stateOf) {
        List<ObjectState> out = new ArrayList<>();
        Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> pending = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectState s : states) {
            pending.add(s.object);
        }
        for (ObjectState s : states) {
            visit(s, parents, stateOf, pending, done, out, 0);
        }
        return out;
    }

    /**
     * Whether any state references another object of its table through {@code parents} (a tree):
     * only then do the new rows need {@link #parentsFirst} and the inserter's wait for parents' keys.
     */
    public static boolean anyHasParents(List<ObjectState> states, Function<ObjectState, List<Object>> parents) {
        for (ObjectState s : states) {
            if (!parents.apply(s).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void visit(ObjectState s, Function<ObjectState, List<Object>> parents, Function<Object, ObjectState> stateOf,
                              Set<Object> pending, Set<Object> done, List<ObjectState> out, int depth) {
        if (done.contains(s.object) || depth > MAX_DEPTH) {
            return;
        }
        done.add(s.object);
        for (Object parent : parents.apply(s)) {
            if (pending.contains(parent)) {
                visit(stateOf.apply(parent), parents, stateOf, pending, done, out, depth + 1);
            }
        }
        out.add(s);
    }
}
