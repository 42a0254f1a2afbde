package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.util.Objects;

/**
 * A table under another name, {@code items AS i}, for self-joins and for reading one table twice.
 * Its columns come from {@link #col(Column)}: {@code i.col(price)} is {@code i.price}, typed like {@code price}.
 *
 * @param table the aliased table
 * @param alias the name the query uses for it
 */
public record TableAlias(Table table, String alias) implements FromItem {
    public TableAlias {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(alias, "alias");
    }

    /** The column of the aliased table under this alias; fails for a column of another table. */
    public <T> Expression<T> col(Column<T> column) {
        if (column.table() != table) {
            throw new dev.ashlar.core.error.AshlarException("column " + column.describe() + " is not a column of table " + table.name()
                    + " (aliased as " + alias + ")");
        }
        return new QualifiedColumn<>(alias, column.name(), column.type());
    }

    /** Same as {@link #col(Column)}. */
    public <T> Expression<T> column(Column<T> column) {
        return col(column);
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitTableAlias(this);
    }
}
