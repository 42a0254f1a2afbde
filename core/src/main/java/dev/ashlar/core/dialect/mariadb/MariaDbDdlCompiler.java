package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.UniqueConstraint;
import dev.ashlar.core.types.FractionalSeconds;
import dev.ashlar.core.types.SqlType;
import java.util.List;
import dev.ashlar.core.schema.ForeignKey;
import dev.ashlar.core.schema.Index;
import dev.ashlar.core.schema.Table;

/** MariaDB's DDL: AUTO_INCREMENT, DROP FOREIGN KEY, indexes dropped per table, InnoDB with binary UTF-8. */
class MariaDbDdlCompiler extends DdlCompiler {
    MariaDbDdlCompiler(Dialect dialect) {
        super(dialect, new MariaDbTypeCompiler());
    }

    @Override
    protected String autoincrementClause(Column<?> column) {
        return "AUTO_INCREMENT";
    }

    /**
     * Binary, no-pad collation: string comparison is exact and case-sensitive, and trailing spaces
     * count, as on PostgreSQL and SQLite.
     */
    @Override
    protected String tableOptions(Table table) {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"
                + (table.comment() == null ? "" : " COMMENT=" + dialect.stringLiteral(table.comment()));
    }

    @Override
    protected String inlineComment(Column<?> column) {
        return column.comment() == null ? "" : " COMMENT " + dialect.stringLiteral(column.comment());
    }

    @Override
    public boolean uniqueConstraintsAreIndexes() {
        return true;
    }

    /** MariaDB restates the whole column: type, default, nullability, autoincrement and comment at once. */
    @Override
    public List<String> alterColumn(Table table, Column<?> current, Column<?> target) {
        return List.of("ALTER TABLE " + q(table.name()) + " MODIFY COLUMN " + columnDefinition(target));
    }

    @Override
    public List<String> alterPrimaryKey(Table current, Table target) {
        List<String> out = new java.util.ArrayList<>();
        if (!current.primaryKey().isEmpty()) {
            out.add("ALTER TABLE " + q(current.name()) + " DROP PRIMARY KEY");
        }
        if (!target.primaryKey().isEmpty()) {
            out.add("ALTER TABLE " + q(target.name()) + " ADD " + primaryKeyClause(target));
        }
        return out;
    }

    /** MariaDB's LENGTH counts bytes, and the catalog names it for what it is. */
    @Override
    public String storedExpression(String sql) {
        return sql.replaceAll("(?i)(?<![a-z_])length\\s*\\(", "octet_length(");
    }

    /** InnoDB checks NO ACTION immediately, exactly as RESTRICT. */
    @Override
    public dev.ashlar.core.schema.ReferentialAction effectiveAction(dev.ashlar.core.schema.ReferentialAction action) {
        return action == dev.ashlar.core.schema.ReferentialAction.RESTRICT ? dev.ashlar.core.schema.ReferentialAction.NO_ACTION : action;
    }

    @Override
    public String dropUnique(Table table, UniqueConstraint unique) {
        return "ALTER TABLE " + q(table.name()) + " DROP INDEX " + q(unique.name());
    }

    @Override
    public List<String> setTableComment(Table table, String comment) {
        return List.of("ALTER TABLE " + q(table.name()) + " COMMENT = " + dialect.stringLiteral(comment == null ? "" : comment));
    }

    @Override
    public List<String> setColumnComment(Table table, Column<?> column) {
        return List.of("ALTER TABLE " + q(table.name()) + " MODIFY COLUMN " + columnDefinition(column));
    }

    @Override
    public String dropForeignKey(Table table, ForeignKey fk) {
        return "ALTER TABLE " + q(table.name()) + " DROP FOREIGN KEY " + q(fk.name());
    }

    @Override
    public String dropIndex(String table, String name) {
        return "DROP INDEX " + q(name) + " ON " + q(table);
    }

    /**
     * A DATETIME(p) default needs the same precision, {@code CURRENT_TIMESTAMP(p)} (MariaDB refuses
     * any other), which cuts the clock to p digits; columns of other types get six.
     */
    @Override
    protected String currentTimestamp(SqlType<?> type) {
        int precision = type instanceof FractionalSeconds f ? f.precision() : FractionalSeconds.DEFAULT_PRECISION;
        return "CURRENT_TIMESTAMP(" + precision + ")";
    }

    @Override
    protected String literal(Object value) {
        return value instanceof Boolean b ? (b ? "1" : "0") : super.literal(value);
    }

    /**
     * InnoDB adds and drops columns instantly, builds indexes in place without blocking writes, and
     * widens a VARCHAR in place while its length prefix stays one byte (up to 255 bytes, 63 utf8mb4
     * characters) or was already two. Other type changes, and adding a CHECK or a foreign key with
     * checks on, copy the table (ALGORITHM=COPY), and writes wait.
     */
    @Override
    public dev.ashlar.core.dialect.DdlEffect effect(dev.ashlar.core.dialect.DdlEffect.Change change, String table, Column<?> from,
                                                   Column<?> to) {
        return switch (change) {
            case ADD_COLUMN, DROP_COLUMN -> dev.ashlar.core.dialect.DdlEffect.metadataOnly("instant in InnoDB");
            case CREATE_INDEX, CREATE_INDEX_ONLINE, ADD_UNIQUE -> dev.ashlar.core.dialect.DdlEffect.metadataOnly(
                    "builds the index in place; writes continue (LOCK=NONE)");
            case SET_NOT_NULL -> dev.ashlar.core.dialect.DdlEffect.rewrites("rebuilds table " + table
                    + " in place (ALGORITHM=INPLACE): every row is copied and checked, writes continue");
            case ALTER_COLUMN_TYPE -> appendsEnumValues(from, to)
                    ? dev.ashlar.core.dialect.DdlEffect.metadataOnly("adds values at the end of the ENUM of " + table + "." + to.name()
                    + " in place (instant): the stored numbers of the old values stay")
                    : widensInPlace(from, to)
                    ? dev.ashlar.core.dialect.DdlEffect.metadataOnly("widens " + table + "." + to.name() + " in place")
                    : dev.ashlar.core.dialect.DdlEffect.rewrites("copies table " + table + " (ALGORITHM=COPY): writes wait until every row is copied");
            case ADD_CHECK, ADD_FOREIGN_KEY -> dev.ashlar.core.dialect.DdlEffect.rewrites("copies table " + table
                    + " (ALGORITHM=COPY) to check every row: writes wait");
            default -> super.effect(change, table, from, to);
        };
    }

    /** An ENUM that keeps its values in their places and gains some after them, still stored in one byte (up to 255 values). */
    private static boolean appendsEnumValues(Column<?> from, Column<?> to) {
        return from != null && to != null && from.type() instanceof dev.ashlar.core.types.DatabaseEnumType a
                && to.type() instanceof dev.ashlar.core.types.DatabaseEnumType b && b.values().size() <= 255
                && b.values().size() > a.values().size() && b.values().subList(0, a.values().size()).equals(a.values());
    }

    private static boolean widensInPlace(Column<?> from, Column<?> to) {
        if (from == null || to == null) {
            return false;
        }
        if (from.type() instanceof dev.ashlar.core.types.StringType a && to.type() instanceof dev.ashlar.core.types.StringType b
                && a.length().isPresent() && b.length().isPresent() && b.length().getAsInt() >= a.length().getAsInt()) {
            int oldBytes = a.length().getAsInt() * 4;
            int newBytes = b.length().getAsInt() * 4;
            return oldBytes > 255 || newBytes <= 255;
        }
        return false;
    }
}
