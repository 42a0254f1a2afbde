package dev.ashlar.core.dialect.sqlite;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.databaseType;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.dateTimeTz;
import static dev.ashlar.core.types.Types.float32;
import static dev.ashlar.core.types.Types.float64;
import static dev.ashlar.core.types.Types.integer;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQLite's schema through its table-valued pragmas ({@code pragma_table_xinfo},
 * {@code pragma_foreign_key_list}, {@code pragma_index_list}, {@code pragma_index_xinfo}), which
 * take the exact name as a bound value, and reads what they do not report (constraint names, CHECK
 * conditions, index expressions and predicates) from the DDL text SQLite keeps. SQLite's own
 * quirks stay here: {@code sqlite_} tables are its own, {@code sqlite_autoindex_} indexes back
 * PRIMARY KEY and UNIQUE constraints, a lone INTEGER primary key is the rowid (filled in by
 * SQLite), and type names are free text whose "affinity" spellings all read back as one type.
 */
final class SqliteCatalogReader extends CatalogReader {
    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z_ ]*?)\\s*(\\(\\s*(\\d+)\\s*(,\\s*(\\d+)\\s*)?\\))?\\s*");
    /** The current timestamp cut to 0 to 2 fraction digits, as {@code SqliteDdlCompiler.currentTimestampCut} writes it. */
    private static final Pattern CUT_NOW = Pattern.compile(
            "substr\\(strftime\\('%y-%m-%d %h:%m:%f', 'now'\\), 1, \\d+\\) \\|\\| '\\.?0+'");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String TABLE_SQL = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE";

    @Override
    public List<String> tableNames(Connection c) throws SQLException {
        List<String> names = query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_'",
                rs -> rs.getString(1));
        names.sort(null);
        return names;
    }

    @Override
    public List<ViewInfo> views(Connection c) throws SQLException {
        List<ViewInfo> views = query(c, "SELECT name, sql FROM sqlite_master WHERE type = 'view'", rs -> {
            String sql = rs.getString(2);
            Matcher m = Pattern.compile("(?is).*?\\bAS\\b\\s*(.*)").matcher(sql.substring(sql.toUpperCase(Locale.ROOT).indexOf("VIEW") + 4));
            return new ViewInfo(rs.getString(1), m.matches() ? m.group(1).strip() : sql);
        });
        views.sort((a, b) -> a.name().compareTo(b.name()));
        return views;
    }

    @Override
    public List<ColumnInfo> columns(Connection c, String table) throws SQLException {
        List<Object[]> rows = query(c, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(?) WHERE hidden IN (0, 2, 3)",
                rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getInt(5)}, table);
        long keyColumns = rows.stream().filter(r -> (Integer) r[4] > 0).count();
        java.util.Map<String, List<String>> enums = new java.util.HashMap<>();
        for (SqliteTableSql.Constraint k : constraints(c, table, "CHECK")) {
            List<String> values = enumValues(k);
            if (values != null) {
                enums.put(k.column().toLowerCase(Locale.ROOT), values);
            }
        }
        List<ColumnInfo> out = new ArrayList<>();
        for (Object[] r : rows) {
            String declared = (String) r[1];
            Matcher m = TYPE.matcher(declared);
            String name = declared.toUpperCase(Locale.ROOT).strip();
            Integer size = null;
            Integer scale = null;
            if (m.matches()) {
                name = m.group(1).toUpperCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
                size = m.group(3) == null ? null : Integer.valueOf(m.group(3));
                scale = m.group(5) == null ? null : Integer.valueOf(m.group(5));
            }
            // a lone INTEGER primary key aliases the rowid, which SQLite fills in (AUTOINCREMENT only forbids reuse)
            boolean rowid = keyColumns == 1 && (Integer) r[4] == 1 && name.equals("INTEGER");
            out.add(new ColumnInfo((String) r[0], name, size, scale, !(Boolean) r[2] && !rowid, (String) r[3], rowid, declared, null,
                    enums.get(((String) r[0]).toLowerCase(Locale.ROOT))));
        }
        return out;
    }

    @Override
    public List<String> primaryKey(Connection c, String table) throws SQLException {
        return query(c, "SELECT name FROM pragma_table_xinfo(?) WHERE pk > 0 ORDER BY pk", rs -> rs.getString(1), table);
    }

    @Override
    public List<ForeignKeyInfo> foreignKeys(Connection c, String table) throws SQLException {
        Map<Integer, List<String[]>> keys = new LinkedHashMap<>();
        for (String[] row : query(c, "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)},
                table)) {
            keys.computeIfAbsent(Integer.valueOf(row[0]), k -> new ArrayList<>()).add(row);
        }
        List<SqliteTableSql.Constraint> declared = constraints(c, table, "FOREIGN KEY");
        List<ForeignKeyInfo> out = new ArrayList<>();
        for (List<String[]> parts : keys.values()) {
            String[] first = parts.get(0);
            List<String> columns = parts.stream().map(p -> p[2]).toList();
            List<String> referenced = parts.stream().map(p -> p[3]).toList();
            if (referenced.contains(null)) {
                referenced = primaryKey(c, first[1]);
            }
            String name = null;
            for (SqliteTableSql.Constraint k : declared) {
                if (sameNames(identifiers(SqliteTableSql.parenthesised(k.body())), columns)) {
                    name = k.name();
                }
            }
            out.add(new ForeignKeyInfo(name, columns, canonicalTable(c, first[1]), referenced, first[5], first[4]));
        }
        // pragma_foreign_key_list lists keys last-declared first
        java.util.Collections.reverse(out);
        return out;
    }

    /** The referenced table's name as it was created (a key may spell it in another case). */
    private static String canonicalTable(Connection c, String name) throws SQLException {
        List<String> names = query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE", rs -> rs.getString(1), name);
        return names.isEmpty() ? name : names.get(0);
    }

    @Override
    public List<IndexInfo> indexes(Connection c, String table) throws SQLException {
        List<IndexInfo> out = new ArrayList<>();
        for (Object[] ix : query(c, "SELECT l.name, l.\"unique\", m.sql FROM pragma_index_list(?) l"
                + " JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name WHERE l.origin = 'c' ORDER BY l.name",
                rs -> new Object[]{rs.getString(1), rs.getInt(2) == 1, rs.getString(3)}, table)) {
            String name = (String) ix[0];
            String[] parts = SqliteTableSql.indexParts((String) ix[2]);
            List<Object[]> keys = query(c, "SELECT cid, name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                    rs -> new Object[]{rs.getInt(1), rs.getString(2), rs.getInt(3) == 1}, name);
            if (keys.stream().anyMatch(k -> (Integer) k[0] < 0)) {
                List<String> expressions = SqliteTableSql.splitTopLevel(parts[0]).stream().map(CatalogReader::stripParentheses).toList();
                out.add(new IndexInfo(name, List.of(), (Boolean) ix[1], List.of(), expressions, parts[1]));
            } else {
                out.add(new IndexInfo(name, keys.stream().map(k -> (String) k[1]).toList(), (Boolean) ix[1],
                        keys.stream().map(k -> (Boolean) k[2]).toList(), List.of(), parts[1]));
            }
        }
        return out;
    }

    @Override
    public List<UniqueInfo> uniqueConstraints(Connection c, String table) throws SQLException {
        List<SqliteTableSql.Constraint> declared = constraints(c, table, "UNIQUE");
        List<UniqueInfo> out = new ArrayList<>();
        for (String index : query(c, "SELECT name FROM pragma_index_list(?) WHERE origin = 'u' ORDER BY seq DESC", rs -> rs.getString(1), table)) {
            List<String> columns = query(c, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", rs -> rs.getString(1), index);
            String name = null;
            for (SqliteTableSql.Constraint k : declared) {
                if (sameNames(identifiers(SqliteTableSql.parenthesised(k.body())), columns)) {
                    name = k.name();
                }
            }
            out.add(new UniqueInfo(name, columns));
        }
        return out;
    }

    @Override
    public List<CheckInfo> checks(Connection c, String table) throws SQLException {
        List<CheckInfo> out = new ArrayList<>();
        for (SqliteTableSql.Constraint k : constraints(c, table, "CHECK")) {
            if (enumValues(k) != null) {
                continue; // the column's enum, read by columns()
            }
            int open = k.body().indexOf('(');
            String condition = k.body().substring(open + 1, SqliteTableSql.closing(k.body(), open)).strip();
            out.add(new CheckInfo(k.name(), condition));
        }
        return out;
    }

    /**
     * The values of a database enum, when {@code k} is an unnamed CHECK in a column's own definition
     * that allows that column exactly a list of string literals: {@code "mood" TEXT CHECK ("mood" IN ('happy', 'sad'))}.
     * Anything else, a CHECK written as a table constraint included, is an ordinary CHECK ({@code null}).
     */
    private static List<String> enumValues(SqliteTableSql.Constraint k) {
        if (!k.kind().equals("CHECK") || k.column() == null || k.name() != null) {
            return null;
        }
        int open = k.body().indexOf('(');
        if (open < 0) {
            return null;
        }
        String condition = k.body().substring(open + 1, SqliteTableSql.closing(k.body(), open)).strip();
        int end = SqliteTableSql.identifierEnd(condition, 0);
        if (end <= 0 || !SqliteTableSql.unquoteIdentifier(condition.substring(0, end)).equalsIgnoreCase(k.column())) {
            return null;
        }
        String rest = condition.substring(end).strip();
        if (!SqliteTableSql.startsWithWord(rest, "IN")) {
            return null;
        }
        rest = rest.substring(2).strip();
        if (!rest.startsWith("(") || SqliteTableSql.closing(rest, 0) != rest.length() - 1) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String item : SqliteTableSql.splitTopLevel(rest.substring(1, rest.length() - 1))) {
            String value = unquote(item.strip());
            if (value == null || values.contains(value)) {
                return null;
            }
            values.add(value);
        }
        return values.isEmpty() ? null : values;
    }

    /** SQLite keeps no comments. */
    @Override
    public String tableComment(Connection c, String table) {
        return null;
    }

    private static List<SqliteTableSql.Constraint> constraints(Connection c, String table, String kind) throws SQLException {
        List<String> sql = query(c, TABLE_SQL, rs -> rs.getString(1), table);
        if (sql.isEmpty() || sql.get(0) == null) {
            return List.of();
        }
        return SqliteTableSql.constraints(sql.get(0)).stream().filter(k -> k.kind().equals(kind)).toList();
    }

    private static List<String> identifiers(List<String> items) {
        return items.stream().map(i -> SqliteTableSql.unquoteIdentifier(i.substring(0, SqliteTableSql.identifierEnd(i, 0)))).toList();
    }

    /** Column names compared as SQLite does, without regard to ASCII case. */
    private boolean sameNames(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().map(this::tableKey).toList().equals(b.stream().map(this::tableKey).toList());
    }

    /** SQLite folds ASCII letters, and only those, when it compares names. */
    @Override
    public String tableKey(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }

    @Override
    public SqlType<?> type(ColumnInfo column) {
        if (!column.enumValues().isEmpty()) {
            return dev.ashlar.core.types.Types.databaseEnum(null, column.enumValues());
        }
        Integer size = column.size();
        Integer scale = column.scale();
        return switch (column.typeName()) {
            case "INTEGER", "INT" -> integer();
            case "SMALLINT" -> smallInteger();
            case "BIGINT" -> bigInteger();
            case "BOOLEAN", "BOOL" -> bool();
            case "VARCHAR", "NVARCHAR", "CHARACTER VARYING", "VARYING CHARACTER", "NATIVE CHARACTER" -> size == null ? string() : string(size);
            case "CHAR", "CHARACTER", "NCHAR" -> size != null && size == 36 ? uuid()
                    : size != null && size > 0 ? dev.ashlar.core.types.Types.fixedString(size) : databaseType(column.declaredType());
            case "TEXT", "CLOB" -> text();
            case "NUMERIC", "DECIMAL", "NUMERIC_TEXT" -> size != null && size >= 1 && size <= 65
                    ? numeric(size, scale == null ? 0 : scale) : databaseType(column.declaredType());
            case "REAL", "FLOAT" -> float32();
            case "DOUBLE", "DOUBLE PRECISION" -> float64();
            case "DATE" -> date();
            // a precision in the name is what SqliteTypeCompiler writes for one other than the default
            case "TIME" -> size == null ? time() : size <= 6 ? time(size) : databaseType(column.declaredType());
            case "DATETIME", "TIMESTAMP" -> size == null ? dateTime() : size <= 6 ? dateTime(size) : databaseType(column.declaredType());
            case "TIMESTAMPTZ" -> size == null ? dateTimeTz() : size <= 6 ? dateTimeTz(size) : databaseType(column.declaredType());
            case "BLOB", "" -> largeBinary();
            default -> databaseType(column.declaredType());
        };
    }

    @Override
    public ServerDefault serverDefault(ColumnInfo column, SqlType<?> type) {
        String raw = column.defaultValue();
        if (raw == null || raw.equalsIgnoreCase("NULL")) {
            return null;
        }
        String d = stripParentheses(raw);
        String lower = d.toLowerCase(Locale.ROOT);
        // CURRENT_TIMESTAMP, and the spelling SqliteDdlCompiler writes to match how Ashlar stores DateTime
        if (lower.equals("current_timestamp") || lower.equals("strftime('%y-%m-%d %h:%m:%f000', 'now')")
                || CUT_NOW.matcher(lower).matches()) {
            return ServerDefault.currentTimestamp();
        }
        String text = unquote(d);
        if (text != null) {
            return literal(text, type);
        }
        if (NUMBER.matcher(d).matches() || lower.equals("true") || lower.equals("false")) {
            return literal(d, type);
        }
        return ServerDefault.expression(d);
    }
}
