package dev.ashlar.core.dialect.mariadb;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.databaseType;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
import static dev.ashlar.core.types.Types.json;
import static dev.ashlar.core.types.Types.largeBinary;
import static dev.ashlar.core.types.Types.numeric;
import static dev.ashlar.core.types.Types.smallInteger;
import static dev.ashlar.core.types.Types.string;
import static dev.ashlar.core.types.Types.text;
import static dev.ashlar.core.types.Types.time;
import static dev.ashlar.core.types.Types.uuid;

import dev.ashlar.core.reflect.CatalogReader;
import dev.ashlar.core.reflect.CheckInfo;
import dev.ashlar.core.reflect.ColumnInfo;
import dev.ashlar.core.reflect.ForeignKeyInfo;
import dev.ashlar.core.reflect.IndexInfo;
import dev.ashlar.core.reflect.UniqueInfo;
import dev.ashlar.core.reflect.ViewInfo;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.types.SqlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads MariaDB's {@code information_schema} for the current database. Its name columns compare
 * without regard to case, so every lookup compares bytes ({@code BINARY}): quoted names are exact
 * on Linux. MariaDB keeps its own quirks here: {@code PRIMARY} is every primary key's name, a
 * foreign key without a usable index gets one named after the key (not reflected as an index of
 * its own), JSON is LONGTEXT with a {@code json_valid} check named after the column, BOOLEAN is
 * {@code tinyint(1)}, and a column without a default but nullable shows the default {@code NULL}.
 * Unique constraints are unique indexes here, and are reported as such.
 */
final class MariaDbCatalogReader extends CatalogReader {
    private static final String TABLE = "table_schema = DATABASE() AND BINARY table_name = BINARY ?";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern NOW = Pattern.compile("current_timestamp(\\(\\d*\\))?|now\\(\\d*\\)");

