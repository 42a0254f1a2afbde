package dev.ashlar.core.reflect;

import dev.ashlar.core.engine.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the live schema from the database catalog through JDBC metadata: tables, columns with
 * types, nullability and defaults, primary keys, foreign keys and indexes. Used to skip tables that
 * exist and to check that DDL did what it said.
 */
public final class Inspector {
    private final Connection connection;
    private final DatabaseMetaData meta;
    private final String catalog;
    private final String schema;

    private Inspector(Connection connection) throws SQLException {
        this.connection = connection;
        this.meta = connection.jdbc().getMetaData();
        // PostgreSQL scopes tables by schema, MariaDB by catalog (the database), SQLite by neither.
        this.catalog = connection.jdbc().getCatalog();
        String s = connection.jdbc().getSchema();
        this.schema = s == null && "postgresql".equals(connection.dialect().name()) ? "public" : s;
    }

    /** An inspector over the connection's current database and schema. */
    public static Inspector of(Connection connection) {
        try {
            return new Inspector(connection);
        } catch (SQLException e) {
            throw connection.dialect().translate(e, "<metadata>", List.of());
        }
    }

    /** Table names, sorted. */
    public List<String> tableNames() {
        return read(() -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.startsWith("sqlite_")) {
                        names.add(name);
                    }
                }
            }
            names.sort(null);
            return names;
        });
    }

    /** Whether the table exists. */
    public boolean hasTable(String table) {
        return tableNames().stream().anyMatch(t -> t.equalsIgnoreCase(table));
    }

    /** The table's columns in order. */
    public List<ColumnInfo> columns(String table) {
        return read(() -> {
            List<ColumnInfo> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                while (rs.next()) {
                    int size = rs.getInt("COLUMN_SIZE");
                    boolean hasSize = !rs.wasNull();
                    int scale = rs.getInt("DECIMAL_DIGITS");
                    boolean hasScale = !rs.wasNull();
                    columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT),
                            hasSize ? size : null, hasScale ? scale : null,
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
                            "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
                }
            }
            return sqliteRowidAlias(table, columns);
        });
    }

    /**
     * On SQLite a lone {@code INTEGER} primary key aliases the rowid, which SQLite fills in; the driver reports it as
     * autoincrement only with the AUTOINCREMENT keyword, which Ashlar does not write (see SqliteDdlCompiler).
     */
    private List<ColumnInfo> sqliteRowidAlias(String table, List<ColumnInfo> columns) throws SQLException {
        if (!"sqlite".equals(connection.dialect().name())) {
            return columns;
        }
        List<String> pk = primaryKey(table);
        if (pk.size() != 1) {
            return columns;
        }
        List<ColumnInfo> out = new ArrayList<>();
        for (ColumnInfo c : columns) {
            boolean alias = c.name().equalsIgnoreCase(pk.get(0)) && c.typeName().equals("INTEGER");
            out.add(alias && !c.autoincrement() ? new ColumnInfo(c.name(), c.typeName(), c.size(), c.scale(), c.nullable(),
                    c.defaultValue(), true) : c);
        }
        return out;
    }

    /** The primary key's columns in key order; empty when there is none. */
    public List<String> primaryKey(String table) {
        return read(() -> {
            Map<Integer, String> byPosition = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
                while (rs.next()) {
                    byPosition.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            return List.copyOf(byPosition.values());
        });
    }

    /** The table's indexes other than the primary key's. */
    public List<IndexInfo> indexes(String table) {
        List<String> pk = primaryKey(table);
        return read(() -> {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (name == null || column == null) {
                        continue;
                    }
                    columns.computeIfAbsent(name, k -> new ArrayList<>()).add(column);
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            List<IndexInfo> indexes = new ArrayList<>();
            columns.forEach((name, cols) -> {
                boolean isPk = name.equalsIgnoreCase("PRIMARY") || name.endsWith("_pkey") || name.startsWith("sqlite_autoindex")
                        && cols.equals(pk) || name.startsWith("pk_");
                if (!isPk) {
                    indexes.add(new IndexInfo(name, List.copyOf(cols), unique.get(name)));
                }
            });
            return indexes;
        });
    }

    /** Foreign keys from this table. */
    public List<ForeignKeyInfo> foreignKeys(String table) {
        return read(() -> {
            Map<String, List<String[]>> parts = new LinkedHashMap<>();
            Map<String, String[]> info = new LinkedHashMap<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
                while (rs.next()) {
                    String name = rs.getString("FK_NAME");
                    String key = (name == null ? "" : name) + "->" + rs.getString("PKTABLE_NAME");
                    parts.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new String[]{rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                    info.put(key, new String[]{name, rs.getString("PKTABLE_NAME"), action(rs.getShort("DELETE_RULE")),
                            action(rs.getShort("UPDATE_RULE"))});
                }
            }
            List<ForeignKeyInfo> keys = new ArrayList<>();
            parts.forEach((key, cols) -> {
                String[] i = info.get(key);
                keys.add(new ForeignKeyInfo(i[0], cols.stream().map(c -> c[0]).toList(), i[1], cols.stream().map(c -> c[1]).toList(),
                        i[2], i[3]));
            });
            return keys;
        });
    }

    private static String action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private interface MetaRead<T> {
        T read() throws SQLException;
    }

    private <T> T read(MetaRead<T> work) {
        try {
            return work.read();
        } catch (SQLException e) {
            throw connection.dialect().translate(e, "<metadata>", List.of());
        }
    }
}
