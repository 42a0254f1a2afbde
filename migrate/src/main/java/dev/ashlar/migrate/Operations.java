package dev.ashlar.migrate;

import dev.ashlar.core.dialect.CompiledSql;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.DdlEffect;
import dev.ashlar.core.dialect.DdlEffect.Change;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.TableElement;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.Types;
import dev.ashlar.migrate.internal.Preflights;
import dev.ashlar.migrate.internal.Preflights.Preflight;
import dev.ashlar.migrate.internal.TableCopy;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.ReferentialAction;
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
        // what the table needs first: PostgreSQL's enum types, each left alone where it exists
        for (String sql : ddl.createTypes(table)) {
            schema(effect(Change.CREATE_TABLE, table.name(), null, null), "create type for " + table.name(), sql, "create-types " + table.name());
        }
        schema(effect(Change.CREATE_TABLE, table.name(), null, null), "create table " + table.name(), ddl.createTable(table, List.of()), "create-table " + describe(table));
        // SQLite makes unique constraints as named unique indexes after CREATE TABLE (none elsewhere).
        for (String sql : ddl.createUniqueIndexes(table)) {
            schema(effect(Change.ADD_UNIQUE, table.name(), null, null), "add unique index on " + table.name(), sql,
                    "create-unique-index " + normalise(sql));
        }
        for (Index index : table.indexes()) {
            schema(effect(Change.CREATE_INDEX, table.name(), null, null), "create index " + index.name(), ddl.createIndex(table, index),
                    "create-index " + table.name() + " " + index.name() + " " + index.unique() + " " + names(index.columns()));
        }
    }

    /** Creates a table from columns and constraints, as {@code new MetaData().table(name, elements)} would. */
    public void createTable(String name, TableElement... elements) {
        createTable(new MetaData().table(name, elements));
    }

    /** Drops a table and its rows. */
    public void dropTable(String table) {
        schema(effect(Change.DROP_TABLE, table, null, null), "drop table " + table, "DROP TABLE " + dialect.quoteIdentifier(table), "drop-table " + table);
        steps.set(steps.size() - 1, steps.get(steps.size() - 1).losing("table " + table + " and its rows"));
    }

    /** Renames a table, keeping its rows. */
    public void renameTable(String from, String to) {
        schema(effect(Change.RENAME, from, null, null), "rename table " + from + " to " + to, ddl.renameTable(from, to), "rename-table " + from + " " + to);
    }

    /** Adds a column (not a key column). A NOT NULL column needs a server default when the table has rows. */
    public void addColumn(String table, Column<?> column) {
        int first = steps.size();
        Table stub = stub(table, column);
        for (String sql : ddl.createTypes(stub)) {
            schema(effect(Change.ADD_COLUMN, table, null, null), "create type for " + table + "." + column.name(), sql,
                    "create-types " + table + " " + column.name());
        }
        schema(effect(Change.ADD_COLUMN, table, null, null), "add column " + table + "." + column.name(), ddl.addColumn(stub, column),
                "add-column " + table + " " + describe(column));
        checkFirst(first, !column.isNullable() && column.serverDefault() == null ? Preflights.empty(table,
                "need a value for new column " + table + "." + column.name() + ", which is NOT NULL without a server default; "
                + "give it a server default, or add it nullable, fill it, then make it NOT NULL") : null);
    }

    /** Drops a column and its values. */
    public void dropColumn(String table, String column) {
        Column<?> stub = Column.of(column, Types.text());
        schema(effect(Change.DROP_COLUMN, table, null, null), "drop column " + table + "." + column, ddl.dropColumn(stub(table, stub), stub), "drop-column " + table + " " + column);
        steps.set(steps.size() - 1, steps.get(steps.size() - 1).losing("column " + table + "." + column + " and its values"));
    }

    /** Renames a column, keeping its values. */
    public void renameColumn(String table, String from, String to) {
        schema(effect(Change.RENAME, table, null, null), "rename column " + table + "." + from + " to " + to, ddl.renameColumn(table, from, to),
                "rename-column " + table + " " + from + " " + to);
    }

    /**
     * Changes a column's type, nullability or server default: {@code from} is the column as it is,
     * {@code to} as it should be (same name). SQLite rebuilds the table.
     *
     * <p>A database enum's values change this way too ({@code Types.databaseEnum}, the same name with
     * other values). MariaDB restates the column and SQLite rebuilds the table; on PostgreSQL the
     * values belong to the enum type, so the change serves every column of that type: values it only
     * gains are added in steps that run outside the revision's transaction and commit at once (a
     * value cannot be used before its addition commits), journalled like
     * {@link #createIndexOnline}; a type that loses or reorders values is made again and its columns
     * converted. Rows holding a removed value refuse the revision before anything runs.
     */
    public void alterColumn(String table, Column<?> from, Column<?> to) {
        String canonical = "alter-column " + table + " " + describe(from) + " -> " + describe(to);
        Preflight check = both(both(from.isNullable() && !to.isNullable() ? Preflights.notNull(table, from.name()) : null,
                Preflights.fits(table, from, to)), Preflights.enumValues(table, from, to));
        int first = steps.size();
        if (rebuilds()) {
            rebuild(table, "alter column " + table + "." + from.name(), canonical, t -> new TableCopy(t).replaceColumn(to).build());
        } else {
            Column<?> current = from.copy(from.name());
            Table stub = stub(table, current);
            for (String sql : ddl.enumAdditions(stub, current, to.copy(to.name()))) {
                steps.add(Step.sql("add enum value for " + table + "." + from.name() + " (outside a transaction)", sql, false, canonical)
                        .judged(alterEffect(table, from, to)));
            }
            for (String sql : ddl.alterColumn(stub, current, to.copy(to.name()))) {
                schema(alterEffect(table, from, to), "alter column " + table + "." + from.name(), sql, canonical);
                steps.set(steps.size() - 1, steps.get(steps.size() - 1).altering(table, from.name()));
            }
        }
        checkFirst(first, check);
    }

    /** Creates an index. */
    public void createIndex(String table, String name, boolean unique, String... columns) {
        Table stub = stub(table, columns);
        int first = steps.size();
        schema(effect(Change.CREATE_INDEX, table, null, null), "create index " + name, ddl.createIndex(stub, index(stub, name, unique, columns)),
                "create-index " + table + " " + name + " " + unique + " " + String.join(",", columns));
        checkFirst(first, unique ? Preflights.unique(table, name, List.of(columns)) : null);
    }

    /**
     * Creates an index without blocking writes while it builds, where the database can:
     * {@code CREATE INDEX CONCURRENTLY} on PostgreSQL, which runs outside the revision's transaction
     * and is journalled like a MariaDB step. Elsewhere a plain {@code CREATE INDEX}.
     */
    public void createIndexOnline(String table, String name, boolean unique, String... columns) {
        Table stub = stub(table, columns);
        DdlCompiler.IndexBuild build = ddl.createIndexOnline(stub, index(stub, name, unique, columns));
        steps.add(Step.sql("create index " + name + (build.transactional() ? "" : " (outside a transaction)"), build.sql(),
                build.transactional(), "create-index-online " + table + " " + name + " " + unique + " " + String.join(",", columns))
                .judged(effect(Change.CREATE_INDEX_ONLINE, table, null, null)).checking(unique ? Preflights.unique(table, name, List.of(columns)) : null));
    }

    /** Drops an index. */
    public void dropIndex(String table, String name) {
        schema(effect(Change.DROP_INDEX, table, null, null), "drop index " + name, ddl.dropIndex(table, name), "drop-index " + table + " " + name);
    }

    /** Adds a named unique constraint. SQLite rebuilds the table. */
    public void addUnique(String table, String name, String... columns) {
        String canonical = "add-unique " + table + " " + name + " " + String.join(",", columns);
        int first = steps.size();
        List<String> asIndex = ddl.createUniqueIndexes(uniqueTable(table, name, columns));
        if (!asIndex.isEmpty()) {
            // SQLite makes unique constraints as named unique indexes, which it can add without a rebuild.
            asIndex.forEach(sql -> schema(effect(Change.ADD_UNIQUE, table, null, null), "add unique " + name, sql, canonical));
        } else if (rebuilds()) {
            rebuild(table, "add unique " + name, canonical, t -> new TableCopy(t).addUnique(name, List.of(columns)).build());
        } else {
            Table stub = stub(table, columns);
            schema(effect(Change.ADD_UNIQUE, table, null, null), "add unique " + name, ddl.addUnique(stub, new UniqueConstraint(name, stub.columns())), canonical);
        }
        checkFirst(first, Preflights.unique(table, name, List.of(columns)));
    }

    /** Adds a named CHECK constraint; {@code sql} is the condition, as in CREATE TABLE. SQLite rebuilds the table. */
    public void addCheck(String table, String name, String sql) {
        String canonical = "add-check " + table + " " + name + " " + normalise(sql);
        int first = steps.size();
        if (rebuilds()) {
            rebuild(table, "add check " + name, canonical, t -> new TableCopy(t).addCheck(name, sql).build());
        } else {
            schema(effect(Change.ADD_CHECK, table, null, null), "add check " + name, ddl.addCheck(stub(table, Column.of("unused", Types.text())), new CheckConstraint(name, name, sql)),
                    canonical);
        }
        checkFirst(first, Preflights.check(table, name, sql));
    }

    /**
     * Adds a foreign key from {@code columns} of {@code table} to {@code referencedColumns} of
     * {@code referenced}. SQLite rebuilds the table.
     */
    public void addForeignKey(String table, String name, List<String> columns, String referenced, List<String> referencedColumns,
                              ReferentialAction onDelete) {
        String canonical = "add-fk " + table + " " + name + " " + columns + " -> " + referenced + " " + referencedColumns + " " + onDelete;
        int first = steps.size();
        if (rebuilds()) {
            rebuild(table, "add foreign key " + name, canonical, t -> {
                Table parent = referenced.equals(t.name()) ? t : t.metadata().get(referenced);
                if (parent == null) {
                    throw new MigrationException("foreign key " + name + " refers to table " + referenced + ", which the database does not have");
                }
                List<Column<?>> targets = referencedColumns.stream().<Column<?>>map(parent::column).toList();
                List<Column<?>> own = columns.stream().<Column<?>>map(t::column).toList();
                return new TableCopy(t).addForeignKey(new ForeignKey(name, own, targets, onDelete, ReferentialAction.NO_ACTION)).build();
            });
        } else {
            Table parent = stub(referenced, referencedColumns.toArray(String[]::new));
            Table child = stub(table, columns.toArray(String[]::new));
            ForeignKey key = new ForeignKey(name, columns.stream().<Column<?>>map(child::column).toList(),
                    referencedColumns.stream().<Column<?>>map(parent::column).toList(), onDelete, ReferentialAction.NO_ACTION);
            schema(effect(Change.ADD_FOREIGN_KEY, table, null, null), "add foreign key " + name, ddl.addForeignKey(child, key), canonical);
        }
        checkFirst(first, Preflights.references(table, columns, referenced, referencedColumns));
    }

    /**
     * Drops a named foreign key; the rows stay as they are. SQLite rebuilds the table (a key it
     * declared without a name is known by the name reflection gives it, as {@code ashlar inspect}
     * shows).
     */
    public void dropForeignKey(String table, String name) {
        String canonical = "drop-fk " + table + " " + name;
        if (rebuilds()) {
            rebuild(table, "drop foreign key " + name, canonical, t -> new TableCopy(t).dropForeignKey(name).build());
            return;
        }
        // Every dialect drops a key by its table and name; the stand-in columns are never written.
        Table child = stub(table, "unused");
        Table parent = stub("unused", "unused");
        ForeignKey key = new ForeignKey(name, child.columns(), parent.columns(), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
        schema(effect(Change.DROP_CONSTRAINT, table, null, null), "drop foreign key " + name, ddl.dropForeignKey(child, key), canonical);
    }

    /** Drops a named unique constraint. SQLite rebuilds the table. */
    public void dropUnique(String table, String name) {
        String canonical = "drop-unique " + table + " " + name;
        if (!ddl.createUniqueIndexes(uniqueTable(table, name, "unused")).isEmpty()) {
            schema(effect(Change.DROP_CONSTRAINT, table, null, null), "drop unique " + name, ddl.dropIndex(table, name), canonical);
            return;
        }
        if (rebuilds()) {
            rebuild(table, "drop unique " + name, canonical, t -> new TableCopy(t).dropUnique(name).build());
            return;
        }
        Table stub = stub(table, Column.of("unused", Types.text()));
        schema(effect(Change.DROP_CONSTRAINT, table, null, null), "drop unique " + name, ddl.dropUnique(stub, new UniqueConstraint(name, stub.columns())), canonical);
    }

    /** Drops a named CHECK constraint. SQLite rebuilds the table. */
    public void dropCheck(String table, String name) {
        String canonical = "drop-check " + table + " " + name;
        if (rebuilds()) {
            rebuild(table, "drop check " + name, canonical, t -> new TableCopy(t).dropCheck(name).build());
            return;
        }
        schema(effect(Change.DROP_CONSTRAINT, table, null, null), "drop check " + name, ddl.dropCheck(stub(table, Column.of("unused", Types.text())), new CheckConstraint(name, name, "unused")), canonical);
    }

    /** Runs SQL text on every database. Schema and data statements alike; prefer the typed operations where one fits. */
    public void sql(String sql) {
        steps.add(Step.sql("sql: " + firstLine(sql), sql, true, "sql " + normalise(sql)));
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
        steps.add(new Step("data: " + firstLine(compiled.sql()), Step.Kind.DATA, compiled.sql(), statement, null, null, null, null, null, true,
                "data " + normalise(compiled.sql()) + " " + compiled.parameterValues(), null));
    }

    /**
     * Sets {@code column} of {@code table} to {@code value} in the rows where it is NULL: the fill
     * between adding a column as nullable and making it NOT NULL. A data step, run with a bound
     * parameter. {@code column} only gives the name and type.
     */
    public <T> void backfill(String table, Column<T> column, T value) {
        Column<T> target = Column.of(column.name(), column.type());
        Table stub = new MetaData().table(table, target);
        execute(dev.ashlar.core.sql.Sql.update(stub).set(target, value).where(target.isNull()));
    }

    private void schema(DdlEffect effect, String description, String sql, String canonical) {
        steps.add(Step.sql(description, sql, true, canonical).judged(effect));
    }

    private DdlEffect effect(Change change, String table, Column<?> from, Column<?> to) {
        return ddl.effect(change, table, from, to);
    }

    /** The most disruptive part of a column change: a new type, then NOT NULL, then the rest. */
    private DdlEffect alterEffect(String table, Column<?> from, Column<?> to) {
        if (!from.type().describe().equals(to.type().describe())) {
            return effect(Change.ALTER_COLUMN_TYPE, table, from, to);
        }
        return effect(from.isNullable() && !to.isNullable() ? Change.SET_NOT_NULL : Change.ALTER_COLUMN_OTHER, table, from, to);
    }

    /** Attaches {@code check} to the first step recorded since {@code first}, so it runs before any of them. */
    private void checkFirst(int first, Preflight check) {
        if (check != null && first < steps.size()) {
            steps.set(first, steps.get(first).checking(check));
        }
    }

    private static Preflight both(Preflight a, Preflight b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return conn -> {
            String x = a.apply(conn);
            String y = b.apply(conn);
            return x == null ? y : y == null ? x : x + "; " + y;
        };
    }

    private boolean rebuilds() {
        return dialect.tableRebuild().isPresent();
    }

    private void rebuild(String table, String description, String canonical, java.util.function.UnaryOperator<Table> change) {
        steps.add(new Step(description + " (rebuilds table " + table + ")", Step.Kind.REBUILD,
                "-- rebuild " + table + ": " + description, null, table, null, change, null, effect(Change.REBUILD, table, null, null), true, canonical, null));
    }

    /**
     * A stand-in for a table that exists only in the database, holding the columns a statement names.
     * DDL renders only names from it; the text type of name-only columns is never written.
     */
    private static Table stub(String table, Column<?>... columns) {
        return new MetaData().table(table, columns);
    }

    private static Table stub(String table, String... columns) {
        return stub(table, java.util.Arrays.stream(columns).map(c -> Column.of(c, Types.text())).toArray(Column<?>[]::new));
    }

    /** A stand-in table holding one named unique constraint over {@code columns}. */
    private static Table uniqueTable(String table, String name, String... columns) {
        List<TableElement> elements = new java.util.ArrayList<>();
        Column<?>[] cols = java.util.Arrays.stream(columns).map(c -> Column.of(c, Types.text())).toArray(Column<?>[]::new);
        elements.addAll(List.of(cols));
        elements.add(UniqueConstraint.of(cols).named(name));
        return new MetaData().table(table, elements.toArray(TableElement[]::new));
    }

    private static Index index(Table stub, String name, boolean unique, String... columns) {
        Column<?>[] cols = java.util.Arrays.stream(columns).map(stub::column).toArray(Column<?>[]::new);
        return (unique ? Index.uniqueOn(cols) : Index.on(cols)).named(name);
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
