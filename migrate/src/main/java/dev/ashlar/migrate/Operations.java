package dev.ashlar.migrate;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.DdlCompiler.ConstraintKind;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a {@link Migration} may do, recorded as {@link Step}s for one dialect. Calls only record:
 * nothing reaches the database until the migrator runs the steps, so the same revision can be
 * applied, printed as SQL ({@code upgrade --sql}) or checksummed.
 *
 * <p>Schema operations are dialect-neutral; {@link #sql(String)} runs text on every database and
 * {@link #sqlOn(String, String)} on one. Data steps use the query language ({@link #execute}).
 */
public final class Operations {
    private final Dialect dialect;
    private final DdlCompiler ddl;
    private final List<Step> steps = new ArrayList<>();

    /** Operations recorded for {@code dialect}. */
    public Operations(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.ddl = dialect.ddl();
    }

    /** The dialect the steps are rendered for, for a migration that must branch on it. */
    public Dialect dialect() {
        return dialect;
    }

    /** The steps recorded so far, in order. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Creates a table with its keys and indexes, from a table built with core's schema API or taken from a model. */
    public void createTable(Table table) {
        schema("create table " + table.name(), ddl.createTable(table, List.of()), "create-table " + describe(table));
        for (Index index : table.indexes()) {
            schema("create index " + index.name(), ddl.createIndex(table, index),
                    "create-index " + table.name() + " " + index.name() + " " + index.unique() + " " + names(index.columns()));
        }
    }

    /** Creates a table from columns and constraints, as {@code new MetaData().table(name, elements)} would. */
    public void createTable(String name, TableElement... elements) {
        createTable(new MetaData().table(name, elements));
    }

    /** Drops a table and its rows. */
    public void dropTable(String table) {
        schema("drop table " + table, "DROP TABLE " + dialect.quoteIdentifier(table), "drop-table " + table);
    }

    /** Renames a table, keeping its rows. */
    public void renameTable(String from, String to) {
        schema("rename table " + from + " to " + to, ddl.renameTable(from, to), "rename-table " + from + " " + to);
    }

    /** Adds a column (not a key column). A NOT NULL column needs a server default when the table has rows. */
    public void addColumn(String table, Column<?> column) {
        schema("add column " + table + "." + column.name(), ddl.addColumn(table, column), "add-column " + table + " " + describe(column));
    }

    /** Drops a column and its values. */
    public void dropColumn(String table, String column) {
        schema("drop column " + table + "." + column, ddl.dropColumn(table, column), "drop-column " + table + " " + column);
    }

    /** Renames a column, keeping its values. */
    public void renameColumn(String table, String from, String to) {
        schema("rename column " + table + "." + from + " to " + to, ddl.renameColumn(table, from, to),
                "rename-column " + table + " " + from + " " + to);
    }

    /**
     * Changes a column's type, nullability or server default: {@code from} is the column as it is,
     * {@code to} as it should be (same name).
     */
    public void alterColumn(String table, Column<?> from, Column<?> to) {
        requireInPlace("changing column " + table + "." + from.name());
        for (String sql : ddl.alterColumn(table, from, to)) {
            schema("alter column " + table + "." + from.name(), sql,
                    "alter-column " + table + " " + describe(from) + " -> " + describe(to));
        }
    }

    /** Creates an index. */
    public void createIndex(String table, String name, boolean unique, String... columns) {
        schema("create index " + name, ddl.createIndex(table, name, unique, List.of(columns)),
                "create-index " + table + " " + name + " " + unique + " " + String.join(",", columns));
    }

    /**
     * Creates an index without blocking writes while it builds, where the database can:
     * {@code CREATE INDEX CONCURRENTLY} on PostgreSQL, which runs outside the revision's transaction
     * and is journalled like a MariaDB step. Elsewhere a plain {@code CREATE INDEX}.
     */
    public void createIndexOnline(String table, String name, boolean unique, String... columns) {
        DdlCompiler.IndexBuild build = ddl.createIndexOnline(table, name, unique, List.of(columns));
        steps.add(new Step("create index " + name + (build.transactional() ? "" : " (outside a transaction)"), Step.Kind.SCHEMA,
                build.sql(), null, build.transactional(),
                "create-index-online " + table + " " + name + " " + unique + " " + String.join(",", columns)));
    }

    /** Drops an index. */
    public void dropIndex(String table, String name) {
        schema("drop index " + name, ddl.dropIndex(table, name), "drop-index " + table + " " + name);
    }

    /** Adds a named unique constraint. */
    public void addUnique(String table, String name, String... columns) {
        requireInPlace("adding unique constraint " + name);
        schema("add unique " + name, ddl.addUnique(table, name, List.of(columns)),
                "add-unique " + table + " " + name + " " + String.join(",", columns));
    }

    /** Adds a named CHECK constraint; {@code sql} is the condition, as in CREATE TABLE. */
    public void addCheck(String table, String name, String sql) {
        requireInPlace("adding check constraint " + name);
        schema("add check " + name, ddl.addCheck(table, name, sql), "add-check " + table + " " + name + " " + normalise(sql));
    }

    /** Drops a named unique constraint. */
    public void dropUnique(String table, String name) {
        requireInPlace("dropping unique constraint " + name);
        schema("drop unique " + name, ddl.dropConstraint(table, name, ConstraintKind.UNIQUE), "drop-unique " + table + " " + name);
    }

    /** Drops a named CHECK constraint. */
    public void dropCheck(String table, String name) {
        requireInPlace("dropping check constraint " + name);
        schema("drop check " + name, ddl.dropConstraint(table, name, ConstraintKind.CHECK), "drop-check " + table + " " + name);
    }

    /** Adds a foreign key to a table that exists; {@code fk} is built on core tables. */
    public void addForeignKey(Table table, ForeignKey fk) {
        requireInPlace("adding foreign key " + fk.name());
        schema("add foreign key " + fk.name(), ddl.addForeignKey(table, fk), "add-fk " + table.name() + " " + fk.name() + " "
                + names(fk.columns()) + " -> " + fk.referencedTable().name() + " " + names(fk.referenced()) + " "
                + fk.onDelete() + " " + fk.onUpdate());
    }

    /** Drops a foreign key. */
    public void dropForeignKey(String table, String name) {
        requireInPlace("dropping foreign key " + name);
        schema("drop foreign key " + name, ddl.dropConstraint(table, name, ConstraintKind.FOREIGN_KEY), "drop-fk " + table + " " + name);
    }

    /** Runs SQL text on every database. Schema and data statements alike; prefer the typed operations where one fits. */
    public void sql(String sql) {
        steps.add(new Step("sql: " + firstLine(sql), Step.Kind.SCHEMA, sql, null, true, "sql " + normalise(sql)));
    }

    /** Runs SQL text only on the database named {@code dialectName} ({@code sqlite}, {@code postgresql}, {@code mariadb}). */
    public void sqlOn(String dialectName, String sql) {
        if (dialect.name().equals(dialectName)) {
            sql(sql);
        }
    }

    /** A data step written with the query language: an insert, update or delete, run with bound parameters. */
    public void execute(Statement statement) {
        CompiledSql compiled = dialect.compile(statement);
        steps.add(new Step("data: " + firstLine(compiled.sql()), Step.Kind.DATA, compiled.sql(), statement, true,
                "data " + normalise(compiled.sql()) + " " + compiled.parameterValues()));
    }

    private void schema(String description, String sql, String canonical) {
        steps.add(new Step(description, Step.Kind.SCHEMA, sql, null, true, canonical));
    }

    private void requireInPlace(String what) {
        if (!ddl.altersInPlace()) {
            throw new UnsupportedFeatureException(what + " needs a table rebuild on " + dialect.name()
                    + ", whose ALTER TABLE only adds, drops and renames columns; write the rebuild as steps "
                    + "(create the new table, copy the rows, drop the old one, rename) or use createTable/dropTable");
        }
    }

    private static String describe(Table table) {
        return table.name() + "(" + table.columns().stream().map(Operations::describe).collect(Collectors.joining(", ")) + ")"
                + " pk" + names(table.primaryKey())
                + table.uniqueConstraints().stream().map(u -> " unique " + u.name() + names(u.columns())).collect(Collectors.joining())
                + table.checks().stream().map(c -> " check " + c.name() + " " + normalise(c.sql())).collect(Collectors.joining())
                + table.foreignKeys().stream().map(f -> " fk " + f.name() + names(f.columns()) + "->" + f.referencedTable().name()
                        + names(f.referenced()) + " " + f.onDelete() + " " + f.onUpdate()).collect(Collectors.joining());
    }

    private static String describe(Column<?> c) {
        return c.name() + " " + c.type().describe() + (c.isNullable() ? " null" : " not-null")
                + (c.serverDefault() == null ? "" : " default " + c.serverDefault()) + (c.isAutoincrement() ? " auto" : "");
    }

    private static String names(List<Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(",", "[", "]"));
    }

    /** Line endings and trailing spaces do not change what SQL means, so they do not change the checksum. */
    static String normalise(String sql) {
        return Arrays.stream(sql.replace("\r\n", "\n").replace('\r', '\n').split("\n"))
                .map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    private static String firstLine(String sql) {
        String s = sql.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
