package dev.ashlar.core.dialect.sqlite;

import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.TableRebuild;
import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Row;
import dev.ashlar.core.error.ForeignKeyViolationException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.Table;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * CHECK constraints, named or not, survive because the new table is written from the reflected
 * table, whose checks the catalog reader takes from the stored CREATE TABLE text.
 */
final class SqliteTableRebuild implements TableRebuild {
    private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");
    private final Dialect dialect;

    SqliteTableRebuild(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void prepare(Connection connection) {
        connection.executeSql("PRAGMA foreign_keys = OFF");
    }

    @Override
    public void restore(Connection connection) {
        connection.executeSql("PRAGMA foreign_keys = ON");
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
        connection.executeSql(createSql(target, temporary, AUTOINCREMENT.matcher(storedTable).find()));
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
     * The target's CREATE TABLE under the temporary name. A table that had AUTOINCREMENT keeps it: the
     * keyword belongs on the column ({@code INTEGER PRIMARY KEY AUTOINCREMENT}), not in the table
     * constraint that Ashlar's DDL writes, so the key moves onto the column.
     */
    private String createSql(Table target, String temporary, boolean autoincrement) {
        String sql = dialect.ddl().createTable(target, List.of());
        String prefix = "CREATE TABLE " + q(target.name());
        if (!sql.startsWith(prefix)) {
            throw new IllegalStateException("unexpected CREATE TABLE text: " + sql);
        }
        sql = "CREATE TABLE " + q(temporary) + sql.substring(prefix.length());
        if (autoincrement && target.primaryKey().size() == 1) {
            Column<?> key = target.primaryKey().get(0);
            String constraint = ",\n\tCONSTRAINT " + q(target.primaryKeyName()) + " PRIMARY KEY (" + q(key.name()) + ")";
            String column = "\n\t" + q(key.name()) + " INTEGER";
            if (sql.contains(constraint) && sql.contains(column)) {
                sql = sql.replace(constraint, "").replaceFirst(Pattern.quote(column) + "( NOT NULL)?",
                        java.util.regex.Matcher.quoteReplacement(column + " PRIMARY KEY AUTOINCREMENT"));
            }
        }
        return sql;
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
