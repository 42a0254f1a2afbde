package dev.ashlar.core.reflect;

/**
 * A column as the live database describes it.
 *
 * @param name          column name
 * @param typeName      the database's type name, upper-cased (for example {@code NUMERIC}, {@code VARCHAR}, {@code int4})
 * @param size          length or precision, where the database reports one
 * @param scale         digits after the point, where the database reports them
 * @param nullable      whether NULL is allowed
 * @param defaultValue  the default expression as the database shows it, or {@code null}
 * @param autoincrement whether the database generates values
 */
public record ColumnInfo(String name, String typeName, Integer size, Integer scale, boolean nullable,
                         String defaultValue, boolean autoincrement) {
}