    @Override
    public List<String> tableNames(Connection c) throws SQLException {
        List<String> names = query(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE'", rs -> rs.getString(1));
        names.sort(null);
        return names;
    }

    @Override
    public List<ViewInfo> views(Connection c) throws SQLException {
        List<ViewInfo> views = query(c, "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = DATABASE()",
                rs -> new ViewInfo(rs.getString(1), rs.getString(2)));
        views.sort((a, b) -> a.name().compareTo(b.name()));
        return views;
    }

    @Override
    public List<ColumnInfo> columns(Connection c, String table) throws SQLException {
        return query(c, "SELECT column_name, data_type, column_type, character_maximum_length, numeric_precision, numeric_scale,"
                + " datetime_precision, is_nullable, column_default, extra, column_comment,"
                + " EXISTS (SELECT 1 FROM information_schema.check_constraints k WHERE k.constraint_schema = col.table_schema"
                + "  AND BINARY k.table_name = BINARY col.table_name AND BINARY k.constraint_name = BINARY col.column_name"
                + "  AND k.check_clause = CONCAT('json_valid(`', REPLACE(col.column_name, '`', '``'), '`)'))"
                + " FROM information_schema.columns col WHERE " + TABLE + " ORDER BY ordinal_position", rs -> {
                    String type = rs.getString(2).toUpperCase(Locale.ROOT);
                    Long length = rs.getObject(4, Long.class);
                    Integer size = null;
                    if (length != null) {
                        size = (int) Math.min(length, Integer.MAX_VALUE);
                    } else if (rs.getObject(5) != null) {
                        size = rs.getInt(5);
                    } else if (rs.getObject(7) != null) {
                        size = rs.getInt(7);
                    }
                    Integer scale = rs.getObject(6) != null && type.equals("DECIMAL") ? rs.getInt(6) : null;
                    if (rs.getBoolean(12)) {
                        type = "JSON";
                    }
                    String comment = rs.getString(11);
                    return new ColumnInfo(rs.getString(1), type, size, scale, "YES".equals(rs.getString(8)), rs.getString(9),
                            rs.getString(10).toLowerCase(Locale.ROOT).contains("auto_increment"), rs.getString(3),
                            comment == null || comment.isEmpty() ? null : comment);
                }, table);
    }

    @Override
    public List<String> primaryKey(Connection c, String table) throws SQLException {
        return query(c, "SELECT column_name FROM information_schema.statistics WHERE " + TABLE
                + " AND index_name = 'PRIMARY' ORDER BY seq_in_index", rs -> rs.getString(1), table);
    }

    @Override
    public List<ForeignKeyInfo> foreignKeys(Connection c, String table) throws SQLException {
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        for (String[] row : query(c, "SELECT constraint_name, column_name, referenced_column_name FROM information_schema.key_column_usage"
                + " WHERE " + TABLE + " AND referenced_table_name IS NOT NULL ORDER BY constraint_name, ordinal_position",
                rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}, table)) {
            columns.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        return query(c, "SELECT constraint_name, referenced_table_name, delete_rule, update_rule FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = DATABASE() AND BINARY table_name = BINARY ? ORDER BY constraint_name", rs -> {
                    List<String[]> cols = columns.getOrDefault(rs.getString(1), List.of());
                    return new ForeignKeyInfo(rs.getString(1), cols.stream().map(r -> r[1]).toList(), rs.getString(2),
                            cols.stream().map(r -> r[2]).toList(), rs.getString(3), rs.getString(4));
                }, table);
    }

    @Override
    public List<IndexInfo> indexes(Connection c, String table) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, List<Boolean>> descending = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        for (Object[] row : query(c, "SELECT index_name, non_unique, column_name, collation FROM information_schema.statistics WHERE "
                + TABLE + " AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index",
                rs -> new Object[]{rs.getString(1), rs.getInt(2) == 0, rs.getString(3), "D".equals(rs.getString(4))}, table)) {
            String name = (String) row[0];
            columns.computeIfAbsent(name, k -> new ArrayList<>()).add((String) row[2]);
            descending.computeIfAbsent(name, k -> new ArrayList<>()).add((Boolean) row[3]);
            unique.put(name, (Boolean) row[1]);
        }
        // the index MariaDB made for a foreign key that had none is the key's, not one that anyone declared
        for (ForeignKeyInfo fk : foreignKeys(c, table)) {
            List<String> cols = columns.get(fk.name());
            if (cols != null && cols.equals(fk.columns()) && !unique.get(fk.name())) {
                columns.remove(fk.name());
            }
        }
        List<IndexInfo> out = new ArrayList<>();
        columns.forEach((name, cols) -> out.add(new IndexInfo(name, cols, unique.get(name), descending.get(name), List.of(), null)));
        return out;
    }

    /** MariaDB keeps unique constraints as unique indexes, so {@link #indexes} reports them; none are reported here. */
    @Override
    public List<UniqueInfo> uniqueConstraints(Connection c, String table) {
        return List.of();
    }

    @Override
    public List<CheckInfo> checks(Connection c, String table) throws SQLException {
        return query(c, "SELECT constraint_name, check_clause FROM information_schema.check_constraints"
                + " WHERE constraint_schema = DATABASE() AND BINARY table_name = BINARY ?"
                + " AND NOT (level = 'Column' AND check_clause = CONCAT('json_valid(`', REPLACE(constraint_name, '`', '``'), '`)'))"
                + " ORDER BY constraint_name", rs -> new CheckInfo(rs.getString(1), rs.getString(2)), table);
    }

    @Override
    public String tableComment(Connection c, String table) throws SQLException {
        List<String> comments = query(c, "SELECT table_comment FROM information_schema.tables WHERE " + TABLE, rs -> rs.getString(1), table);
        return comments.isEmpty() || comments.get(0) == null || comments.get(0).isEmpty() ? null : comments.get(0);
    }

