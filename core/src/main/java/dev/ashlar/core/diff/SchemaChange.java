package dev.ashlar.core.diff;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.CheckConstraint;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;
import dev.ashlar.core.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One step that turns a current schema into a target schema, as {@link SchemaDiff} finds them. Each
 * says what it does, what it risks ({@link #safety()}), and the DDL that performs it on any dialect
 * ({@link #sql(Dialect)}); a database that cannot perform a step says so with an
 * {@link dev.ashlar.core.error.UnsupportedFeatureException} (SQLite alters little in place).
 */
public sealed interface SchemaChange {
    /** The table the change is about. */
    String table();

    /** What applying the change risks. */
    Safety safety();

    /** A one-line description, such as {@code alter column items.price: type NUMERIC(10, 2) -> NUMERIC(12, 2)}. */
    String describe();

    /** The statements that perform the change on {@code dialect}. */
    List<String> sql(Dialect dialect);

    /** A table to create, with its keys, constraints and indexes; {@code deferred} foreign keys are added later. */
    record CreateTable(Table target, Collection<ForeignKey> deferred) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return Safety.SAFE;
        }

        @Override
        public String describe() {
            return "create table " + target.name();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            DdlCompiler ddl = dialect.ddl();
            List<String> out = new ArrayList<>(ddl.createTypes(target));
            out.add(ddl.createTable(target, deferred));
            out.addAll(ddl.createUniqueIndexes(target));
            for (Index index : target.indexes()) {
                out.add(ddl.createIndex(target, index));
            }
            out.addAll(ddl.commentStatements(target));
            return out;
        }
    }

    /** A table to drop, with its rows. */
    record DropTable(Table current) implements SchemaChange {
        @Override
        public String table() {
            return current.name();
        }

        @Override
        public Safety safety() {
            return Safety.DESTRUCTIVE;
        }

        @Override
        public String describe() {
            return "drop table " + current.name();
        }

        /** The table, then the types that its creation made and no other table uses (PostgreSQL's enum types). */
        @Override
        public List<String> sql(Dialect dialect) {
            List<String> out = new ArrayList<>();
            out.add(dialect.ddl().dropTable(current));
            out.addAll(dialect.ddl().dropTypes(current));
            return out;
        }
    }

    /** A column to add; data-dependent when it is NOT NULL without a default. */
    record AddColumn(Table target, Column<?> column) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return column.isNullable() || column.serverDefault() != null ? Safety.SAFE : Safety.DATA_DEPENDENT;
        }

        @Override
        public String describe() {
            return "add column " + target.name() + "." + column.name() + " " + column.type().describe();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            // the table's enum types, each left alone where it exists, so the new column's is there
            List<String> out = new ArrayList<>(column.type() instanceof dev.ashlar.core.types.DatabaseEnumType
                    ? dialect.ddl().createTypes(target) : List.of());
            out.add(dialect.ddl().addColumn(target, column));
            if (column.comment() != null && dialect.ddl().supportsComments() && !dialect.ddl().commentStatements(target).isEmpty()) {
                out.addAll(dialect.ddl().setColumnComment(target, column));
            }
            return out;
        }
    }

    /** A column to drop, with its values. */
    record DropColumn(Table current, Column<?> column) implements SchemaChange {
        @Override
        public String table() {
            return current.name();
        }

        @Override
        public Safety safety() {
            return Safety.DESTRUCTIVE;
        }

        @Override
        public String describe() {
            return "drop column " + current.name() + "." + column.name();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().dropColumn(current, column));
        }
    }

    /**
     * A column whose type, nullability, default or generated values change. {@code changes} names
     * each, with both sides (a type change shows both types as the dialect spells them, a database
     * enum's new values both lists). Values added to a PostgreSQL enum type come first, as statements
     * that {@link SchemaDiff#apply} commits before the others; the type serves every column of it.
     */
    record AlterColumn(Table target, Column<?> current, Column<?> column, List<String> changes, Safety safety) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public String describe() {
            return "alter column " + target.name() + "." + column.name() + ": " + String.join(", ", changes);
        }

        @Override
        public List<String> sql(Dialect dialect) {
            List<String> out = new ArrayList<>(dialect.ddl().enumAdditions(target, current, column));
            out.addAll(dialect.ddl().alterColumn(target, current, column));
            return out;
        }

        /**
         * The values of the column's database enum that the change removes, which rows may still hold;
         * empty when the column is no database enum before and after, or keeps every value.
         */
        public List<String> removedValues() {
            if (current.type() instanceof dev.ashlar.core.types.DatabaseEnumType from
                    && column.type() instanceof dev.ashlar.core.types.DatabaseEnumType to) {
                return from.values().stream().filter(v -> !to.values().contains(v)).toList();
            }
            return List.of();
        }
    }

    /** A column whose comment changes. */
    record SetColumnComment(Table target, Column<?> column) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return Safety.SAFE;
        }

        @Override
        public String describe() {
            return "comment on column " + target.name() + "." + column.name() + ": " + column.comment();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return dialect.ddl().setColumnComment(target, column);
        }
    }

    /** A table whose comment changes. */
    record SetTableComment(Table target) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return Safety.SAFE;
        }

        @Override
        public String describe() {
            return "comment on table " + target.name() + ": " + target.comment();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return dialect.ddl().setTableComment(target, target.comment());
        }
    }

    /** A primary key that changes columns (or appears, or goes). */
    record AlterPrimaryKey(Table current, Table target) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return target.primaryKey().isEmpty() ? Safety.DESTRUCTIVE : Safety.DATA_DEPENDENT;
        }

        @Override
        public String describe() {
            return "primary key of " + target.name() + ": " + names(current.primaryKey()) + " -> " + names(target.primaryKey());
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return dialect.ddl().alterPrimaryKey(current, target);
        }
    }

    /**
     * A table rebuilt as {@code target}, on databases that cannot alter it in place (SQLite): the
     * rows of shared columns are copied. {@code changes} are the changes that the rebuild performs.
     */
    record RebuildTable(Table current, Table target, List<SchemaChange> changes) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            Safety worst = Safety.SAFE;
            for (SchemaChange change : changes) {
                if (change.safety() == Safety.DESTRUCTIVE) {
                    return Safety.DESTRUCTIVE;
                }
                if (change.safety() == Safety.DATA_DEPENDENT) {
                    worst = Safety.DATA_DEPENDENT;
                }
            }
            return worst;
        }

        @Override
        public String describe() {
            return "rebuild table " + target.name() + " (" + String.join("; ", changes.stream().map(SchemaChange::describe).toList()) + ")";
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return dialect.ddl().rebuildTable(current, target);
        }
    }

    /** A foreign key to add; existing rows may not satisfy it. */
    record AddForeignKey(Table target, ForeignKey key) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return Safety.DATA_DEPENDENT;
        }

        @Override
        public String describe() {
            return "add foreign key " + key.name() + " " + target.name() + names(key.columns()) + " -> "
                    + key.referencedTable().name() + names(key.referenced());
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().addForeignKey(target, key));
        }
    }

    /** A foreign key to drop. */
    record DropForeignKey(Table current, ForeignKey key) implements SchemaChange {
        @Override
        public String table() {
            return current.name();
        }

        @Override
        public Safety safety() {
            return Safety.DESTRUCTIVE;
        }

        @Override
        public String describe() {
            return "drop foreign key " + key.name() + " on " + current.name();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().dropForeignKey(current, key));
        }
    }

    /** A unique constraint to add; existing rows may hold duplicates. */
    record AddUnique(Table target, UniqueConstraint unique) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return Safety.DATA_DEPENDENT;
        }

        @Override
        public String describe() {
            return "add unique " + unique.name() + " on " + target.name() + names(unique.columns());
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().addUnique(target, unique));
        }
    }

    /** A unique constraint to drop. */
    record DropUnique(Table current, UniqueConstraint unique) implements SchemaChange {
        @Override
        public String table() {
            return current.name();
        }

        @Override
        public Safety safety() {
            return Safety.DESTRUCTIVE;
        }

        @Override
        public String describe() {
            return "drop unique " + unique.name() + " on " + current.name();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().dropUnique(current, unique));
        }
    }

    /** A check to add; existing rows may fail it. */
    record AddCheck(Table target, CheckConstraint check) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return Safety.DATA_DEPENDENT;
        }

        @Override
        public String describe() {
            return "add check " + check.name() + " on " + target.name() + ": " + check.sql();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().addCheck(target, check));
        }
    }

    /** A check to drop. */
    record DropCheck(Table current, CheckConstraint check) implements SchemaChange {
        @Override
        public String table() {
            return current.name();
        }

        @Override
        public Safety safety() {
            return Safety.DESTRUCTIVE;
        }

        @Override
        public String describe() {
            return "drop check " + check.name() + " on " + current.name();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().dropCheck(current, check));
        }
    }

    /** An index to create; a unique one may meet duplicates. */
    record CreateIndex(Table target, Index index) implements SchemaChange {
        @Override
        public String table() {
            return target.name();
        }

        @Override
        public Safety safety() {
            return index.unique() ? Safety.DATA_DEPENDENT : Safety.SAFE;
        }

        @Override
        public String describe() {
            return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + target.name()
                    + (index.isExpressionIndex() ? index.expressions() : names(index.columns()));
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().createIndex(target, index));
        }
    }

    /** An index to drop; no data goes, though queries may slow down. */
    record DropIndex(Table current, Index index) implements SchemaChange {
        @Override
        public String table() {
            return current.name();
        }

        @Override
        public Safety safety() {
            return Safety.DESTRUCTIVE;
        }

        @Override
        public String describe() {
            return "drop index " + index.name() + " on " + current.name();
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().dropIndex(current, index));
        }
    }

    /** A table renamed as its author declared, keeping its rows, keys and indexes. */
    record RenameTable(String from, String to) implements SchemaChange {
        @Override
        public String table() {
            return to;
        }

        @Override
        public Safety safety() {
            return Safety.SAFE;
        }

        @Override
        public String describe() {
            return "rename table " + from + " to " + to;
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().renameTable(from, to));
        }
    }

    /** A column renamed as its author declared, keeping its values; {@code table} is the table's new name. */
    record RenameColumn(String table, String from, String to) implements SchemaChange {
        @Override
        public Safety safety() {
            return Safety.SAFE;
        }

        @Override
        public String describe() {
            return "rename column " + table + "." + from + " to " + to;
        }

        @Override
        public List<String> sql(Dialect dialect) {
            return List.of(dialect.ddl().renameColumn(table, from, to));
        }
    }

    private static String names(List<Column<?>> columns) {
        return columns.stream().map(Column::name).toList().toString();
    }
}
