package dev.ashlar.core.dialect.postgresql;

import static dev.ashlar.core.types.Types.bigInteger;
import static dev.ashlar.core.types.Types.bool;
import static dev.ashlar.core.types.Types.databaseType;
import static dev.ashlar.core.types.Types.date;
import static dev.ashlar.core.types.Types.dateTime;
import static dev.ashlar.core.types.Types.dateTimeTz;
import static dev.ashlar.core.types.Types.float32;
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
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's own catalog ({@code pg_class}, {@code pg_attribute}, {@code pg_constraint},
 * {@code pg_index}) in the current schema, by exact name. Unique constraints are told apart from
 * unique indexes by {@code pg_constraint.conindid}; partial and expression indexes come back with
 * the server's own spelling of the predicate and expressions.
 */
final class PostgresCatalogReader extends CatalogReader {
    /** The table's oid in the current schema, from its exact name (never a pattern). */
    private static final String OID = "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p'))";
    /** A type cast at the end of a default, {@code 'x'::character varying(20)}, which PostgreSQL adds to typed literals. */
    private static final Pattern CAST = Pattern.compile("^(.*)::[a-z_ ]+(\\(\\d+(,\\s*\\d+)?\\))?(\\[])?$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern CHECK = Pattern.compile("^CHECK \\((.*)\\)( NOT VALID)?$", Pattern.DOTALL);

    @Override
    public List<String> tableNames(Connection c) throws SQLException {
        List<String> names = query(c, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')", rs -> rs.getString(1));
        names.sort(null);
        return names;
    }

    @Override
    public List<String> enumTypes(Connection c) throws SQLException {
        List<String> names = query(c, "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = current_schema() AND t.typtype = 'e'", rs -> rs.getString(1));
        names.sort(null);
        return names;
    }

    @Override
    public List<ViewInfo> views(Connection c) throws SQLException {
        List<ViewInfo> views = query(c, "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')",
                rs -> new ViewInfo(rs.getString(1), rs.getString(2).strip()));
        views.sort((a, b) -> a.name().compareTo(b.name()));
        return views;
    }

    @Override
    public List<ColumnInfo> columns(Connection c, String table) throws SQLException {
        return query(c, "SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod), a.atttypmod, a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(a.attrelid, a.attnum),"
                // an enum type's labels in their order: the values of CREATE TYPE ... AS ENUM
                + " CASE WHEN t.typtype = 'e' THEN (SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e"
                + " WHERE e.enumtypid = t.oid) END, t.typname"
                + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = " + OID + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", rs -> {
                    String type = rs.getString(2);
                    int mod = rs.getInt(4);
                    Integer size = null;
                    Integer scale = null;
                    if ((type.equals("varchar") || type.equals("bpchar")) && mod >= 4) {
                        size = mod - 4;
                    } else if (type.equals("numeric") && mod >= 4) {
                        size = ((mod - 4) >> 16) & 0xffff;
                        scale = (mod - 4) & 0xffff;
                    } else if (type.startsWith("time") && mod >= 0) {
                        size = mod;
                    }
                    String def = rs.getString(6);
                    String identity = rs.getString(7);
                    boolean auto = identity != null && !identity.isEmpty() || def != null && def.startsWith("nextval(");
                    List<String> labels = strings(rs.getArray(9));
                    // an enum keeps its exact name (format_type would quote it), since DDL quotes it again
                    return new ColumnInfo(rs.getString(1), type.toUpperCase(Locale.ROOT), size, scale, !rs.getBoolean(5),
                            auto && def != null && def.startsWith("nextval(") ? null : def, auto,
                            labels.isEmpty() ? rs.getString(3) : rs.getString(10), rs.getString(8), labels);
                }, table);
    }

    @Override
    public List<String> primaryKey(Connection c, String table) throws SQLException {
        List<List<String>> keys = query(c, "SELECT " + names("con.conkey", "con.conrelid")
                + " FROM pg_constraint con WHERE con.conrelid = " + OID + " AND con.contype = 'p'", rs -> strings(rs.getArray(1)), table);
        return keys.isEmpty() ? List.of() : keys.get(0);
    }

    /** The column names of an attribute-number array, in array order. */
    private static String names(String keys, String relation) {
        return "(SELECT array_agg(a.attname ORDER BY k.ord) FROM unnest(" + keys + ") WITH ORDINALITY k(n, ord)"
                + " JOIN pg_attribute a ON a.attrelid = " + relation + " AND a.attnum = k.n)";
    }

    @Override
    public List<ForeignKeyInfo> foreignKeys(Connection c, String table) throws SQLException {
        return query(c, "SELECT con.conname, rc.relname, con.confdeltype, con.confupdtype, " + names("con.conkey", "con.conrelid")
                + ", " + names("con.confkey", "con.confrelid") + " FROM pg_constraint con JOIN pg_class rc ON rc.oid = con.confrelid"
                + " WHERE con.conrelid = " + OID + " AND con.contype = 'f' ORDER BY con.conname",
                rs -> new ForeignKeyInfo(rs.getString(1), strings(rs.getArray(5)), rs.getString(2), strings(rs.getArray(6)),
                        action(rs.getString(3)), action(rs.getString(4))), table);
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    @Override
    public List<UniqueInfo> uniqueConstraints(Connection c, String table) throws SQLException {
        return query(c, "SELECT con.conname, " + names("con.conkey", "con.conrelid") + " FROM pg_constraint con"
                + " WHERE con.conrelid = " + OID + " AND con.contype = 'u' ORDER BY con.conname",
                rs -> new UniqueInfo(rs.getString(1), strings(rs.getArray(2))), table);
    }

    @Override
    public List<CheckInfo> checks(Connection c, String table) throws SQLException {
        return query(c, "SELECT con.conname, pg_get_constraintdef(con.oid, true) FROM pg_constraint con"
                + " WHERE con.conrelid = " + OID + " AND con.contype = 'c' ORDER BY con.conname", rs -> {
                    Matcher m = CHECK.matcher(rs.getString(2));
                    return new CheckInfo(rs.getString(1), m.matches() ? stripParentheses(m.group(1)) : rs.getString(2));
                }, table);
    }

    @Override
    public List<IndexInfo> indexes(Connection c, String table) throws SQLException {
        return query(c, "SELECT ic.relname, ix.indisunique, pg_get_expr(ix.indpred, ix.indrelid),"
                + " (SELECT array_agg(COALESCE(a.attname, '') ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, ord)"
                + "  LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n AND k.n <> 0 WHERE k.ord <= ix.indnkeyatts),"
                + " (SELECT array_agg((o.v & 1) = 1 ORDER BY o.ord) FROM unnest(ix.indoption::int2[]) WITH ORDINALITY o(v, ord)"
                + "  WHERE o.ord <= ix.indnkeyatts),"
                + " (SELECT array_agg(pg_get_indexdef(ix.indexrelid, k, true) ORDER BY k) FROM generate_series(1, ix.indnkeyatts) k)"
                + " FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid"
                + " WHERE ix.indrelid = " + OID + " AND NOT ix.indisprimary"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid"
                + "  AND con.contype IN ('p', 'u', 'x')) ORDER BY ic.relname", rs -> {
                    List<String> columns = strings(rs.getArray(4));
                    Boolean[] desc = (Boolean[]) rs.getArray(5).getArray();
                    String where = rs.getString(3);
                    if (columns.contains("")) {
                        List<String> expressions = new ArrayList<>();
                        for (String e : strings(rs.getArray(6))) {
                            expressions.add(stripParentheses(e));
                        }
                        return new IndexInfo(rs.getString(1), List.of(), rs.getBoolean(2), List.of(), expressions, where);
                    }
                    return new IndexInfo(rs.getString(1), columns, rs.getBoolean(2), Arrays.asList(desc), List.of(), where);
                }, table);
    }

    @Override
    public String tableComment(Connection c, String table) throws SQLException {
        List<String> comments = query(c, "SELECT obj_description(" + OID + ", 'pg_class')", rs -> rs.getString(1), table);
        return comments.isEmpty() ? null : comments.get(0);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @Override
    public SqlType<?> type(ColumnInfo column) {
        if (!column.enumValues().isEmpty()) {
            return dev.ashlar.core.types.Types.databaseEnum(column.declaredType(), column.enumValues());
        }
        Integer size = column.size();
        // timestamp without a precision (typmod -1) is timestamp(6); PostgreSQL keeps no more than 6 digits
        int precision = size == null ? 6 : size;
        return switch (column.typeName()) {
            case "INT2" -> smallInteger();
            case "INT4" -> integer();
            case "INT8" -> bigInteger();
            case "BOOL" -> bool();
            case "VARCHAR" -> size == null ? string() : string(size);
            case "BPCHAR" -> size == null ? databaseType(column.declaredType()) : dev.ashlar.core.types.Types.fixedString(size);
            case "TEXT" -> text();
            case "NUMERIC" -> size == null || size < 1 || size > 65 ? databaseType(column.declaredType()) : numeric(size, column.scale());
            case "FLOAT4" -> float32();
            case "FLOAT8" -> float64();
            case "DATE" -> date();
            case "TIME" -> time(precision);
            case "TIMESTAMP" -> dateTime(precision);
            case "TIMESTAMPTZ" -> dateTimeTz(precision);
            case "BYTEA" -> largeBinary();
            case "UUID" -> uuid();
            case "JSONB" -> json();
            default -> databaseType(column.declaredType());
        };
    }

    @Override
    public ServerDefault serverDefault(ColumnInfo column, SqlType<?> type) {
        String raw = column.defaultValue();
        if (raw == null) {
            return null;
        }
        String d = stripParentheses(raw);
        if (type instanceof dev.ashlar.core.types.DatabaseEnumType e) {
            // 'happy'::mood, or 'happy'::"Mood Type" when the name needs quotes
            String plain = "::" + e.name();
            String quoted = "::\"" + e.name().replace("\"", "\"\"") + "\"";
            d = d.endsWith(quoted) ? d.substring(0, d.length() - quoted.length()) : d.endsWith(plain) ? d.substring(0, d.length() - plain.length()) : d;
        }
        for (Matcher m = CAST.matcher(d); m.matches(); m = CAST.matcher(d)) {
            d = stripParentheses(m.group(1));
        }
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.equals("current_timestamp") || lower.equals("now()")) {
            return ServerDefault.currentTimestamp();
        }
        String text = unquote(d);
        if (text != null) {
            return literal(text, type);
        }
        if (NUMBER.matcher(d).matches() || lower.equals("true") || lower.equals("false")) {
            return literal(d, type);
        }
        return ServerDefault.expression(raw);
    }

    /** The catalog's internal names ({@code pg_type.typname}): {@code INT8} for {@code BIGINT}, {@code TIMESTAMPTZ}, ... */
    @Override
    public String typeName(String declared) {
        String name = super.typeName(declared);
        return switch (name) {
            case "SMALLINT" -> "INT2";
            case "INTEGER", "INT" -> "INT4";
            case "BIGINT" -> "INT8";
            case "BOOLEAN" -> "BOOL";
            case "REAL" -> "FLOAT4";
            case "DOUBLE PRECISION" -> "FLOAT8";
            case "CHAR", "CHARACTER" -> "BPCHAR";
            case "CHARACTER VARYING" -> "VARCHAR";
            case "DECIMAL" -> "NUMERIC";
            case "TIMESTAMP WITH TIME ZONE" -> "TIMESTAMPTZ";
            case "TIMESTAMP WITHOUT TIME ZONE" -> "TIMESTAMP";
            case "TIME WITHOUT TIME ZONE" -> "TIME";
            default -> name;
        };
    }
}
