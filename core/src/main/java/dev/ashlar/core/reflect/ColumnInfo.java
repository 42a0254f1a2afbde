package dev.ashlar.core.reflect;

/**
 * A column as the live database describes it.
 *
 * @param name          column name
 * @param typeName      the database's type name, upper-cased and without parameters (for example {@code NUMERIC}, {@code VARCHAR}, {@code INT8})
 * @param size          length or precision, where the database reports one
 * @param scale         digits after the point, where the database reports them
 * @param nullable      whether NULL is allowed
 * @param defaultValue  the default expression as the database shows it, or {@code null}
 * @param autoincrement whether the database generates values
 * @param declaredType  the full type as the database spells it, with parameters (for example {@code character varying(200)})
 * @param comment       the column's comment, or {@code null}
 * @param enumValues    the values of the database's enum the column holds, in order; empty when it holds none
 */
public record ColumnInfo(String name, String typeName, Integer size, Integer scale, boolean nullable,
                         String defaultValue, boolean autoincrement, String declaredType, String comment, java.util.List<String> enumValues) {
    public ColumnInfo {
        enumValues = enumValues == null ? java.util.List.of() : java.util.List.copyOf(enumValues);
    }

    /** A column that holds no database enum. */
    public ColumnInfo(String name, String typeName, Integer size, Integer scale, boolean nullable, String defaultValue,
                      boolean autoincrement, String declaredType, String comment) {
        this(name, typeName, size, scale, nullable, defaultValue, autoincrement, declaredType, comment, null);
    }

    /** A column without a declared spelling or comment. */
    public ColumnInfo(String name, String typeName, Integer size, Integer scale, boolean nullable, String defaultValue,
                      boolean autoincrement) {
        this(name, typeName, size, scale, nullable, defaultValue, autoincrement, typeName, null, null);
    }
}
