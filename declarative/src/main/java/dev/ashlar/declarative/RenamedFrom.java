package dev.ashlar.declarative;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a field's column, or a model's table, had another name before, so that
 * {@code ashlar revision --autogenerate} and the schema diff write a {@code RENAME} that keeps the data
 * instead of a drop and an add that lose it. Ashlar never guesses a rename.
 *
 * <pre>{@code
 * @RenamedFrom("description")
 * private String details;          // column description becomes details, values kept
 * }</pre>
 *
 * <p>The value is the old name as the database holds it: a column name on a field (not the old Java
 * field name, when the two differ), a table name on a model. It must differ from the current name, must
 * not be the name of another column of the model (or another model's table), and two fields of a model
 * cannot claim the same old name; the annotation processor and the model reader both check this. Once
 * every database has been migrated the annotation can be removed: a rename whose old name no longer
 * exists is ignored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface RenamedFrom {
    /** The old column name (on a field) or table name (on a model). */
    String value();
}
