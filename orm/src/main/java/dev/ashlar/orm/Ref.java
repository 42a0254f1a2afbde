package dev.ashlar.orm;

/**
 * The holder of a to-one relationship ({@code @ManyToOne} or {@code @OneToOne} field): a reference
 * that a session can load on first {@link #get()}, since Ashlar does not rewrite model classes.
 * Declare it initialised, {@code @ManyToOne Ref<Supplier> supplier = new Ref<>();}.
 *
 * @param <T> the related model
 */
public final class Ref<T> {
    /** What the session hooks into a reference it manages. */
    interface Hooks {
        /** Loads the value of an unloaded reference (or throws when that is not allowed). */
        Object load(Ref<?> ref);

        /** Called after {@link #set} changed the value, to keep the other side in sync. */
        void changed(Ref<?> ref, Object oldValue, Object newValue);
    }

    private T value;
    private boolean loaded = true;
    private Hooks hooks;
    private boolean assigned;

    /** An empty reference (holding {@code null}). */
    public Ref() {
    }

    /** A reference to {@code value}. */
    public static <T> Ref<T> of(T value) {
        Ref<T> ref = new Ref<>();
        ref.value = value;
        ref.assigned = true;
        return ref;
    }

    /**
     * The related object, loaded first if needed (a query, unless the session already holds it).
     *
     * @throws UnloadedRelationshipException when it is not loaded and cannot be: its loading is
     *     {@code raise}, or the session is closed
     */
    @SuppressWarnings("unchecked")
    public T get() {
        if (!loaded && hooks != null) {
            value = (T) hooks.load(this);
            loaded = true;
        }
        return value;
    }

    /** Points the reference at {@code value} (or nowhere, for {@code null}); flush writes the foreign key. */
    public void set(T value) {
        T old = loaded ? this.value : null;
        this.value = value;
        this.loaded = true;
        this.assigned = true;
        if (hooks != null) {
            hooks.changed(this, old, value);
        }
    }

    /** Whether the value is in memory, so {@link #get()} runs no query. */
    public boolean isLoaded() {
        return loaded;
    }

    T peek() {
        return value;
    }

    @SuppressWarnings("unchecked")
    void install(Hooks hooks, boolean loaded, Object value) {
        this.hooks = hooks;
        this.loaded = loaded;
        this.value = (T) value;
        this.assigned = false;
    }

    /** Whether the value was set in memory (so flush writes the foreign key from it). */
    boolean assigned() {
        return assigned;
    }

    void keepAssigned() {
        this.assigned = true;
    }

    Hooks hooks() {
        return hooks;
    }

    @SuppressWarnings("unchecked")
    void setQuietly(Object value) {
        this.value = (T) value;
        this.loaded = true;
        this.assigned = true;
    }

    /** {@code Ref(value)}, or {@code Ref(not loaded)} without loading it: printing must not run queries. */
    @Override
    public String toString() {
        return loaded ? "Ref(" + value + ")" : "Ref(not loaded)";
    }
}
