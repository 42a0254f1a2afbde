package dev.ashlar.core.schema;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.DefinitionException;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.types.SqlType;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A table column, and at the same time an expression that refers to it. Configure it fluently,
 * then hand it to {@link MetaData#table}; once it belongs to a table it can no longer change.
 *
 * <pre>{@code
 * Column<Long> id = Column.of("id", bigInteger()).primaryKey();
 * Column<BigDecimal> price = Column.of("price", numeric(10, 2)).notNull();
 * }</pre>
 *
 * @param <T> the Java type of the column's values
 */
public final class Column<T> implements Expression<T>, TableElement {
    private final String name;
    private final SqlType<T> type;
    private Table table;
    private boolean primaryKey;
    private Boolean autoincrement;
    private Boolean nullable;
    private Supplier<? extends T> clientDefault;
    private ServerDefault serverDefault;
    private Supplier<? extends T> onUpdate;
    private boolean unique;
    private boolean index;
    private ForeignKeyTarget references;
    private String fieldName;
    private String comment;

    private Column(String name, SqlType<T> type) {
        this.name = Objects.requireNonNull(name, "column name");
        this.type = Objects.requireNonNull(type, () -> "type of column " + name);
    }

    /**
     * A new column with the given name and type, nullable and with no default.
     *
     * @throws DefinitionException when the type's fractional-second precision is outside 0 to 6
     */
    public static <T> Column<T> of(String name, SqlType<T> type) {
        Column<T> column = new Column<>(name, type);
        SqlType<?> stored = type instanceof dev.ashlar.core.types.MappedType<?, ?> m ? m.storage() : type;
        if (stored instanceof dev.ashlar.core.types.FractionalSeconds f && !f.precisionAllowed()) {
            throw new DefinitionException("column " + name + ": " + stored.describe() + " asks for " + f.precision()
                    + " fractional-second digits, but a precision goes from 0 (whole seconds) to "
                    + dev.ashlar.core.types.FractionalSeconds.MAX_PRECISION + " (microseconds)");
        }
        return column;
    }

    /** Makes this column (part of) the primary key; it becomes NOT NULL. */
    public Column<T> primaryKey() {
        checkOpen();
        this.primaryKey = true;
        return this;
    }

    /**
     * Whether the database generates values for this integer primary key. Left unset, a single
     * integer primary key column autoincrements (as in SQLAlchemy), and no other column does.
     */
    public Column<T> autoincrement(boolean autoincrement) {
        checkOpen();
        this.autoincrement = autoincrement;
        return this;
    }

    /** Makes the column NOT NULL. */
    public Column<T> notNull() {
        return nullable(false);
    }

    /** Sets whether the column accepts NULL. */
    public Column<T> nullable(boolean nullable) {
        checkOpen();
        this.nullable = nullable;
        return this;
    }

    /** A value Ashlar fills in on insert when none is given. */
    public Column<T> defaultValue(T value) {
        checkOpen();
        this.clientDefault = () -> value;
        return this;
    }

    /** A supplier Ashlar calls on each insert that gives no value, such as {@code () -> LocalDateTime.now(UTC)}. */
    public Column<T> defaultValue(Supplier<? extends T> supplier) {
        checkOpen();
        this.clientDefault = Objects.requireNonNull(supplier);
        return this;
    }

    /** A default the database applies, written into the DDL. */
    public Column<T> serverDefault(ServerDefault serverDefault) {
        checkOpen();
        this.serverDefault = serverDefault;
        return this;
    }

    /** A supplier Ashlar calls on every update of the row, such as an updated-at timestamp. */
    public Column<T> onUpdate(Supplier<? extends T> supplier) {
        checkOpen();
        this.onUpdate = supplier;
        return this;
    }

    /** Adds a unique constraint on this column alone. */
    public Column<T> unique() {
        checkOpen();
        this.unique = true;
        return this;
    }

    /** Adds an index on this column alone, named by the metadata's naming convention. */
    public Column<T> index() {
        checkOpen();
        this.index = true;
        return this;
    }

    /** Adds a foreign key from this column to {@code target}. */
    public Column<T> references(Column<T> target) {
        return references(target, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    }

    /** Adds a foreign key from this column to {@code target} with ON DELETE and ON UPDATE actions. */
    public Column<T> references(Column<T> target, ReferentialAction onDelete, ReferentialAction onUpdate) {
        checkOpen();
        this.references = new ForeignKeyTarget(target, onDelete, onUpdate);
        return this;
    }

    /** Records the model field this column maps, so that errors can name it. Used by declarative models. */
    public Column<T> field(String fieldName) {
        checkOpen();
        this.fieldName = fieldName;
        return this;
    }

    /** A comment stored with the column in the catalog, where the database keeps comments (not SQLite). */
    public Column<T> comment(String comment) {
        checkOpen();
        this.comment = comment;
        return this;
    }

    /** The column's comment, or {@code null}. */
    public String comment() {
        return comment;
    }

    /**
     * A column like this one under {@code newName}, belonging to no table yet, for building a changed
     * copy of a table. Type, key, autoincrement, nullability, defaults, field name and comment carry
     * over; the unique, index and foreign-key shorthands do not, as the table lists those constraints
     * itself.
     */
    public Column<T> copy(String newName) {
        Column<T> copy = new Column<>(newName, type);
        copy.primaryKey = primaryKey;
        copy.autoincrement = autoincrement;
        copy.nullable = nullable;
        copy.clientDefault = clientDefault;
        copy.serverDefault = serverDefault;
        copy.onUpdate = onUpdate;
        copy.fieldName = fieldName;
        copy.comment = comment;
        return copy;
    }

    void attach(Table table) {
        if (this.table != null && this.table != table) {
            throw new DefinitionException("column " + name + " already belongs to table " + this.table.name()
                    + "; give the other table a copy of it (column.copy(name))");
        }
        this.table = table;
    }

    private void checkOpen() {
        if (table != null) {
            throw new DefinitionException("column " + table.name() + "." + name + " belongs to a table and can no longer change; "
                    + "set its options before the table is defined");
        }
    }

    /** The column's SQL name. */
    public String name() {
        return name;
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The table this column belongs to, or {@code null} before it is added to one. */
    public Table table() {
        return table;
    }

    /** Whether the column is (part of) the primary key. */
    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** Whether the database generates this column's values on insert. */
    public boolean isAutoincrement() {
        if (autoincrement != null) {
            return autoincrement;
        }
        return primaryKey && table != null && table.primaryKey().size() == 1 && isIntegerType();
    }

    private boolean isIntegerType() {
        Class<?> j = type.javaType();
        return j == Integer.class || j == Long.class || j == Short.class;
    }

    /** Whether the column accepts NULL (primary-key columns do not, unless said otherwise). */
    public boolean isNullable() {
        return nullable != null ? nullable : !primaryKey;
    }

    /** The value Ashlar supplies on insert when none is given, or {@code null}. */
    public Supplier<? extends T> clientDefault() {
        return clientDefault;
    }

    /** The default written into the DDL, or {@code null}. */
    public ServerDefault serverDefault() {
        return serverDefault;
    }

    /** The value Ashlar supplies on every update, or {@code null}. */
    public Supplier<? extends T> onUpdate() {
        return onUpdate;
    }

    /** Whether the column alone is unique. */
    public boolean isUnique() {
        return unique;
    }

    /** Whether the column alone has an index. */
    public boolean isIndexed() {
        return index;
    }

    /** The single-column foreign key declared on this column, or {@code null}. */
    public ForeignKeyTarget references() {
        return references;
    }

    /** The model field this column maps, or {@code null} for plain tables. */
    public String fieldName() {
        return fieldName;
    }

    /**
     * How errors name this column: {@code Item.price (items.price)} for a model column,
     * {@code items.price} otherwise.
     */
    public String describe() {
        String qualified = (table == null ? "?" : table.name()) + "." + name;
        if (fieldName != null && table != null && table.modelName() != null) {
            return table.modelName() + "." + fieldName + " (" + qualified + ")";
        }
        return qualified;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitColumn(this);
    }

    @Override
    public String toString() {
        return describe() + " " + type.describe();
    }

    /** The target and actions of a foreign key declared on a single column. */
    public record ForeignKeyTarget(Column<?> target, ReferentialAction onDelete, ReferentialAction onUpdate) {
    }
}
