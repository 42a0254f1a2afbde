package dev.ashlar.declarative;

import java.util.List;

/**
 * Makes objects of one model from values in field order, as plain Java: {@code new Item()} and one
 * field store per value, or the record's constructor. The annotation processor generates one for
 * every model whose constructor and mapped fields its generated code can reach (not {@code private},
 * not {@code final}), as the nested class {@code Item_.Factory}; {@link ModelMapping#fromValues}
 * uses it when the model reader finds it, and method handles otherwise. The JIT compiles the
 * generated code like hand-written code, which it cannot do for a handle held in a field.
 *
 * <p>Meant for generated code, not for implementing by hand. A factory whose {@link #fieldNames()} or
 * {@link #fieldTypes()} differ from the model's mapped fields (code generated before the model changed)
 * is not used.
 *
 * @param <T> the model class
 */
public interface ModelFactory<T> {
    /** The simple name of the factory class that the processor nests in a model's metamodel class. */
    String GENERATED_NAME = "Factory";

    /** The mapped fields that {@link #fromValues} sets, in the order of its values. */
    List<String> fieldNames();

    /**
     * The declared types of those fields (erased: {@code List.class} for a {@code List<String>}), in the
     * same order: code generated before a field changed its type is not used either.
     */
    List<Class<?>> fieldTypes();

    /**
     * A new model holding {@code values[i]} in the field {@code fieldNames().get(i)}. A value of another
     * type throws {@link ClassCastException}, a {@code null} for a primitive field
     * {@link NullPointerException}; {@link ModelMapping#fromValues} turns both into an error that names
     * the model and the values.
     */
    T fromValues(Object[] values);
}
