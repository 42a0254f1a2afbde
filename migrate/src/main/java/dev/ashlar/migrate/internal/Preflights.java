package dev.ashlar.migrate.internal;

import static dev.ashlar.core.sql.Sql.abs;
import static dev.ashlar.core.sql.Sql.count;
import static dev.ashlar.core.sql.Sql.length;
import static dev.ashlar.core.sql.Sql.notExists;
import static dev.ashlar.core.sql.Sql.round;
import static dev.ashlar.core.sql.Sql.select;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.reflect.Inspector;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.sql.Condition;
import dev.ashlar.core.sql.Expression;
import dev.ashlar.core.types.DatabaseEnumType;
import dev.ashlar.core.types.NumericType;
import dev.ashlar.core.types.StringType;
import dev.ashlar.core.types.Types;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks, before a change runs, whether rows already in the table would break it: NULLs for a new
 * NOT NULL, values too long or too wide for a narrower type, duplicates for a new unique key,
 * orphans for a new foreign key, rows failing a new CHECK. Each check counts the rows and names a
 * few of them by primary key, so the refusal says what to fix. A table the revision creates has no
 * rows to check.
 */
public final class Preflights {
    private static final int EXAMPLES = 3;

    private Preflights() {
    }

    /** A check: null when the rows allow the change, else what they break. */
    public interface Preflight extends Function<Connection, String> {
    }

    /** Rows where the column is NULL, for a column becoming NOT NULL. */
    public static Preflight notNull(String table, String column) {
        return conn -> {
            Table t = stub(conn, table, Column.of(column, Types.text()));
            return t == null ? null : offending(conn, t, t.column(column).isNull(),
                    "hold NULL in " + table + "." + column + ", which becomes NOT NULL; set a value (or a server default) first");
        };
    }

    /** Rows whose values do not fit a narrower string or numeric type. */
    public static Preflight fits(String table, Column<?> from, Column<?> to) {
        if (to.type() instanceof StringType narrow && narrow.length().isPresent()
                && (!(from.type() instanceof StringType wide) || wide.length().isEmpty()
                || wide.length().getAsInt() > narrow.length().getAsInt())) {
            int limit = narrow.length().getAsInt();
            return conn -> {
                Table t = stub(conn, table, Column.of(to.name(), Types.text()));
                if (t == null) {
                    return null;
                }
                @SuppressWarnings("unchecked") Expression<String> c = (Expression<String>) t.column(to.name());
                return offending(conn, t, length(c).gt(limit), "have " + table + "." + to.name() + " longer than "
                        + limit + " characters, the new length; shorten them first or keep the column wider");
            };
        }
        if (to.type() instanceof NumericType narrow && from.type() instanceof NumericType wide
                && (narrow.precision() - narrow.scale() < wide.precision() - wide.scale() || narrow.scale() < wide.scale())) {
            return conn -> {
                Table t = stub(conn, table, Column.of(to.name(), Types.numeric(wide.precision(), wide.scale())));
                if (t == null) {
                    return null;
                }
                @SuppressWarnings("unchecked") Column<BigDecimal> c = (Column<BigDecimal>) t.column(to.name());
                BigDecimal bound = BigDecimal.TEN.pow(narrow.precision() - narrow.scale());
                Condition tooWide = abs(c).ge(bound);
                Condition tooPrecise = c.ne(round(c, narrow.scale()));
                return offending(conn, t, tooWide.or(tooPrecise), "have " + table + "." + to.name() + " values that "
                        + narrow.describe() + " cannot hold (at least " + bound + " in magnitude, or more than " + narrow.scale()
                        + " decimals); change those values first or keep the wider type");
            };
        }
        return null;
    }

    /** Rows holding a value that a database enum column loses, for a change of its values. */
    public static Preflight enumValues(String table, Column<?> from, Column<?> to) {
        if (!(from.type() instanceof DatabaseEnumType was) || !(to.type() instanceof DatabaseEnumType will)) {
            return null;
        }
        List<String> removed = was.values().stream().filter(v -> !will.values().contains(v)).toList();
        if (removed.isEmpty()) {
            return null;
        }
        return conn -> {
            Table t = stub(conn, table, Column.of(from.name(), was));
            if (t == null) {
                return null;
            }
            @SuppressWarnings("unchecked") Column<String> c = (Column<String>) t.column(from.name());
            List<String> held = conn.query(select(c).from(t).where(c.in(removed)).groupBy(c).orderBy(c.asc())).list().stream()
                    .map(r -> "'" + r.get(0) + "'").toList();
            return held.isEmpty() ? null : offending(conn, t, c.in(removed), "hold " + String.join(", ", held) + " in " + table + "."
                    + from.name() + ", which the enum loses; change those rows to a value that stays first, or keep the value");
        };
    }

    /** Any row at all, for a change that needs an empty table. */
    public static Preflight empty(String table, String what) {
        return conn -> {
            Table t = stub(conn, table);
            return t == null ? null : offending(conn, t, null, what);
        };
    }

