package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Table;

/** SQLite's DDL. */
class SqliteDdlCompiler extends DdlCompiler {
    SqliteDdlCompiler(Dialect dialect) {
        super(dialect, new SqliteTypeCompiler());
    }

    /**
     * An autoincrement key must be declared exactly {@code INTEGER} (not BIGINT) to become the
     * rowid alias that SQLite fills in; it is 64-bit either way.
     */
    @Override
    protected String columnType(Column<?> column) {
        return column.isAutoincrement() ? "INTEGER" : super.columnType(column);
    }

    /** The rowid alias needs no keyword; AUTOINCREMENT would only forbid reusing deleted ids, at a cost. */
    @Override
    protected String autoincrementClause(Column<?> column) {
        return "";
    }

    /** SQLite cannot add constraints to a table; it needs not, as it checks foreign keys only on writes. */
    @Override
    public boolean canAddForeignKeys() {
        return false;
    }

    @Override
    public String addForeignKey(Table table, ForeignKey fk) {
        throw new UnsupportedFeatureException("sqlite cannot add a foreign key (on " + fk.columns().stream().map(c -> c.name()).toList() + ") to an existing table "
                + table.name() + "; declare it in CREATE TABLE, or create a new table with it and copy the rows over");
    }

    @Override
    public String dropForeignKey(Table table, ForeignKey fk) {
        throw new UnsupportedFeatureException("sqlite cannot drop a foreign key (on " + fk.columns().stream().map(c -> c.name()).toList() + ") from table " + table.name()
                + "; create a new table without it and copy the rows over");
    }

    /** Matches the text format of {@link SqliteTypeCodecs} for DateTime, so defaults and bound values sort together. */
    @Override
    protected String currentTimestamp() {
        return "(strftime('%Y-%m-%d %H:%M:%f000', 'now'))";
    }
}
