package dev.ashlar.core.reflect;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.schema.MetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Reads the live schema of the connection's current database (PostgreSQL: its current schema)
 * from the catalog: tables, columns with types, nullability, defaults and comments, primary keys,
 * foreign keys, unique constraints, checks, indexes and views. {@link #reflect()} reads it all
 * into the same {@link MetaData} that models produce, ready to compare or to create elsewhere.
 *
 * <p>Names are exact: {@code columns("ab_c")} never returns the columns of {@code abxc}. The
 * catalog queries and each database's quirks live in the dialect's {@link CatalogReader}.
 */
public final class Inspector {
    private final Connection connection;
    private final CatalogReader catalog;

    private Inspector(Connection connection) {
        this.connection = connection;
        this.catalog = connection.dialect().catalog();
    }

    /** An inspector over the connection's current database and schema. */
    public static Inspector of(Connection connection) {
        return new Inspector(connection);
    }

    /** Table names, sorted. */
    public List<String> tableNames() {
        return read(() -> catalog.tableNames(connection.jdbc()));
    }

    /**
     * Whether the table exists, by its exact name where the database tells case apart (PostgreSQL,
     * MariaDB), ignoring ASCII case where it does not (SQLite).
     */
    public boolean hasTable(String table) {
        String key = catalog.tableKey(table);
        return tableNames().stream().anyMatch(t -> catalog.tableKey(t).equals(key));
    }

    /** The key under which the database tells {@code table} apart from other table names (see {@link CatalogReader#tableKey}). */
    public String tableKey(String table) {
        return catalog.tableKey(table);
    }

    /**
     * The enum types of the schema that exist apart from any column (PostgreSQL's), sorted; empty
     * where an enum's values belong to its column (MariaDB, SQLite).
     */
    public List<String> enumTypes() {
        return read(() -> catalog.enumTypes(connection.jdbc()));
    }

    /** Views, by name and defining query. */
    public List<ViewInfo> views() {
        return read(() -> catalog.views(connection.jdbc()));
    }

    /** The table's columns in order. */
    public List<ColumnInfo> columns(String table) {
        return read(() -> catalog.columns(connection.jdbc(), table));
    }

    /** The primary key's columns in key order; empty when there is none. */
    public List<String> primaryKey(String table) {
        return read(() -> catalog.primaryKey(connection.jdbc(), table));
    }

    /** The table's indexes, apart from the primary key's and those behind unique constraints. */
    public List<IndexInfo> indexes(String table) {
        return read(() -> catalog.indexes(connection.jdbc(), table));
    }

    /** The table's unique constraints (MariaDB keeps these as unique indexes: see {@link #indexes}). */
    public List<UniqueInfo> uniqueConstraints(String table) {
        return read(() -> catalog.uniqueConstraints(connection.jdbc(), table));
    }

    /** The table's CHECK constraints. */
    public List<CheckInfo> checks(String table) {
        return read(() -> catalog.checks(connection.jdbc(), table));
    }

    /** Foreign keys from this table. */
    public List<ForeignKeyInfo> foreignKeys(String table) {
        return read(() -> catalog.foreignKeys(connection.jdbc(), table));
    }

    /** The table's comment, or {@code null}. */
    public String tableComment(String table) {
        return read(() -> catalog.tableComment(connection.jdbc(), table));
    }

    /** Every table and view of the schema, read into metadata. */
    public MetaData reflect() {
        return reflect(tableNames());
    }

    /**
     * The named tables (and every view) read into metadata. Foreign keys to tables outside
     * {@code tables} are left out, since metadata can only refer to its own tables.
     */
    public MetaData reflect(Collection<String> tables) {
        return read(() -> new Reflection(catalog, connection.jdbc()).read(tables));
    }

    @FunctionalInterface
    private interface MetaRead<T> {
        T read() throws SQLException;
    }

    private <T> T read(MetaRead<T> work) {
        try {
            return work.read();
        } catch (SQLException e) {
            throw connection.dialect().translate(e, "<catalog>", List.of());
        }
    }
}
