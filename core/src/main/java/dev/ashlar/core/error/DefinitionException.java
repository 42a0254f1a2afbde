package dev.ashlar.core.error;

/**
 * A schema definition that contradicts itself: a table declaring a column twice, an index with
 * fewer sort orders than columns, a foreign key whose column lists differ in length, two tables of
 * one name in a metadata. Raised while the definition is built, usually at start-up, so nothing has
 * been sent to a database. {@code dev.ashlar.declarative.MappingException}, for a model class that
 * cannot be mapped, is one.
 */
public class DefinitionException extends AshlarException {
    public DefinitionException(String message) {
        super(message);
    }

    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
