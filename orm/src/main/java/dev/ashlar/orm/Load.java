package dev.ashlar.orm;

import dev.ashlar.declarative.Fetch;
import dev.ashlar.declarative.MappingRules;
import dev.ashlar.declarative.Relation;

/**
 * How a query loads one relationship, overriding the relationship's default:
 * {@code session.select(Order.class).options(Load.selectIn(Order_.lines))}. An option applies
 * wherever the query's objects lead, so {@code selectIn(OrderLine_.item)} next to it loads the
 * lines' items too. The typed forms take the {@link Relation} constants the annotation processor
 * generates ({@code Order_.lines}), so a misspelt relationship does not compile; the string forms
 * ({@code Load.selectIn(Order.class, "lines")}) remain for models compiled without the processor.
 *
 * @param model        the model declaring the relationship
 * @param relationship the relationship field name
 * @param fetch        the loading to use
 */
public record Load(Class<?> model, String relationship, Fetch fetch) {
    /** Load with one extra query for the whole result. */
    public static Load selectIn(Class<?> model, String relationship) {
        return new Load(model, relationship, Fetch.SELECT_IN);
    }

    /** Load with one extra query for the whole result; {@code Load.selectIn(Order_.lines)}. */
    public static Load selectIn(Relation<?, ?> relation) {
        return of(relation, Fetch.SELECT_IN);
    }

    /**
     * Load in the same statement, with a LEFT JOIN of the related table. For a to-many relationship
     * each owner's row repeats once per related row; a query with limit or offset then limits the
     * owners (not the joined rows) through a subquery on their primary key.
     */
    public static Load joined(Class<?> model, String relationship) {
        return new Load(model, relationship, Fetch.JOINED);
    }

    /** Load in the same statement, with a LEFT JOIN; {@code Load.joined(Order_.customer)}. See {@link #joined(Class, String)}. */
    public static Load joined(Relation<?, ?> relation) {
        return of(relation, Fetch.JOINED);
    }

    /** Load on first access, one query per object. */
    public static Load lazy(Class<?> model, String relationship) {
        return new Load(model, relationship, Fetch.LAZY);
    }

    /** Load on first access, one query per object; {@code Load.lazy(Order_.lines)}. */
    public static Load lazy(Relation<?, ?> relation) {
        return of(relation, Fetch.LAZY);
    }

    /** Do not load; access raises {@link UnloadedRelationshipException}. */
    public static Load raise(Class<?> model, String relationship) {
        return new Load(model, relationship, Fetch.RAISE);
    }

    /** Do not load; access raises {@link UnloadedRelationshipException}; {@code Load.raise(Order_.lines)}. */
    public static Load raise(Relation<?, ?> relation) {
        return of(relation, Fetch.RAISE);
    }

    private static Load of(Relation<?, ?> relation, Fetch fetch) {
        return new Load(relation.owner(), relation.name(), fetch);
    }

    /** The option in its string form, for messages: {@code Load.selectIn(Order.class, "lines")}. */
    public String code() {
        return "Load." + method() + "(" + model.getSimpleName() + ".class, \"" + relationship + "\")";
    }

    /**
     * The option in its typed form, for messages: {@code Load.selectIn(Order_.lines)}, naming the
     * metamodel class the processor generates ({@code Outer_Order_} for a nested model class).
     */
    public String typedCode() {
        return "Load." + method() + "(" + MappingRules.metamodelName(model) + "." + relationship + ")";
    }

    private String method() {
        return switch (fetch) {
            case SELECT_IN -> "selectIn";
            case JOINED -> "joined";
            case LAZY -> "lazy";
            case RAISE -> "raise";
        };
    }
}
