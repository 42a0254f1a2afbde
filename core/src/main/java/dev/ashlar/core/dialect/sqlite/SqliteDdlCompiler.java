package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Feature;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.FractionalSeconds;
import dev.ashlar.core.types.SqlType;
import java.util.List;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;

/** SQLite's DDL. */
class SqliteDdlCompiler extends DdlCompiler {
    /**
     * A database enum is a VARCHAR guarded by {@code CHECK (col IN (...))} in the column's own
     * definition, which SQLite's catalog reader reads back as the enum (a CHECK written as a table
     * constraint stays a CHECK).
     */
    @Override
    protected String columnDefinition(Column<?> column) {
        String definition = super.columnDefinition(column);
        if (column.type() instanceof dev.ashlar.core.types.DatabaseEnumType e) {
            definition += " CHECK (" + q(column.name()) + " IN " + enumValues(e) + ")";
        }
        return definition;
    }

    SqliteDdlCompiler(Dialect dialect) {
        super(dialect, new SqliteTypeCompiler());
    }

    /**
     * An autoincrement key must be declared exactly {@code INTEGER} (not BIGINT) to become the
     * rowid alias that SQLite fills in; it is 64-bit either way.
     */
    @Override
    public String columnType(Column<?> column) {
        return column.isAutoincrement() ? "INTEGER" : super.columnType(column);
    }

    /** The rowid alias needs no keyword; AUTOINCREMENT would only forbid reusing deleted ids, at a cost. */
    @Override
    protected String autoincrementClause(Column<?> column) {
        return "";
    }

    /** A lone primary-key column declared INTEGER aliases the rowid, which SQLite fills in whether asked to or not. */
    @Override
    public boolean generatesValues(Column<?> column) {
        return column.isAutoincrement() || column.isPrimaryKey() && column.table() != null
                && column.table().primaryKey().size() == 1 && "INTEGER".equals(columnType(column));
    }

    /**
     * A unique constraint and a unique index are one thing to SQLite's planner, and main's DDL now
     * creates unique constraints as named unique indexes (so EXPLAIN names them): diff treats them alike.
     */
    @Override
    public boolean uniqueConstraintsAreIndexes() {
        return true;
    }

    /** SQLite keeps no comments. */
    @Override
    public boolean supportsComments() {
        return false;
    }

    @Override
    public List<String> setTableComment(Table table, String comment) {
        return List.of();
    }

    @Override
    public List<String> setColumnComment(Table table, Column<?> column) {
        return List.of();
    }

    @Override
    public boolean rebuildsTables() {
        return true;
    }

    /**
     * Foreign keys off while tables are rebuilt, or dropping the old table would delete (or cascade
     * to) the rows that reference it; the pragma has no effect inside a transaction, hence its own step.
     */
    @Override
    public List<String> suspendForeignKeys() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public List<String> resumeForeignKeys() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    @Override
    public List<String> alterColumn(Table table, Column<?> current, Column<?> target) {
        throw rebuild(table, "change column " + target.name());
    }

    @Override
    public List<String> alterPrimaryKey(Table current, Table target) {
        throw rebuild(target, "change the primary key");
    }

    /**
     * A unique constraint added to an existing table is a named unique index, as {@link
     * #createUniqueIndexes} makes one with a new table: no rebuild. Dropping one still rebuilds, as a
     * table made elsewhere may hold it as an inline UNIQUE, whose index SQLite does not let go.
     */
    @Override
    public String addUnique(Table table, UniqueConstraint unique) {
        return createIndex(table, new Index(unique.name(), unique.columns(), true));
    }

    @Override
    public boolean addsUniqueInPlace() {
        return true;
    }

    @Override
    public String dropUnique(Table table, UniqueConstraint unique) {
        throw rebuild(table, "drop unique constraint " + unique.name());
    }

    @Override
    public String addCheck(Table table, CheckConstraint check) {
        throw rebuild(table, "add check " + check.name());
    }

    @Override
    public String dropCheck(Table table, CheckConstraint check) {
        throw rebuild(table, "drop check " + check.name());
    }

    private UnsupportedFeatureException rebuild(Table table, String what) {
        return dialect.unsupported(Feature.ALTER_CONSTRAINTS, what + " of existing table " + table.name());
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

    @Override
    public String addForeignKey(Table table, ForeignKey fk) {
        throw rebuild(table, "add foreign key " + fk.name());
    }

    @Override
    public String dropForeignKey(Table table, ForeignKey fk) {
        throw rebuild(table, "drop foreign key " + fk.name());
    }

    /**
     * Matches the text format of {@link SqliteTypeCodecs} for DateTime (six fraction digits), so
     * defaults and bound values sort together. SQLite's clock gives milliseconds; a column of
     * precision 0 to 2 gets them cut to its digits, the rest of the six being zeros.
     */
    @Override
    protected String currentTimestamp(SqlType<?> type) {
        int precision = type instanceof FractionalSeconds f ? f.precision() : FractionalSeconds.DEFAULT_PRECISION;
        return precision >= 3 ? "(strftime('%Y-%m-%d %H:%M:%f000', 'now'))" : currentTimestampCut(precision);
    }

    /** The current timestamp cut to {@code precision} (0 to 2) fraction digits and padded with zeros to six. */
    static String currentTimestampCut(int precision) {
        int keep = precision == 0 ? 19 : 20 + precision;
        String pad = precision == 0 ? ".000000" : "0".repeat(6 - precision);
        return "(substr(strftime('%Y-%m-%d %H:%M:%f', 'now'), 1, " + keep + ") || '" + pad + "')";
    }

    /** A column's definition as CREATE TABLE writes it, for the table rebuild. */
    String columnSql(Column<?> column) {
        return columnDefinition(column);
    }

    /** A table's primary key clause, or null, for the table rebuild. */
    String primaryKeySql(Table table) {
        return primaryKeyClause(table);
    }

    /** A foreign key clause, for the table rebuild. */
    String foreignKeySql(ForeignKey key) {
        return foreignKeyClause(key);
    }

    /** SQLite holds one write lock for the whole database; a rebuild copies the table within it. */
    @Override
    public dev.ashlar.core.dialect.DdlEffect effect(dev.ashlar.core.dialect.DdlEffect.Change change, String table, Column<?> from,
                                                   Column<?> to) {
        return switch (change) {
            case REBUILD, ALTER_COLUMN_TYPE, SET_NOT_NULL, ALTER_COLUMN_OTHER, ADD_CHECK, ADD_FOREIGN_KEY ->
                    dev.ashlar.core.dialect.DdlEffect.rewrites("rebuilds table " + table + ": every row is copied while the database's write lock is held");
            default -> super.effect(change, table, from, to);
        };
    }
}
