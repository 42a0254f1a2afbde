package dev.ashlar.declarative;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps model classes into one {@link MetaData}, each class once, into one {@link ModelMapping} per
 * class. {@link Models} holds a shared registry; make your own to put models in a metadata of your
 * choosing (and hand it to the ORM session through its options).
 *
 * <p>Looking up a mapped class takes no lock (a {@link ClassValue} and a volatile read). Nothing
 * static refers to a registry: it and its mappings are collected once the code using it lets go.
 */
public final class ModelRegistry {
    private final MetaData metadata;
    private final Deque<Class<?>> inProgress = new ArrayDeque<>();
    /** The classes whose mappings are published, in that order; guarded by the registry's lock. */
    private final List<Class<?>> published = new ArrayList<>();
    // The values must not refer to the registry: a ClassValue's value is held by the class, and one
    // that reached back to its ClassValue would keep the registry alive as long as the model class.
    private final ClassValue<Slot> models = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            return new Slot();
        }
    };

    /** Holds a class's mapping: published once complete; while being completed, seen only under the registry's lock. */
    private static final class Slot {
        volatile ModelMapping<?> model;
        /** The mapping with its columns but not yet its relationships; guarded by the registry's lock. */
        ModelMapping<?> columnsOnly;
    }

    /**
     * The resource in which the annotation processor lists every model class of a compilation, one
     * binary class name a line; {@link #discover(ClassLoader)} reads it from every jar and class folder.
     */
    public static final String MODEL_INDEX = "META-INF/ashlar/models";

    /** A registry that puts model tables into {@code metadata}. */
    public ModelRegistry(MetaData metadata) {
        this.metadata = metadata;
    }

    /** The metadata holding the tables of the models mapped so far. */
    public MetaData metadata() {
        return metadata;
    }

    /**
     * The mapping of {@code type}, read and checked on first use, with the models its relationships
     * reach.
     *
     * @throws MappingException listing every problem of the class
     */
    @SuppressWarnings("unchecked")
    public <T> ModelMapping<T> of(Class<T> type) {
        ModelMapping<?> model = models.get(type).model;
        if (model == null) {
            // Mapping adds tables to the metadata, which must happen once even when threads race, so
            // it runs under the registry's lock; only the first use of a class takes it.
            synchronized (this) {
                model = models.get(type).model;
                if (model == null) {
                    model = complete(type);
                }
            }
        }
        return (ModelMapping<T>) model;
    }

    /**
     * Maps every model that the annotation processor listed in a {@value #MODEL_INDEX} resource
     * visible to {@code loader} (one per jar or class folder compiled with the processor), and
     * returns the metadata, which then holds the whole schema: pass it to {@code SchemaDdl.createAll}.
     * Models already mapped are kept; calling it again maps only what is new.
     *
     * @throws MappingException when a listed model cannot be mapped or its class cannot be loaded
     */
    public MetaData discover(ClassLoader loader) {
        for (String name : listedModels(loader)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MappingException(ModelRegistry.class, MODEL_INDEX + " lists model " + name
                        + ", which the class loader cannot load; rebuild the module that declares it", e);
            }
            of(type);
        }
        return metadata;
    }

    /** The binary names listed in every {@value #MODEL_INDEX} resource of {@code loader}, each once, in order. */
    static Set<String> listedModels(ClassLoader loader) {
        Set<String> names = new java.util.LinkedHashSet<>();
        try {
            java.util.Enumeration<java.net.URL> indexes = loader.getResources(MODEL_INDEX);
            while (indexes.hasMoreElements()) {
                java.net.URL url = indexes.nextElement();
                try (java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(url.openStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        String name = line.strip();
                        if (!name.isEmpty() && !name.startsWith("#")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new MappingException(ModelRegistry.class, "cannot read " + MODEL_INDEX + ": " + e.getMessage(), e);
        }
        return names;
    }

    /**
     * The renames that the models read so far declare with {@link RenamedFrom}, for the schema diff.
     *
     * @throws MappingException when a model is renamed from a table that another model maps, or two
     *                          models claim the same old table
     */
    public synchronized dev.ashlar.core.diff.Renames renames() {
        dev.ashlar.core.diff.Renames out = dev.ashlar.core.diff.Renames.none();
        java.util.Map<String, ModelMapping<?>> byOld = new java.util.HashMap<>();
        for (Class<?> type : published) {
            ModelMapping<?> m = models.get(type).model;
            String old = m.renamedFrom().orElse(null);
            if (old != null) {
                ModelMapping<?> owner = null;
                for (Class<?> otherType : published) {
                    ModelMapping<?> o = models.get(otherType).model;
                    if (o != m && o.table().name().equals(old)) {
                        owner = o;
                    }
                }
                ModelMapping<?> first = byOld.putIfAbsent(old, m);
                if (owner != null || first != null) {
                    throw new MappingException(m.type(), List.of(MappingRules.tableRenameClashProblem(m.name(), old,
                            (owner != null ? owner : first).name(), owner != null)));
                }
            }
            out = out.and(m.renames());
        }
        return out;
    }

    /** The table of a model. */
    public Table table(Class<?> type) {
        return of(type).table();
    }

    /**
     * Resolves the relationships of {@code type} and of every model they reach, then publishes them
     * all. A failure publishes none (the columns stay read, so the next call reports the same problems).
     */
    private ModelMapping<?> complete(Class<?> type) {
        ModelMapping<?> root = columns(type);
        List<ModelMapping<?>> resolved = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<ModelMapping<?>> todo = new ArrayDeque<>();
        todo.push(root);
        try {
            while (!todo.isEmpty()) {
                ModelMapping<?> m = todo.pop();
                if (m.relationshipsResolved() || !seen.add(m.type())) {
                    continue;
                }
                List<RelationshipMapping> relationships = ModelReader.resolveRelationships(m, this::columns);
                m.relationships(relationships);
                resolved.add(m);
                for (RelationshipMapping r : relationships) {
                    todo.push(r.targetMapping());
                    if (r.throughMapping() != null) {
                        todo.push(r.throughMapping());
                    }
                }
            }
            for (ModelMapping<?> m : resolved) {
                for (RelationshipMapping r : m.relationships()) {
                    r.inverse(inverseOf(r));
                }
            }
        } catch (RuntimeException | Error e) {
            for (ModelMapping<?> m : resolved) {
                m.relationships(null);
            }
            throw e;
        }
        for (ModelMapping<?> m : resolved) {
            Slot slot = models.get(m.type());
            slot.model = m;
            slot.columnsOnly = null;
            published.add(m.type());
        }
        return root;
    }

    /** The relationship on the target side mirroring {@code r}: the one it is mapped by, or the one mapped by it. */
    private static RelationshipMapping inverseOf(RelationshipMapping r) {
        ModelMapping<?> target = r.targetMapping();
        if (!r.mappedBy().isEmpty()) {
            return target.relationship(r.mappedBy());
        }
        for (RelationshipMapping other : target.relationships()) {
            if (other.target() == r.owner() && other.mappedBy().equals(r.name())) {
                return other;
            }
        }
        return null;
    }

    /** The mapping of {@code type} with at least its columns read; under the registry's lock. */
    private ModelMapping<?> columns(Class<?> type) {
        Slot slot = models.get(type);
        if (slot.model != null) {
            return slot.model;
        }
        if (slot.columnsOnly != null) {
            return slot.columnsOnly;
        }
        if (inProgress.contains(type)) {
            // a class in progress is still unmapped, so referencing it again would recurse forever
            List<String> cycle = new ArrayList<>();
            inProgress.descendingIterator().forEachRemaining(c -> cycle.add(c.getSimpleName()));
            cycle.add(type.getSimpleName());
            throw new MappingException(type, List.of(type.getSimpleName() + ": @References form a cycle " + String.join(" -> ", cycle)
                    + ", which declarative models do not support yet; declare one of the foreign keys on the table instead"));
        }
        inProgress.push(type);
        try {
            slot.columnsOnly = ModelReader.read(type, metadata, target -> columns(target).table());
            return slot.columnsOnly;
        } finally {
            inProgress.pop();
        }
    }
}