    @Override
    public SqlType<?> type(ColumnInfo column) {
        String declared = column.declaredType().toLowerCase(Locale.ROOT);
        Integer size = column.size();
        boolean unsigned = declared.contains("unsigned") || declared.contains("zerofill");
        return switch (column.typeName()) {
            case "TINYINT" -> declared.equals("tinyint(1)") ? bool() : databaseType(declared);
            case "SMALLINT" -> unsigned ? databaseType(declared) : smallInteger();
            case "INT" -> unsigned ? databaseType(declared) : integer();
            case "BIGINT" -> unsigned ? databaseType(declared) : bigInteger();
            case "VARCHAR" -> string(size);
            case "CHAR" -> size != null && size == 36 ? uuid()
                    : size != null && size > 0 ? dev.ashlar.core.types.Types.fixedString(size) : databaseType(declared);
            case "LONGTEXT" -> text();
            case "JSON" -> json();
            case "DECIMAL" -> unsigned ? databaseType(declared) : numeric(size, column.scale());
            case "DOUBLE" -> unsigned ? databaseType(declared) : float64();
            case "DATE" -> date();
            // datetime_precision: 0 for a plain DATETIME or TIME, which keep whole seconds here
            case "TIME" -> size != null && size >= 0 && size <= 6 ? time(size) : databaseType(declared);
            case "DATETIME" -> size != null && size >= 0 && size <= 6 ? dateTime(size) : databaseType(declared);
            case "LONGBLOB" -> largeBinary();
            case "ENUM" -> dev.ashlar.core.types.Types.databaseEnum(null, enumValues(column.declaredType()));
            default -> databaseType(declared);
        };
    }

    /**
     * The values of {@code enum('a','it''s')} as COLUMN_TYPE shows them: quoted, with quotes doubled
     * (and a backslash doubled where it was written escaped).
     */
    static List<String> enumValues(String columnType) {
        List<String> values = new ArrayList<>();
        String body = columnType.substring(columnType.indexOf('(') + 1, columnType.lastIndexOf(')'));
        StringBuilder value = null;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (value == null) {
                if (ch == '\'') {
                    value = new StringBuilder();
                }
            } else if (ch == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                value.append('\'');
                i++;
            } else if (ch == '\\' && i + 1 < body.length()) {
                value.append(body.charAt(++i));
            } else if (ch == '\'') {
                values.add(value.toString());
                value = null;
            } else {
                value.append(ch);
            }
        }
        return values;
    }

    @Override
    public ServerDefault serverDefault(ColumnInfo column, SqlType<?> type) {
        String raw = column.defaultValue();
        if (raw == null || raw.equals("NULL")) {
            return null;
        }
        String d = stripParentheses(raw);
        if (NOW.matcher(d.toLowerCase(Locale.ROOT)).matches()) {
            return ServerDefault.currentTimestamp();
        }
        String text = unquoteLiteral(d);
        if (text != null) {
            return literal(text, type);
        }
        if (NUMBER.matcher(d).matches()) {
            return literal(d, type);
        }
        return ServerDefault.expression(raw);
    }

    /**
     * The text of a MariaDB string literal as {@code information_schema} shows defaults: quotes
     * escaped as {@code \\'} or {@code ''}, backslash escapes as MariaDB reads them; {@code null}
     * when {@code sql} is not one literal.
     */
    private static String unquoteLiteral(String sql) {
        if (sql.length() < 2 || sql.charAt(0) != '\'' || sql.charAt(sql.length() - 1) != '\'') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int end = sql.length() - 1;
        for (int i = 1; i < end; i++) {
            char ch = sql.charAt(i);
            if (ch == '\\' && i + 1 < end) {
                char next = sql.charAt(++i);
                switch (next) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '0' -> b.append('\0');
                    case 'b' -> b.append('\b');
                    case 'Z' -> b.append((char) 26);
                    case '%', '_' -> b.append('\\').append(next);
                    default -> b.append(next);
                }
            } else if (ch == '\'') {
                if (i + 1 < end && sql.charAt(i + 1) == '\'') {
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

    /** The names of {@code information_schema.columns.data_type}: {@code DECIMAL} for {@code NUMERIC}, {@code TINYINT} for {@code BOOLEAN}, ... */
    @Override
    public String typeName(String declared) {
        String name = super.typeName(declared);
        return switch (name) {
            case "NUMERIC" -> "DECIMAL";
            case "BOOLEAN", "BOOL" -> "TINYINT";
            case "INTEGER" -> "INT";
            case "DOUBLE PRECISION" -> "DOUBLE";
            default -> name;
        };
    }
}
