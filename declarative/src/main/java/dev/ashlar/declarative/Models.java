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

    /** The shared metadata holding the tables of every model used through this class; pass it to {@code SchemaDdl.createAll}. */
    public static MetaData metadata() {
        return SHARED.metadata();
    }

    /** An {@code INSERT} of the model object's non-null values; see {@link ModelMapping#insert(Object)}. */
    @SuppressWarnings("unchecked")
    public static <T> Insert insert(T model) {
        return of((Class<T>) model.getClass()).insert(model);
    }
}
