package dev.ashlar.declarative;

import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Insert;

/**
 * Entry point to declarative models, over a shared {@link MetaData}: {@code Models.table(Item.class)}
 * for the table, {@code Models.of(Item.class)} for mapping rows and inserts.
 */
public final class Models {
    private static final ModelRegistry SHARED = new ModelRegistry(new MetaData());

    private Models() {
    }

    /**
     * The model of {@code type} in the shared metadata, read and checked on first use.
     *
     * @throws MappingException listing every problem of the class
     */
    public static <T> ModelMapping<T> of(Class<T> type) {
        return SHARED.of(type);
    }

    /** The table of a model in the shared metadata. */
    public static Table table(Class<?> type) {
        return SHARED.of(type).table();
    }

    /** The shared registry that {@link #of} uses: the one an ORM session uses when its options name none. */
    public static ModelRegistry registry() {
        return SHARED;
    }

    /**
     * The shared metadata holding the tables of the models used through this class <em>so far</em>
     * (and the models their relationships and keys reach): the same metadata as
     * {@code Item_.TABLE.metadata()}. A model the program has not touched yet is not in it; for the
     * whole schema, use {@link #discover()}.
     */
    public static MetaData metadata() {
        return SHARED.metadata();
    }

    /**
     * The shared metadata with every model of the program in it: each model class that the
     * annotation processor listed, in any jar or class folder on the context class loader (or, without
     * one, this class's loader). This is how a program gets its whole schema:
     * {@code SchemaDdl.createAll(engine, Models.discover())}.
     *
     * @throws MappingException when a listed model cannot be mapped
     */
    public static MetaData discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : Models.class.getClassLoader());
    }

    /** {@link #discover()} over the models listed for {@code loader}; see {@link ModelRegistry#discover(ClassLoader)}. */
    public static MetaData discover(ClassLoader loader) {
        return SHARED.discover(loader);
    }

    /** An {@code INSERT} of the model object's non-null values; see {@link ModelMapping#insert(Object)}. */
    @SuppressWarnings("unchecked")
    public static <T> Insert insert(T model) {
        return of((Class<T>) model.getClass()).insert(model);
    }
}
