package dev.ashlar.core.sql;

import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.types.SqlType;

/**
 * A column of an aliased table, derived table or CTE: {@code qualifier.name}, typed like the
 * column or expression it stands for.
 *
 * @param qualifier the alias or CTE name
 * @param name the column's name there
 * @param type its SQL type
 */
public record QualifiedColumn<T>(String qualifier, String name, SqlType<T> type) implements Expression<T> {
    @Override
    public String label() {
        return name;
    }

    @Override
    public void accept(SqlCompiler compiler) {
        compiler.visitQualifiedColumn(this);
    }
}
