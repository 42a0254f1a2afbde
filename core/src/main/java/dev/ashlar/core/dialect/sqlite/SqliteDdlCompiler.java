package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import java.util.List;

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

    /**
     * An inline UNIQUE is backed by an index SQLite names {@code sqlite_autoindex_<table>_<n>}, a name
     * that EXPLAIN and the catalog report instead of the constraint's. A unique index is the same
     * constraint to SQLite (it enforces it and upserts use it as a conflict target), so the
     * constraint is made as {@code CREATE UNIQUE INDEX} under the naming convention's name.
     */
    @Override
    protected String uniqueConstraintClause(UniqueConstraint uq) {
        return null;
    }

    @Override
    public List<String> createUniqueIndexes(Table table) {
        return table.uniqueConstraints().stream()
                .map(uq -> createIndex(table, new Index(uq.name(), uq.columns(), true)))
                .toList();
    }

    /** SQLite cannot add constraints to a table; it needs not, as it checks foreign keys only on writes. */
    @Override
    public boolean canAddForeignKeys() {
        return false;
    }

    @Override
    public String addForeignKey(Table table, ForeignKey fk) {
        throw new UnsupportedOperationException("SQLite cannot add a foreign key to an existing table; declare it in CREATE TABLE");
    }

    @Override
    public String dropForeignKey(Table table, ForeignKey fk) {
        throw new UnsupportedOperationException("SQLite cannot drop a foreign key from a table");
    }

    /** Matches the text format of {@link SqliteTypeCodecs} for DateTime, so defaults and bound values sort together. */
    @Override
    protected String currentTimestamp() {
        return "(strftime('%Y-%m-%d %H:%M:%f000', 'now'))";
    }
}
