package dev.ashlar.core.dialect.mariadb;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.schema.Column;
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
    protected String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";
    }

    @Override
    public String dropForeignKey(Table table, ForeignKey fk) {
        return "ALTER TABLE " + q(table.name()) + " DROP FOREIGN KEY " + q(fk.name());
    }

    @Override
    public String dropIndex(String table, String name) {
        return "DROP INDEX " + q(name) + " ON " + q(table);
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

    /** MariaDB changes a column by restating it whole: MODIFY COLUMN with the new type, nullability and default. */
    @Override
    public java.util.List<String> alterColumn(String table, Column<?> from, Column<?> to) {
        return java.util.List.of("ALTER TABLE " + q(table) + " MODIFY COLUMN " + columnDefinition(to));
    }

    /** A unique constraint is an index in MariaDB, and a foreign key has its own clause. */
    @Override
    public String dropConstraint(String table, String name, ConstraintKind kind) {
        return switch (kind) {
            case UNIQUE -> "ALTER TABLE " + q(table) + " DROP INDEX " + q(name);
            case FOREIGN_KEY -> "ALTER TABLE " + q(table) + " DROP FOREIGN KEY " + q(name);
            case CHECK -> "ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(name);
        };
    }
}
