package dev.ashlar.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The revisions and their parent links: a directed acyclic graph, where branches are revisions that
 * share a parent and a merge is a revision with several parents. Orders are deterministic: parents
 * before children, and among revisions free to go at once, the smaller id first.
 */
public final class RevisionGraph {
    private final Map<String, Script> byId = new TreeMap<>();

    /** The graph of {@code scripts}; refuses duplicate ids, unknown parents and cycles. */
    public RevisionGraph(Collection<Script> scripts) {
        for (Script s : scripts) {
            Script previous = byId.put(s.id(), s);
            if (previous != null) {
                throw new MigrationException("two scripts declare revision '" + s.id() + "': " + previous.file() + " and " + s.file()
                        + "; give one of them a new id");
            }
        }
        for (Script s : byId.values()) {
            for (String parent : s.parents()) {
                if (!byId.containsKey(parent)) {
                    throw new MigrationException(s.file() + " (revision '" + s.id() + "') names parent '" + parent
                            + "', which no script declares; known revisions: " + byId.keySet());
                }
            }
        }
        ordered(byId.keySet()); // throws on a cycle
    }

    /** Every script, parents before children. */
    public List<Script> scripts() {
        return ordered(byId.keySet());
    }

    /** The script with this id. */
    public Script get(String id) {
        Script s = byId.get(id);
        if (s == null) {
            throw new MigrationException("no script declares revision '" + id + "'; known revisions: " + byId.keySet());
        }
        return s;
    }

    /** Whether a script declares this revision. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Revisions that no other revision names as a parent, by id. More than one means unmerged branches. */
    public List<String> heads() {
        Set<String> parents = new HashSet<>();
        byId.values().forEach(s -> parents.addAll(s.parents()));
        return byId.keySet().stream().filter(id -> !parents.contains(id)).toList();
    }

    /** {@code ids} and every revision they descend from. */
    public Set<String> ancestorsOf(Collection<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(get(id).parents());
            }
        }
        return seen;
    }

    /** The given revisions, parents before children, smaller ids first among equals. */
    public List<Script> ordered(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Integer> waiting = new TreeMap<>();
        for (String id : wanted) {
            waiting.put(id, (int) get(id).parents().stream().filter(wanted::contains).count());
        }
        List<Script> out = new ArrayList<>();
        while (!waiting.isEmpty()) {
            String next = waiting.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new MigrationException("the revisions " + waiting.keySet() + " form a cycle through their parents"));
            waiting.remove(next);
            out.add(byId.get(next));
            for (Map.Entry<String, Integer> e : waiting.entrySet()) {
                if (byId.get(e.getKey()).parents().contains(next)) {
                    e.setValue(e.getValue() - 1);
                }
            }
        }
        return out;
    }
}
