package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.Column;
import dev.ashlar.core.schema.UniqueConstraint;
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
    public boolean supportsPartialIndexes() {
        return false;
    }

    /** MariaDB 10.11 indexes columns (or generated columns), not expressions. */
    @Override
    public boolean supportsExpressionIndexes() {
        return false;
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
    public String dropIndex(Table table, Index index) {
        return "DROP INDEX " + q(index.name()) + " ON " + q(table.name());
    }

    /** DATETIME(6) defaults need a matching precision. */
    @Override
    protected String currentTimestamp() {
        return "CURRENT_TIMESTAMP(6)";
    }

    @Override
    protected String literal(Object value) {
        return value instanceof Boolean b ? (b ? "1" : "0") : super.literal(value);
    }
}
