package dev.ashlar.core.schema;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.error.DefinitionException;
import dev.ashlar.core.error.UsageException;
import dev.ashlar.core.sql.FromItem;
import dev.ashlar.core.sql.TableAlias;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table: its columns, keys, constraints and indexes. Made by {@link MetaData#table}, which also
 * names every unnamed constraint and index through the metadata's {@link NamingConvention}.
 */
public final class Table implements FromItem {
    private final MetaData metadata;
    private final String name;
    private final String modelName;
    private final Map<String, Column<?>> columns = new LinkedHashMap<>();
    /** {@link #columns} as a list, made once: the columns are fixed when the table is made, and hot paths ask per row. */
    private final List<Column<?>> columnList;
    private final List<Column<?>> primaryKey = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private String comment;

    Table(MetaData metadata, String name, String modelName, List<? extends TableElement> elements) {
        this.metadata = metadata;
        this.name = name;
        this.modelName = modelName;
        for (TableElement element : elements) {
            if (element instanceof Column<?> column) {
                if (columns.putIfAbsent(column.name(), column) != null) {
                    throw new DefinitionException("table " + name + " declares column " + column.name() + " twice; "
                            + "remove or rename one of them");
                }
                column.attach(this);
                if (column.isPrimaryKey()) {
                    primaryKey.add(column);
                }
            }
        }
        columnList = List.copyOf(columns.values());
        NamingConvention naming = metadata.namingConvention();
        for (Column<?> column : columns.values()) {
            if (column.references() != null) {
                var ref = column.references();
                foreignKeys.add(new ForeignKey(null, List.of(column), List.of(ref.target()), ref.onDelete(), ref.onUpdate()));
            }
            if (column.isUnique()) {
                uniques.add(new UniqueConstraint(null, List.of(column)));
            }
            if (column.isIndexed()) {
                indexes.add(new Index(null, List.of(column), false));
            }
        }
        for (TableElement element : elements) {
            if (element instanceof ForeignKey fk) {
                foreignKeys.add(fk);
            } else if (element instanceof UniqueConstraint uq) {
                uniques.add(uq);
            } else if (element instanceof CheckConstraint ck) {
                checks.add(ck);
            } else if (element instanceof Index ix) {
                indexes.add(ix);
            } else if (element instanceof Comment c) {
                comment = c.text();
            }
        }
        for (var list : List.of(foreignKeys, uniques, indexes)) {
            for (Object o : list) {
                for (Column<?> c : columnsOf(o)) {
                    if (c.table() != this) {
                        throw new DefinitionException("table " + name + ": " + o.getClass().getSimpleName()
                                + " uses column " + c.name() + " of another table");
                    }
                }
            }
        }
        nameForeignKeys();
        uniques.replaceAll(uq -> uq.name() != null ? uq : uq.named(naming.unique(this, uq.columns())));
        checks.replaceAll(ck -> ck.name() != null ? ck : new CheckConstraint(naming.check(this, ck.label()), ck.label(), ck.sql()));
        for (Index ix : indexes) {
            if (ix.name() == null && ix.isExpressionIndex()) {
                throw new DefinitionException("table " + name + ": an expression index needs a name, as its key has no columns to name it by");
            }
        }
        indexes.replaceAll(ix -> ix.name() != null ? ix : ix.named(naming.index(this, ix)));
    }

    /**
     * Names the unnamed foreign keys whose referenced table is known. A key to a table defined later (the
     * closing key of a cycle) gets its name once that table exists, the first time the keys are read.
     */
    private synchronized void nameForeignKeys() {
        NamingConvention naming = metadata.namingConvention();
        foreignKeys.replaceAll(fk -> fk.name() != null || fk.referencedTable() == null ? fk : fk.named(naming.foreignKey(this, fk)));
    }

    private static List<Column<?>> columnsOf(Object element) {
        if (element instanceof ForeignKey fk) {
            return fk.columns();
        }
        if (element instanceof UniqueConstraint uq) {
            return uq.columns();
        }
        return element instanceof Index ix ? ix.columns() : List.of();
    }

    /** The metadata this table belongs to. */
    public MetaData metadata() {
        return metadata;
    }

    /** The table's SQL name. */
    public String name() {
        return name;
    }

    /** The model class's simple name when the table was declared by a model, else {@code null}. */
    public String modelName() {
        return modelName;
    }

    /** Columns in declaration order. */
    public List<Column<?>> columns() {
        return columnList;
    }

    /** The column with this SQL name, or a {@link UsageException} listing the table's columns. */
    public Column<?> column(String columnName) {
        Column<?> c = columns.get(columnName);
        if (c == null) {
            throw new UsageException("table " + name + " has no column '" + columnName + "'; its columns are " + columns.keySet());
        }
        return c;
    }

    /** The column with this SQL name, checked to hold values of {@code javaType}. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> column(String columnName, Class<T> javaType) {
        Column<?> c = column(columnName);
        if (!javaType.equals(c.type().javaType())) {
            throw new UsageException("column " + c.describe() + " holds " + c.type().javaType().getSimpleName()
                    + ", not " + javaType.getSimpleName());
        }
        return (Column<T>) c;
    }

    /** Throws a {@link UsageException} naming the column unless every one belongs to this table. */
    public void requireOwnColumns(Column<?>... candidates) {
        for (Column<?> column : candidates) {
            if (column.table() != this) {
                throw new UsageException("column " + column.describe() + " is not a column of table " + name
                        + "; use the columns of the table the statement names");
            }
        }
    }

    /** Primary-key columns in declaration order; empty when the table has none. */
    public List<Column<?>> primaryKey() {
        return Collections.unmodifiableList(primaryKey);
    }

    /** Foreign keys from this table, named. */
    public List<ForeignKey> foreignKeys() {
        nameForeignKeys();
        return Collections.unmodifiableList(foreignKeys);
    }

    /** Unique constraints, named. */
    public List<UniqueConstraint> uniqueConstraints() {
        return Collections.unmodifiableList(uniques);
    }

    /** Check constraints, named. */
    public List<CheckConstraint> checks() {
        return Collections.unmodifiableList(checks);
    }

    /** Indexes, named. */
    public List<Index> indexes() {
        return Collections.unmodifiableList(indexes);
    }

    /** The table's comment, or {@code null}. */
    public String comment() {
        return comment;
    }

    /** The primary key constraint's name under the naming convention. */
    public String primaryKeyName() {
        return metadata.namingConvention().primaryKey(this);
    }

    /** This table under another name, {@code items AS i}; take its columns with {@link TableAlias#col(Column)}. */
    public TableAlias as(String alias) {
        return new TableAlias(this, alias);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitTable(this);
    }

    @Override
    public String toString() {
        return "Table(" + name + ", " + columns.keySet() + ")";
    }
}
