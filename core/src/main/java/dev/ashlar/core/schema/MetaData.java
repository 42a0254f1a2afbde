package dev.ashlar.core.schema;

import dev.ashlar.core.error.DefinitionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection of tables that are created and dropped together, with the naming convention for
 * their constraints and indexes.
 */
public final class MetaData {
    private final NamingConvention namingConvention;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();

    /** Metadata with the {@link NamingConvention#DEFAULT default naming convention}. */
    public MetaData() {
        this(NamingConvention.DEFAULT);
    }

    /** Metadata whose unnamed constraints and indexes are named by {@code namingConvention}. */
    public MetaData(NamingConvention namingConvention) {
        this.namingConvention = namingConvention;
    }

    /** The convention that names unnamed constraints and indexes. */
    public NamingConvention namingConvention() {
        return namingConvention;
    }

    /** Defines a table from columns, constraints and indexes. */
    public Table table(String name, TableElement... elements) {
        return table(name, null, List.of(elements));
    }

    /** Defines a table that a model class declares; errors about its columns will name {@code modelName}. */
    public synchronized Table table(String name, String modelName, List<? extends TableElement> elements) {
        if (tables.containsKey(name)) {
            throw new DefinitionException("metadata already has a table named " + name
                    + "; give one of them another name, or define the tables in two MetaData objects");
        }
        Table table = new Table(this, name, modelName, elements);
        tables.put(name, table);
        return table;
    }

    /** Records a view by name and defining query; reflection fills these in. */
    public synchronized View view(String name, String definition) {
        View view = new View(name, definition);
        if (views.putIfAbsent(name, view) != null) {
            throw new DefinitionException("metadata already has a view named " + name + "; give one of them another name");
        }
        return view;
    }

    /** Views in definition order. */
    public synchronized List<View> views() {
        return List.copyOf(views.values());
    }

    /** The table with this name, or {@code null}. */
    public synchronized Table get(String name) {
        return tables.get(name);
    }

    /** All tables in definition order. */
    public synchronized List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * Tables ordered so that each comes after the tables it references, the order in which they can
     * be created. Foreign keys that close a cycle (and self-references) do not constrain the order;
     * {@link #cyclicForeignKeys()} lists them so that DDL can add them after the tables exist.
     */
    public synchronized List<Table> sortedTables() {
        return sort(tables.values()).order();
    }

    /** Foreign keys whose tables reference each other in a cycle, including self-references. */
    public synchronized List<ForeignKey> cyclicForeignKeys() {
        return sort(tables.values()).cyclic();
    }

    private record Sorted(List<Table> order, List<ForeignKey> cyclic) {
    }

    private static Sorted sort(Collection<Table> all) {
        Map<Table, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        List<Table> order = new ArrayList<>();
        List<ForeignKey> cyclic = new ArrayList<>();
        Set<Table> members = new HashSet<>(all);
        for (Table start : all) {
            visit(start, state, order, cyclic, members, new ArrayDeque<>());
        }
        return new Sorted(Collections.unmodifiableList(order), Collections.unmodifiableList(cyclic));
    }

    private static void visit(Table table, Map<Table, Integer> state, List<Table> order, List<ForeignKey> cyclic,
                              Set<Table> members, Deque<Table> stack) {
        if (state.containsKey(table)) {
            return;
        }
        state.put(table, 1);
        stack.push(table);
        for (ForeignKey fk : table.foreignKeys()) {
            Table target = fk.referencedTable();
            if (!members.contains(target)) {
                continue;
            }
            Integer s = state.get(target);
            if (target == table || (s != null && s == 1)) {
                cyclic.add(fk);
            } else if (s == null) {
                visit(target, state, order, cyclic, members, stack);
            }
        }
        stack.pop();
        state.put(table, 2);
        order.add(table);
    }
}
