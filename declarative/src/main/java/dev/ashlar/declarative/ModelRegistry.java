package dev.ashlar.declarative;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.internal.ModelReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Maps model classes into one {@link MetaData}, each class once. {@link Models} holds a shared
 * registry; make your own to put models in a metadata of your choosing.
 */
public final class ModelRegistry {
    private final MetaData metadata;
    private final Deque<Class<?>> inProgress = new ArrayDeque<>();
    private final ClassValue<Slot> models = new ClassValue<>() {
        @Override
        protected Slot computeValue(Class<?> type) {
            return new Slot();
        }
    };

    /** Holds a class's model once mapped; empty while not yet mapped or after a failed attempt. */
    private static final class Slot {
        volatile ModelInfo<?> model;
    }

    /** A registry that puts model tables into {@code metadata}. */
    public ModelRegistry(MetaData metadata) {
        this.metadata = metadata;
    }

    /** The metadata holding the tables of the models mapped so far. */
    public MetaData metadata() {
        return metadata;
    }

    /**
     * The model of {@code type}, read and checked on first use.
     *
     * @throws MappingException listing every problem of the class
     */
    @SuppressWarnings("unchecked")
    public <T> ModelInfo<T> of(Class<T> type) {
        Slot slot = models.get(type);
        ModelInfo<?> model = slot.model;
        if (model == null) {
            // Mapping adds a table to the metadata, which must happen once even when threads race, so
            // it runs under the registry's lock (reentrant for referenced models). A failure leaves
            // the slot empty: the next call reports the same problems again.
            synchronized (this) {
                model = slot.model;
                if (model == null) {
                    model = map(type);
                    slot.model = model;
                }
            }
        }
        return (ModelInfo<T>) model;
    }

    private <T> ModelInfo<T> map(Class<T> type) {
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
            return new ModelInfo<>(type, ModelReader.read(type, metadata, target -> of(target).table()));
        } finally {
            inProgress.pop();
        }
    }
}
