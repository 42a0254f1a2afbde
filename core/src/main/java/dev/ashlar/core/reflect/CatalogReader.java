package dev.ashlar.core.reflect;

import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.types.SqlType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How one database's catalog is read: the queries and the quirks (which index belongs to the
 * primary key, how a default is spelled, which type name means what). Each dialect supplies one
 * from its own package through {@link dev.ashlar.core.dialect.Dialect#catalog()}, so that
 * {@link Inspector} and {@link Inspector#reflect()} hold no database's knowledge.
 *
 * <p>Every method takes an exact table name: names are never patterns, so {@code ab_c} never
 * matches {@code abxc}, and {@code %} or {@code \} in a name are plain characters.
 */
public abstract class CatalogReader {
    /** Base tables of the current schema (or database), sorted, without the database's own tables. */
    public abstract List<String> tableNames(Connection c) throws SQLException;

    /** Views of the current schema, by name and defining query, sorted by name. */
    public abstract List<ViewInfo> views(Connection c) throws SQLException;

    /** The table's columns in order; empty when the table does not exist. */
    public abstract List<ColumnInfo> columns(Connection c, String table) throws SQLException;

    /** The primary key's columns in key order; empty when there is none. */
    public abstract List<String> primaryKey(Connection c, String table) throws SQLException;

    /** Foreign keys from the table. */
    public abstract List<ForeignKeyInfo> foreignKeys(Connection c, String table) throws SQLException;

    /** Indexes, apart from the primary key's and those behind unique constraints. */
    public abstract List<IndexInfo> indexes(Connection c, String table) throws SQLException;

    /** Unique constraints (empty where the database keeps them only as unique indexes). */
    public abstract List<UniqueInfo> uniqueConstraints(Connection c, String table) throws SQLException;

    /** CHECK constraints, with the condition in the database's spelling. */
    public abstract List<CheckInfo> checks(Connection c, String table) throws SQLException;

    /** The table's comment, or {@code null}. */
    public abstract String tableComment(Connection c, String table) throws SQLException;

    /** The Ashlar type that creates a column like {@code column} on this database. */
    public abstract SqlType<?> type(ColumnInfo column);

    /** The column's default as a server default, normalised from the database's spelling; {@code null} for none. */
    public abstract ServerDefault serverDefault(ColumnInfo column, SqlType<?> type);

    /**
     * The names of the enum types that live in the schema on their own, apart from any column
     * (PostgreSQL's {@code CREATE TYPE ... AS ENUM}), sorted; none by default, as MariaDB and SQLite
     * keep an enum's values on its column.
     */
    public List<String> enumTypes(Connection c) throws SQLException {
        return List.of();
    }

    /**
     * The key under which this database tells table names apart: the name itself where quoted
     * names are exact (PostgreSQL, MariaDB on Linux), folded where the database ignores case.
     */
    public String tableKey(String name) {
        return name;
    }

    /**
     * The name {@link ColumnInfo#typeName()} gives a column whose DDL declared the type {@code declared}
     * (as the dialect's {@link dev.ashlar.core.dialect.DdlCompiler#columnType} writes it, such as
     * {@code NUMERIC(10, 2)}): by default the declared name without its arguments, in upper case. A
     * catalog that knows types by other names (PostgreSQL's {@code INT8} for {@code BIGINT}) says so here.
     */
    public String typeName(String declared) {
        int paren = declared.indexOf('(');
        String name = paren < 0 ? declared : declared.substring(0, paren) + declared.substring(declared.indexOf(')', paren) + 1);
        return name.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A literal default read from a catalog, as the value that the column's type holds: a number
     * for numeric columns, a boolean for boolean ones ({@code 1} and {@code 0} included, as MariaDB
     * keeps them), the text otherwise.
     */
    protected static ServerDefault literal(String text, SqlType<?> type) {
        Class<?> j = type.javaType();
        if (j == Boolean.class) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("1") || t.equals("true") || t.equals("'1'") || t.equals("'t'")) {
                return ServerDefault.literal(true);
            }
            if (t.equals("0") || t.equals("false") || t.equals("'0'") || t.equals("'f'")) {
                return ServerDefault.literal(false);
            }
        }
        if (Number.class.isAssignableFrom(j)) {
            try {
                java.math.BigDecimal n = new java.math.BigDecimal(text.strip());
                if (j == Long.class || j == Integer.class || j == Short.class) {
                    return ServerDefault.literal(n.longValueExact());
                }
                return ServerDefault.literal(n);
            } catch (NumberFormatException | ArithmeticException e) {
                return ServerDefault.literal(text);
            }
        }
        return ServerDefault.literal(text);
    }

    /** The text between single quotes with doubled quotes undone, or {@code null} when {@code sql} is not one quoted string. */
    protected static String unquote(String sql) {
        if (sql.length() < 2 || sql.charAt(0) != '\'' || sql.charAt(sql.length() - 1) != '\'') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < sql.length() - 1; i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                if (i + 1 < sql.length() - 1 && sql.charAt(i + 1) == '\'') {
                    b.append('\'');
                    i++;
                } else {
                    return null;
                }
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** {@code sql} without parentheses that enclose all of it, {@code ((x))} giving {@code x}. */
    protected static String stripParentheses(String sql) {
        String s = sql.strip();
        while (s.startsWith("(") && s.endsWith(")") && closes(s)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** Whether the parenthesis that opens {@code s} is the one that closes it, outside quotes. */
    private static boolean closes(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** Runs {@code sql} with string parameters and collects one value per row. */
    protected static <T> List<T> query(Connection c, String sql, RowReader<T> reader, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        }
    }

    /** Reads one row of a catalog query. */
    @FunctionalInterface
    protected interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
