package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.TableRebuild;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.ForeignKeyViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.sql.SQLException;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQLite's table rebuild, the procedure its documentation gives for changes ALTER TABLE cannot make
 * (https://www.sqlite.org/lang_altertable.html, "making other kinds of table schema changes"):
 * <ol>
 *   <li>foreign-key enforcement off, outside the transaction (inside one SQLite ignores the switch,
 *       and DROP TABLE would then delete the children of cascading keys);</li>
 *   <li>the table's indexes and triggers and every view saved as SQLite stored them, the views dropped;</li>
 *   <li>the new table created under a temporary name, the shared columns copied, the old table
 *       dropped and the new one renamed;</li>
 *   <li>indexes, triggers and views recreated from the saved text (so partial and expression indexes
 *       and collations survive), the AUTOINCREMENT sequence restored;</li>
 *   <li>{@code PRAGMA foreign_key_check} before commit, enforcement back on afterwards.</li>
 * </ol>
 * The new CREATE TABLE keeps the stored text of every column and constraint that does not change,
 * so CHECKs (named, unnamed, on a column), collations and AUTOINCREMENT survive as written.
 */
final class SqliteTableRebuild implements TableRebuild {
    private final Dialect dialect;

    SqliteTableRebuild(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void prepare(Connection connection) {
        dialect.ddl().suspendForeignKeys().forEach(connection::executeSql);
    }

    @Override
    public void restore(Connection connection) {
        dialect.ddl().resumeForeignKeys().forEach(connection::executeSql);
    }

    @Override
    public void rebuild(Connection connection, Table current, Table target) {
        String name = current.name();
        String temporary = "ashlar_rebuild_" + name;
        String storedTable = (String) connection.sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t",
                Map.of("t", name)).one().get(0);
        List<String> dependents = connection.sql("SELECT sql FROM sqlite_master WHERE tbl_name = :t AND type IN ('index', 'trigger') "
                + "AND sql IS NOT NULL ORDER BY type, name", Map.of("t", name)).list().stream().map(r -> (String) r.get(0)).toList();
        List<Row> views = connection.sql("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name", Map.of()).list();
        Long sequence = sequence(connection, name);

        for (Row view : views) {
            connection.executeSql("DROP VIEW " + q((String) view.get(0)));
        }
        connection.executeSql(createSql(storedTable, current, target, temporary));
        Set<String> had = current.columns().stream().map(Column::name).collect(Collectors.toSet());
        String shared = target.columns().stream().map(Column::name).filter(had::contains).map(this::q).collect(Collectors.joining(", "));
        if (!shared.isEmpty()) {
            connection.executeSql("INSERT INTO " + q(temporary) + " (" + shared + ") SELECT " + shared + " FROM " + q(name));
        }
        connection.executeSql("DROP TABLE " + q(name));
        connection.executeSql("ALTER TABLE " + q(temporary) + " RENAME TO " + q(name));
        for (String sql : dependents) {
            connection.executeSql(sql);
        }
        for (Row view : views) {
            connection.executeSql((String) view.get(1));
        }
        // Unique constraints are named unique indexes on SQLite (see SqliteDdlCompiler): make those that
        // neither the recreated indexes nor a constraint kept in the table's text already provide.
        String created = normalise((String) connection.sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t",
                Map.of("t", name)).one().get(0));
        for (Index index : target.indexes()) {
            if (connection.sql("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :n", Map.of("n", index.name())).first() == null) {
                connection.executeSql(dialect.ddl().createIndex(target, index));
            }
        }
        for (UniqueConstraint unique : target.uniqueConstraints()) {
            boolean indexed = connection.sql("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :n",
                    Map.of("n", unique.name())).first() != null;
            if (!indexed && !created.contains("constraint" + normalise(unique.name()) + "unique")) {
                connection.executeSql(dialect.ddl().createIndex(target, new Index(unique.name(), unique.columns(), true)));
            }
        }
        if (sequence != null) {
            // The sequence and the name come from the catalog, so they are written as literals of their own kind.
            String table = dialect.stringLiteral(name);
            if (connection.executeSql("UPDATE sqlite_sequence SET seq = " + sequence + " WHERE name = " + table) == 0) {
                connection.executeSql("INSERT INTO sqlite_sequence (name, seq) VALUES (" + table + ", " + sequence + ")");
            }
        }
    }

    @Override
    public void verify(Connection connection) {
        List<Row> broken = connection.sql("PRAGMA foreign_key_check", Map.of()).list();
        if (!broken.isEmpty()) {
            Row first = broken.get(0);
            String message = broken.size() + " row(s) break a foreign key after the rebuild, the first in table " + first.get(0)
                    + " (rowid " + first.get(1) + ") referring to " + first.get(2)
                    + "; fix or delete the orphaned rows before the change";
            throw new ForeignKeyViolationException(new SQLException(message, "23000"), "PRAGMA foreign_key_check", List.of());
        }
    }

    /**
     * The new table's CREATE TABLE under the temporary name, written from the stored text wherever
     * the table does not change: an unchanged column keeps its definition as written (collation,
     * CHECK, AUTOINCREMENT, generated expression), and a constraint the new table still has keeps
     * its text. Only changed columns and new constraints are written from {@code target}.
     */
    private String createSql(String stored, Table current, Table target, String temporary) {
        SqliteDdlCompiler ddl = (SqliteDdlCompiler) dialect.ddl();
        Map<String, String> columnText = new LinkedHashMap<>();
        List<String> constraintText = new ArrayList<>();
        for (String item : SqliteTableSql.bodyItems(stored)) {
            if (SqliteTableSql.isConstraint(item)) {
                constraintText.add(item);
            } else {
                columnText.put(SqliteTableSql.columnName(item), item);
            }
        }
        Map<String, Column<?>> was = new HashMap<>();
        current.columns().forEach(c -> was.put(c.name(), c));

        List<String> parts = new ArrayList<>();
        for (Column<?> column : target.columns()) {
            String original = columnText.get(column.name());
            Column<?> before = was.get(column.name());
            boolean unchanged = original != null && before != null && ddl.columnSql(before).equals(ddl.columnSql(column));
            parts.add(unchanged ? original : ddl.columnSql(column));
        }
        for (String item : constraintText) {
            if (stillWanted(item, target, ddl)) {
                parts.add(item);
            }
        }
        String kept = normalise(String.join(",", parts));
        if (!kept.contains("primarykey") && ddl.primaryKeySql(target) != null) {
            parts.add(ddl.primaryKeySql(target));
        }
        for (CheckConstraint check : target.checks()) {
            if (!kept.contains(normalise(check.sql()))) {
                parts.add("CONSTRAINT " + q(check.name()) + " CHECK (" + check.sql() + ")");
            }
        }
        for (ForeignKey key : target.foreignKeys()) {
            if (!kept.contains(normalise(q(key.name()))) && !kept.contains("foreignkey(" + key.columns().stream()
                    .map(c -> normalise(q(c.name()))).collect(Collectors.joining(",")) + ")")) {
                parts.add(ddl.foreignKeySql(key));
            }
        }
        return "CREATE TABLE " + q(temporary) + " (\n\t" + String.join(",\n\t", parts) + "\n)" + SqliteTableSql.tableOptions(stored);
    }

    /**
     * Whether a stored table constraint says exactly what one of the new table's says, so its text can
     * stay: the same key columns, the same condition. Foreign keys are always written anew, since
     * their actions may change under the same name.
     */
    private boolean stillWanted(String item, Table target, SqliteDdlCompiler ddl) {
        String text = normalise(item);
        if (text.contains("primarykey(")) {
            return ddl.primaryKeySql(target) != null && normalise(ddl.primaryKeySql(target)).endsWith(text.substring(text.indexOf("primarykey")));
        }
        if (text.contains("foreignkey(")) {
            return false;
        }
        if (text.contains("check(") || text.startsWith("check")) {
            return target.checks().stream().anyMatch(c -> text.contains(normalise(c.sql())));
        }
        return target.uniqueConstraints().stream().anyMatch(u -> text.endsWith("unique(" + u.columns().stream()
                .map(c -> normalise(q(c.name()))).collect(Collectors.joining(",")) + ")")
                && (!text.startsWith("constraint") || text.startsWith("constraint" + normalise(u.name()) + "unique")));
    }

    /** SQL text compared without case, spaces, quotes or the outer parentheses of a condition. */
    private static String normalise(String sql) {
        String s = sql.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\"`\\[\\]]", "");
        while (s.startsWith("(") && s.endsWith(")") && SqliteTableSql.closing(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static Long sequence(Connection connection, String table) {
        boolean exists = connection.sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'", Map.of())
                .first() != null;
        if (!exists) {
            return null;
        }
        Row row = connection.sql("SELECT seq FROM sqlite_sequence WHERE name = :t", Map.of("t", table)).first();
        return row == null ? null : ((Number) row.get(0)).longValue();
    }

    private String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }
}
