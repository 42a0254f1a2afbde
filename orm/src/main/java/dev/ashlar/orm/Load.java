package dev.ashlar.orm;

import dev.ashlar.declarative.Fetch;

/**
 * How a query loads one relationship, overriding the relationship's default:
 * {@code session.select(Order.class).options(Load.selectIn(Order.class, "lines"))}. An option
 * applies wherever the query's objects lead, so {@code selectIn(OrderLine.class, "item")} next to it
 * loads the lines' items too.
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

    /** Load on first access, one query per object. */
    public static Load lazy(Class<?> model, String relationship) {
        return new Load(model, relationship, Fetch.LAZY);
    }

    /** Do not load; access raises {@link UnloadedRelationshipException}. */
    public static Load raise(Class<?> model, String relationship) {
        return new Load(model, relationship, Fetch.RAISE);
    }

    /** The option as code, for messages: {@code Load.selectIn(Order.class, "lines")}. */
    public String code() {
        String method = switch (fetch) {
            case SELECT_IN -> "selectIn";
            case LAZY -> "lazy";
            case RAISE -> "raise";
        };
        return "Load." + method + "(" + model.getSimpleName() + ".class, \"" + relationship + "\")";
    }
}
