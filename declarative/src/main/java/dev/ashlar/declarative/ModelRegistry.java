package dev.ashlar.declarative;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.internal.ModelReader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Maps model classes into one {@link MetaData}, each class once. {@link Models} holds a shared
 * registry; make your own to put models in a metadata of your choosing.
 */
public final class ModelRegistry {
    private final MetaData metadata;
    private final Deque<Class<?>> inProgress = new ArrayDeque<>();
    private final ClassValue<ModelInfo<?>> models = new ClassValue<>() {
        @Override
        protected ModelInfo<?> computeValue(Class<?> type) {
            return map(type);
        }
    };

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
        // Mapping adds a table to the metadata, which must happen once even when threads race, so
        // the first computation runs under the registry's lock (reentrant for referenced models).
        synchronized (this) {
            return (ModelInfo<T>) models.get(type);
        }
    }

    private <T> ModelInfo<T> map(Class<T> type) {
        if (inProgress.contains(type)) {
            throw new MappingException(type, java.util.List.of(type.getSimpleName() + ": models " + inProgress
                    + " reference each other in a cycle, which declarative models do not support yet"));
        }
        inProgress.push(type);
        try {
            return new ModelInfo<>(type, ModelReader.read(type, metadata, target -> of(target).table()));
        } finally {
            inProgress.pop();
        }
    }
}
