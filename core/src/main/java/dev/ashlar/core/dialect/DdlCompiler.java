package dev.ashlar.core.dialect;

import dev.ashlar.core.error.UnsupportedFeatureException;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.ReferentialAction;
import dev.ashlar.core.schema.ServerDefault;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.MappedType;
import dev.ashlar.core.types.SqlType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes DDL for tables, constraints and indexes. Needs no connection, so DDL for any dialect can
 * be rendered as text. Dialects override the column and key spellings that differ.
 */
public class DdlCompiler {
    protected final Dialect dialect;
    protected final TypeCompiler types;

    protected DdlCompiler(Dialect dialect, TypeCompiler types) {
        this.dialect = dialect;
        this.types = types;
    }

    /** The type compiler this DDL compiler spells column types with. */
    public TypeCompiler types() {
        return types;
    }

    /**
     * {@code CREATE TABLE}, with every constraint inline except the foreign keys in {@code deferred},
     * which close a dependency cycle and are added by {@link #addForeignKey} once all tables exist.
     */
    public String createTable(Table table, Collection<ForeignKey> deferred) {
        List<String> parts = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            parts.add(columnDefinition(column));
        }
        String pk = primaryKeyClause(table);
        if (pk != null) {
            parts.add(pk);
        }
        for (UniqueConstraint uq : table.uniqueConstraints()) {
            String clause = uniqueConstraintClause(uq);
            if (clause != null) {
                parts.add(clause);
            }
        }
        for (CheckConstraint ck : table.checks()) {
            parts.add("CONSTRAINT " + q(ck.name()) + " CHECK (" + ck.sql() + ")");
        }
        Set<ForeignKey> later = Set.copyOf(deferred);
        for (ForeignKey fk : table.foreignKeys()) {
            if (!later.contains(fk)) {
                parts.add(foreignKeyClause(fk));
            }
        }
        return "CREATE TABLE " + q(table.name()) + " (\n\t" + String.join(",\n\t", parts) + "\n)" + tableOptions(table);
    }

    /**
     * A unique constraint inside CREATE TABLE, or {@code null} when the dialect creates it as a
     * named index instead (see {@link #createUniqueIndexes}).
     */
    protected String uniqueConstraintClause(UniqueConstraint uq) {
        return "CONSTRAINT " + q(uq.name()) + " UNIQUE (" + columns(uq.columns()) + ")";
    }

    /**
     * Statements run right after {@link #createTable} that make the table's unique constraints, for a
     * database whose inline UNIQUE would be backed by an index of its own naming; none by default,
     * as PostgreSQL and MariaDB name the backing index after the constraint.
     */
    public List<String> createUniqueIndexes(Table table) {
        return List.of();
    }

    /** Text after the closing parenthesis of CREATE TABLE, such as MariaDB's engine and charset. */
    protected String tableOptions(Table table) {
        return "";
    }

    /**
     * Statements that run after CREATE TABLE to store the table's and columns' comments, for
     * databases that keep comments apart from the table definition (PostgreSQL's COMMENT ON).
     * Empty by default: MariaDB writes comments inline, and SQLite has nowhere to keep them.
     */
    public List<String> commentStatements(Table table) {
        return List.of();
    }

    /** Whether the database keeps table and column comments (SQLite does not; its DDL leaves them out). */
    public boolean supportsComments() {
        return true;
    }

    /** Whether indexes may have a WHERE predicate: the dialect {@link Dialect#supports supports} {@link Feature#PARTIAL_INDEXES}. */
    public final boolean supportsPartialIndexes() {
        return dialect.supports(Feature.PARTIAL_INDEXES);
    }

    /** Whether an index key may be an expression: the dialect {@link Dialect#supports supports} {@link Feature#EXPRESSION_INDEXES}. */
    public final boolean supportsExpressionIndexes() {
        return dialect.supports(Feature.EXPRESSION_INDEXES);
    }

    /**
     * Whether a unique constraint and a unique index over the same columns are one thing in the
     * catalog (MariaDB keeps every unique constraint as a unique index, and reflection cannot tell
     * which was written); schema diff then treats them as the same.
     */
    public boolean uniqueConstraintsAreIndexes() {
        return false;
    }

    /**
     * Whether the database will generate values for {@code column} once this DDL has created it.
     * Usually {@link Column#isAutoincrement()}; SQLite makes every lone INTEGER primary key generate
     * values, asked for or not.
     */
    public boolean generatesValues(Column<?> column) {
        return column.isAutoincrement();
    }

    /** One column: name, type, nullability, default and, where the database wants it inline, autoincrement. */
    protected String columnDefinition(Column<?> column) {
        StringBuilder b = new StringBuilder(q(column.name())).append(' ').append(columnType(column));
        if (column.serverDefault() != null) {
            b.append(" DEFAULT ").append(serverDefault(column.serverDefault(), column.type()));
        }
        if (!column.isNullable()) {
            b.append(" NOT NULL");
        }
        String auto = column.isAutoincrement() ? autoincrementClause(column) : "";
        if (!auto.isEmpty()) {
            b.append(' ').append(auto);
        }
        return b.append(inlineComment(column)).toString();
    }

    /**
     * What must exist before {@code table} is created, such as the enum types of its columns on a
     * database that names them (PostgreSQL); nothing by default. Each statement leaves a type that
     * already exists alone, so it may run once per table that uses the type.
     */
    public List<String> createTypes(Table table) {
        return List.of();
    }

    /**
     * What {@link #dropTable} leaves behind that the table's creation made, such as the enum types
     * of its columns on a database that names them (PostgreSQL); nothing by default. Each statement
     * leaves alone a type that is missing or that another table still uses, so it may run once per
     * table that used the type.
     */
    public List<String> dropTypes(Table table) {
        return List.of();
    }

    /**
     * The statements that give the database enum of {@code current} the values of {@code target}
     * where the values belong to a type of their own rather than to the column (PostgreSQL), and that
     * must run, and commit, before any other statement of the change: a value added to a type cannot
     * be used before its transaction commits (and before PostgreSQL 12 it cannot be added inside a
     * transaction at all). Each statement leaves a value that is there already alone, so it may run
     * again. {@link #alterColumn} writes the rest of the change. None by default: where the values
     * belong to the column, {@link #alterColumn} restates them.
     */
    public List<String> enumAdditions(Table table, Column<?> current, Column<?> target) {
        return List.of();
    }

    /** The values of a database enum as an SQL list, {@code ('a', 'b')}. */
    protected String enumValues(dev.ashlar.core.types.DatabaseEnumType type) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < type.values().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(dialect.stringLiteral(type.values().get(i)));
        }
        return b.append(')').toString();
    }

    /** A comment written inside the column definition (MariaDB); empty by default. */
    protected String inlineComment(Column<?> column) {
        return "";
    }

    /** The column's type; dialects change it for autoincrement keys (SQLite's rowid alias must say INTEGER). */
    public String columnType(Column<?> column) {
        return types.render(column.type());
    }

    /** What marks a generated key; standard SQL identity by default. */
    protected String autoincrementClause(Column<?> column) {
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    protected String primaryKeyClause(Table table) {
        if (table.primaryKey().isEmpty()) {
            return null;
        }
        return "CONSTRAINT " + q(table.primaryKeyName()) + " PRIMARY KEY (" + columns(table.primaryKey()) + ")";
    }

    protected String foreignKeyClause(ForeignKey fk) {
        StringBuilder b = new StringBuilder("CONSTRAINT ").append(q(fk.name()))
                .append(" FOREIGN KEY (").append(columns(fk.columns())).append(") REFERENCES ")
                .append(q(fk.referencedTable().name())).append(" (").append(columns(fk.referenced())).append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            b.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            b.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return b.toString();
    }

    /**
     * Whether foreign keys can be added to existing tables: the dialect {@link Dialect#supports supports}
     * {@link Feature#ALTER_CONSTRAINTS} (SQLite does not, but needs not for cycles: it checks keys only on writes).
     */
    public final boolean canAddForeignKeys() {
        return dialect.supports(Feature.ALTER_CONSTRAINTS);
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}, for keys that close a cycle. */
    public String addForeignKey(Table table, ForeignKey fk) {
        return "ALTER TABLE " + q(table.name()) + " ADD " + foreignKeyClause(fk);
    }

    /** {@code ALTER TABLE ... DROP CONSTRAINT}, to break a cycle before dropping tables. */
    public String dropForeignKey(Table table, ForeignKey fk) {
        return "ALTER TABLE " + q(table.name()) + " DROP CONSTRAINT " + q(fk.name());
    }

    /** {@code CREATE [UNIQUE] INDEX}, with sort orders, expressions and a WHERE predicate where the index has them. */
    public String createIndex(Table table, Index index) {
        if (index.where() != null && !supportsPartialIndexes()) {
            throw dialect.unsupported(Feature.PARTIAL_INDEXES, "index " + index.name() + " on " + table.name() + " has WHERE "
                    + index.where());
        }
        if (index.isExpressionIndex() && !supportsExpressionIndexes()) {
            throw dialect.unsupported(Feature.EXPRESSION_INDEXES, "index " + index.name() + " on " + table.name());
        }
        List<String> key = new ArrayList<>();
        if (index.isExpressionIndex()) {
            for (String e : index.expressions()) {
                key.add("(" + e + ")");
            }
        } else {
            for (int i = 0; i < index.columns().size(); i++) {
                key.add(q(index.columns().get(i).name()) + (index.descending().get(i) ? " DESC" : ""));
            }
        }
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON " + q(table.name())
                + " (" + String.join(", ", key) + ")" + (index.where() == null ? "" : " WHERE " + index.where());
    }

    /** {@code ALTER TABLE ... ADD column}. */
    public String addColumn(Table table, Column<?> column) {
        return "ALTER TABLE " + q(table.name()) + " ADD COLUMN " + columnDefinition(column);
    }

    /** {@code ALTER TABLE ... DROP COLUMN}. */
    public String dropColumn(Table table, Column<?> column) {
        return "ALTER TABLE " + q(table.name()) + " DROP COLUMN " + q(column.name());
    }

    /**
     * The statements that give an existing column {@code target}'s type, nullability and default
     * (standard SQL: one ALTER COLUMN clause per change). MariaDB restates the whole column.
     */
    public List<String> alterColumn(Table table, Column<?> current, Column<?> target) {
        String prefix = "ALTER TABLE " + q(table.name()) + " ALTER COLUMN " + q(target.name()) + " ";
        List<String> out = new ArrayList<>();
        if (!columnType(current).equals(columnType(target))) {
            out.add(prefix + "TYPE " + columnType(target) + " USING " + q(target.name()) + "::" + columnType(target));
        }
        if (generatesValues(current) != generatesValues(target)) {
            out.add(prefix + (generatesValues(target) ? "ADD " + autoincrementClause(target) : "DROP IDENTITY IF EXISTS"));
        }
        if (current.isNullable() != target.isNullable()) {
            out.add(prefix + (target.isNullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        String from = current.serverDefault() == null ? null : serverDefault(current.serverDefault(), current.type());
        String to = target.serverDefault() == null ? null : serverDefault(target.serverDefault(), target.type());
        if (!java.util.Objects.equals(from, to)) {
            out.add(prefix + (to == null ? "DROP DEFAULT" : "SET DEFAULT " + to));
        }
        return out;
    }

    /** The statements that move a table's primary key from {@code current}'s columns to {@code target}'s. */
    public List<String> alterPrimaryKey(Table current, Table target) {
        List<String> out = new ArrayList<>();
        if (!current.primaryKey().isEmpty()) {
            out.add("ALTER TABLE " + q(current.name()) + " DROP CONSTRAINT " + q(current.primaryKeyName()));
        }
        if (!target.primaryKey().isEmpty()) {
            out.add("ALTER TABLE " + q(target.name()) + " ADD " + primaryKeyClause(target));
        }
        return out;
    }

    /**
     * The action as this database keeps it: MariaDB's InnoDB treats NO ACTION as RESTRICT and may
     * report either, so schema diff compares actions through this.
     */
    public ReferentialAction effectiveAction(ReferentialAction action) {
        return action;
    }

    /**
     * Whether changes other than new indexes and nullable columns need the table rebuilt (SQLite's
     * ALTER TABLE cannot change columns or constraints); schema diff then rebuilds it with
     * {@link #rebuildTable}.
     */
    public boolean rebuildsTables() {
        return false;
    }

    /**
     * Whether {@link #addUnique} adds a unique constraint to an existing table in place, so that a
     * dialect that {@link #rebuildsTables rebuilds tables} need not rebuild one for it; true
     * wherever tables are altered in place.
     */
    public boolean addsUniqueInPlace() {
        return !rebuildsTables();
    }

    /**
     * The statements that rebuild {@code current} as {@code target}, keeping the rows of the
     * columns they share: create the new table under a temporary name, copy, drop the old one,
     * rename, and create the indexes. Run them between {@link #suspendForeignKeys()} and
     * {@link #resumeForeignKeys()}.
     */
    public List<String> rebuildTable(Table current, Table target) {
        String temporary = "ashlar_rebuild_" + Integer.toHexString(target.name().hashCode());
        List<String> shared = new ArrayList<>();
        for (Column<?> column : target.columns()) {
            for (Column<?> old : current.columns()) {
                if (old.name().equals(column.name())) {
                    shared.add(q(column.name()));
                }
            }
        }
        String create = createTable(target, List.of());
        String prefix = "CREATE TABLE " + q(target.name());
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + q(temporary) + create.substring(prefix.length()));
        if (!shared.isEmpty()) {
            String list = String.join(", ", shared);
            out.add("INSERT INTO " + q(temporary) + " (" + list + ") SELECT " + list + " FROM " + q(current.name()));
        }
        out.add("DROP TABLE " + q(current.name()));
        out.add("ALTER TABLE " + q(temporary) + " RENAME TO " + q(target.name()));
        out.addAll(createUniqueIndexes(target));
        for (Index index : target.indexes()) {
            out.add(createIndex(target, index));
        }
        return out;
    }

    /** Statements, run outside any transaction, that suspend foreign-key checks for table rebuilds and cycle drops (SQLite's pragma). */
    public List<String> suspendForeignKeys() {
        return List.of();
    }

    /** Statements, run outside any transaction, that resume foreign-key checks. */
    public List<String> resumeForeignKeys() {
        return List.of();
    }

    /**
     * A condition or expression as this database rewrites it when it stores it, so that schema
     * diff can compare what was written with what the catalog gives back (MariaDB keeps
     * {@code length(x)} as {@code octet_length(x)}). Unchanged by default.
     */
    public String storedExpression(String sql) {
        return sql;
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... UNIQUE}. */
    public String addUnique(Table table, UniqueConstraint unique) {
        return "ALTER TABLE " + q(table.name()) + " ADD CONSTRAINT " + q(unique.name()) + " UNIQUE (" + columns(unique.columns()) + ")";
    }

    /** {@code ALTER TABLE ... DROP CONSTRAINT} for a unique constraint. */
    public String dropUnique(Table table, UniqueConstraint unique) {
        return "ALTER TABLE " + q(table.name()) + " DROP CONSTRAINT " + q(unique.name());
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... CHECK}. */
    public String addCheck(Table table, CheckConstraint check) {
        return "ALTER TABLE " + q(table.name()) + " ADD CONSTRAINT " + q(check.name()) + " CHECK (" + check.sql() + ")";
    }

    /** {@code ALTER TABLE ... DROP CONSTRAINT} for a check. */
    public String dropCheck(Table table, CheckConstraint check) {
        return "ALTER TABLE " + q(table.name()) + " DROP CONSTRAINT " + q(check.name());
    }

    /** The statements that set (or, with {@code null}, remove) a table's comment. */
    public List<String> setTableComment(Table table, String comment) {
        return List.of("COMMENT ON TABLE " + q(table.name()) + " IS " + (comment == null ? "NULL" : dialect.stringLiteral(comment)));
    }

    /** The statements that set (or remove) a column's comment; {@code column} carries the new comment. */
    public List<String> setColumnComment(Table table, Column<?> column) {
        return List.of("COMMENT ON COLUMN " + q(table.name()) + "." + q(column.name()) + " IS "
                + (column.comment() == null ? "NULL" : dialect.stringLiteral(column.comment())));
    }

    /** {@code DROP INDEX}; MariaDB needs the table too. */
    public String dropIndex(Table table, Index index) {
        return dropIndex(table.name(), index.name());
    }

    /** {@code DROP INDEX} by names, for an index that exists only in the database. */
    public String dropIndex(String table, String name) {
        return "DROP INDEX " + q(name);
    }

    /** {@code DROP TABLE}. */
    public String dropTable(Table table) {
        return "DROP TABLE " + q(table.name());
    }

    /**
     * What {@code change} to {@code table} does while it runs on this database. {@code from} and
     * {@code to} are the column before and after, for column changes (null otherwise). The base
     * judgement is the cautious one: index builds and constraint checks read every row while writes
     * wait, and a type change rewrites the table.
     */
    public DdlEffect effect(DdlEffect.Change change, String table, Column<?> from, Column<?> to) {
        return switch (change) {
            case CREATE_TABLE, DROP_TABLE, RENAME, ADD_COLUMN, DROP_COLUMN, DROP_INDEX, DROP_CONSTRAINT, ALTER_COLUMN_OTHER ->
                    DdlEffect.metadataOnly("changes the catalog only");
            case CREATE_INDEX_ONLINE -> DdlEffect.metadataOnly("builds the index without blocking writes");
            case CREATE_INDEX, ADD_UNIQUE -> DdlEffect.blocksWrites("blocks writes to " + table + " while the index builds");
            case ADD_CHECK, ADD_FOREIGN_KEY, SET_NOT_NULL -> DdlEffect.blocksWrites("reads every row of " + table + " while writes wait");
            case ALTER_COLUMN_TYPE, REBUILD -> DdlEffect.rewrites("rewrites table " + table + " while writes wait");
        };
    }

    /** {@code ALTER TABLE ... RENAME COLUMN}, which keeps the column's data. */
    public String renameColumn(String table, String from, String to) {
        return "ALTER TABLE " + q(table) + " RENAME COLUMN " + q(from) + " TO " + q(to);
    }

    /** {@code ALTER TABLE ... RENAME TO}, which keeps the table's rows, keys and indexes. */
    public String renameTable(String from, String to) {
        return "ALTER TABLE " + q(from) + " RENAME TO " + q(to);
    }

    /**
     * An index built without blocking writes to the table while it builds, and whether that
     * statement can run inside a transaction. Plain {@code CREATE INDEX} by default (MariaDB's InnoDB
     * builds indexes online anyway; SQLite has no concurrent writers to block).
     */
    public IndexBuild createIndexOnline(Table table, Index index) {
        return new IndexBuild(createIndex(table, index), true);
    }

    /** An index-building statement and whether it may run inside a transaction. */
    public record IndexBuild(String sql, boolean transactional) {
    }

    /** A server default as DDL text, for a column of {@code type} (whose precision a current timestamp may need to match). */
    public String serverDefault(ServerDefault value, SqlType<?> type) {
        if (value instanceof ServerDefault.Literal l) {
            return literal(l.value());
        }
        if (value instanceof ServerDefault.Expression e) {
            return defaultExpression(e.sql());
        }
        return currentTimestamp(type instanceof MappedType<?, ?> m ? m.storage() : type);
    }

    /** An expression default; MariaDB and SQLite need it in parentheses unless it is a bare function call. */
    protected String defaultExpression(String sql) {
        return "(" + sql + ")";
    }

    /**
     * The current timestamp as a default of a column of {@code type}; plain {@code CURRENT_TIMESTAMP}
     * by default, which PostgreSQL rounds to the column's precision as it stores it.
     */
    protected String currentTimestamp(SqlType<?> type) {
        return "CURRENT_TIMESTAMP";
    }

    protected String literal(Object value) {
        if (value instanceof Number n) {
            return n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString();
        }
        if (value instanceof Boolean b) {
            return dialect.booleanLiteral(b);
        }
        if (value instanceof Enum<?> e) {
            return dialect.stringLiteral(e.name());
        }
        return dialect.stringLiteral(String.valueOf(value));
    }

    protected String q(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    protected String columns(List<Column<?>> columns) {
        return columns.stream().map(c -> q(c.name())).collect(Collectors.joining(", "));
    }
}
