package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.sql.Excluded;
import dev.ashlar.core.sql.OnConflict;

/** MariaDB's statement spellings. */
class MariaDbCompiler extends SqlCompiler {
    MariaDbCompiler(Dialect dialect) {
        super(dialect);
    }

    // ---- writes ---------------------------------------------------------------------------

    /**
     * {@code ON DUPLICATE KEY UPDATE}: MariaDB has no conflict target and reacts to any unique key.
     * "Do nothing" is a no-op assignment rather than {@code INSERT IGNORE}, because IGNORE also turns
     * NOT NULL, foreign key and data errors into warnings and would store bad rows silently.
     */
    @Override
    protected void onConflict(OnConflict conflict) {
        sql.append(" ON DUPLICATE KEY UPDATE ");
        if (conflict.isDoNothing()) {
            Column<?> column = keyColumn(conflict);
            identifier(column.name());
            append(" = ");
            identifier(column.name());
            return;
        }
        assignments(conflict.updates());
    }

    private static Column<?> keyColumn(OnConflict conflict) {
        if (!conflict.target().isEmpty()) {
            return conflict.target().get(0);
        }
        var table = conflict.table();
        return table.primaryKey().isEmpty() ? table.columns().get(0) : table.primaryKey().get(0);
    }

    /** MariaDB 10.11 spells the proposed value {@code VALUES(col)}. */
    @Override
    public void visitExcluded(Excluded<?> excluded) {
        append("VALUES(");
        identifier(excluded.column().name());
        append(")");
    }
}
