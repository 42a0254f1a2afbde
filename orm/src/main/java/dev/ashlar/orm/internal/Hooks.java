package dev.ashlar.orm.internal;

import dev.ashlar.orm.Lifecycle;
import java.util.Collection;
import java.util.function.Consumer;

/** Calls the {@link Lifecycle} hooks of the models that implement it, so callers need not test each object. */
public final class Hooks {
    /** The lifecycle events, each naming its {@link Lifecycle} method. */
    public enum Event {
        /** {@link Lifecycle#beforeInsert()}. */
        BEFORE_INSERT(Lifecycle::beforeInsert),
        /** {@link Lifecycle#afterInsert()}. */
        AFTER_INSERT(Lifecycle::afterInsert),
        /** {@link Lifecycle#beforeUpdate()}. */
        BEFORE_UPDATE(Lifecycle::beforeUpdate),
        /** {@link Lifecycle#afterUpdate()}. */
        AFTER_UPDATE(Lifecycle::afterUpdate),
        /** {@link Lifecycle#beforeDelete()}. */
        BEFORE_DELETE(Lifecycle::beforeDelete),
        /** {@link Lifecycle#afterDelete()}. */
        AFTER_DELETE(Lifecycle::afterDelete),
        /** {@link Lifecycle#afterLoad()}. */
        AFTER_LOAD(Lifecycle::afterLoad);

        private final Consumer<Lifecycle> method;

        Event(Consumer<Lifecycle> method) {
            this.method = method;
        }
    }

    private Hooks() {
    }

    /** Calls the event's hook on {@code model} when it implements {@link Lifecycle}. */
    public static void fire(Event event, Object model) {
        if (model instanceof Lifecycle l) {
            event.method.accept(l);
        }
    }

    /** Calls the event's hook on each object. */
    public static void fireAll(Event event, Collection<?> models) {
        for (Object model : models) {
            fire(event, model);
        }
    }

    /** Calls the event's hook on each tracked object. */
    public static void fireStates(Event event, Collection<ObjectState> states) {
        for (ObjectState s : states) {
            fire(event, s.object);
        }
    }
}