    /** Duplicate values of the columns, for a new unique constraint or index. */
    public static Preflight unique(String table, String name, List<String> columns) {
        return conn -> {
            Table t = stub(conn, table, columns.stream().map(c -> Column.of(c, Types.text())).toArray(Column<?>[]::new));
            if (t == null) {
                return null;
            }
            Expression<?>[] key = columns.stream().map(t::column).toArray(Expression<?>[]::new);
            List<Expression<?>> shown = new ArrayList<>(List.of(key));
            shown.add(count());
            Condition allSet = null;
            for (Expression<?> k : key) {
                allSet = allSet == null ? k.isNotNull() : allSet.and(k.isNotNull());
            }
            List<Row> groups = conn.query(select(shown).from(t).where(allSet).groupBy(key).having(count().gt(1L))).list();
            if (groups.isEmpty()) {
                return null;
            }
            String examples = groups.stream().limit(EXAMPLES).map(r -> r.values().subList(0, key.length) + " ×" + r.get(key.length))
                    .collect(Collectors.joining(", "));
            return groups.size() + " value(s) of " + table + columns + " occur more than once (" + examples + "), so unique "
                    + name + " cannot be created; remove the duplicates first";
        };
    }

    /** Rows failing the condition, for a new CHECK. The condition is the migration's own DDL text. */
    public static Preflight check(String table, String name, String sql) {
        return conn -> {
            if (!Inspector.of(conn).hasTable(table)) {
                return null;
            }
            String q = conn.dialect().quoteIdentifier(table);
            long failing = ((Number) conn.sql("SELECT COUNT(*) FROM " + q + " WHERE NOT (" + sql + ")", Map.of()).one().get(0)).longValue();
            return failing == 0 ? null : failing + " row(s) of " + table + " fail the new check " + name + " (" + sql
                    + "); change them first or relax the check";
        };
    }

    /** Rows whose key columns refer to no row of the referenced table, for a new foreign key. */
    public static Preflight references(String table, List<String> columns, String referenced, List<String> referencedColumns) {
        return conn -> {
            Table t = stub(conn, table, columns.stream().map(c -> Column.of(c, Types.text())).toArray(Column<?>[]::new));
            if (t == null || !Inspector.of(conn).hasTable(referenced)) {
                return null;
            }
            Table r = new MetaData().table(referenced, referencedColumns.stream().map(c -> Column.of(c, Types.text())).toArray(Column<?>[]::new));
            var parent = r.as("ashlar_parent");
            Condition match = null;
            Condition set = null;
            Expression<?> anyKey = null;
            for (int i = 0; i < columns.size(); i++) {
                @SuppressWarnings("unchecked") Column<String> child = (Column<String>) t.column(columns.get(i));
                @SuppressWarnings("unchecked") Expression<String> key = parent.col((Column<String>) r.column(referencedColumns.get(i)));
                match = match == null ? key.eq(child) : match.and(key.eq(child));
                anyKey = key;
                set = set == null ? child.isNotNull() : set.and(child.isNotNull());
            }
            return offending(conn, t, set.and(notExists(select(anyKey).from(parent).where(match))),
                    "refer to no row of " + referenced + referencedColumns + " through " + table + columns
                    + ", so the new foreign key cannot be added; delete or fix the orphans first");
        };
    }

    /** Counts the rows matching {@code condition} and, when there are some, names a few by primary key. */
    private static String offending(Connection conn, Table t, Condition condition, String what) {
        long n = ((Number) conn.query(condition == null ? select(count()).from(t) : select(count()).from(t).where(condition)).one().get(0))
                .longValue();
        if (n == 0) {
            return null;
        }
        // The stand-in table holds the primary key's columns too (see stub), so a few offending rows can be named.
        List<String> key = Inspector.of(conn).primaryKey(t.name());
        String examples = "";
        if (!key.isEmpty()) {
            List<Expression<?>> keyColumns = key.stream().<Expression<?>>map(t::column).toList();
            examples = " (for example " + String.join("/", key) + " = " + conn.query((condition == null ? select(keyColumns).from(t)
                    : select(keyColumns).from(t).where(condition)).limit(EXAMPLES)).list().stream().map(r -> r.values().size() == 1 ? String.valueOf(r.get(0)) : r.values().toString())
                    .collect(Collectors.joining(", ")) + ")";
        }
        return n + " row(s) of " + t.name() + " " + what + examples;
    }

    /** A stand-in for an existing table with the named columns plus its primary key, or null when the table does not exist yet. */
    private static Table stub(Connection conn, String table, Column<?>... columns) {
        Inspector inspector = Inspector.of(conn);
        if (!inspector.hasTable(table)) {
            return null;
        }
        List<Column<?>> all = new ArrayList<>(List.of(columns));
        for (String k : inspector.primaryKey(table)) {
            if (all.stream().noneMatch(c -> c.name().equals(k))) {
                all.add(Column.of(k, Types.text()));
            }
        }
        return new MetaData().table(table, all.toArray(Column<?>[]::new));
    }
}
