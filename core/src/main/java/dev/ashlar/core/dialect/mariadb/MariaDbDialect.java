package dev.ashlar.core.dialect.mariadb;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Feature;
import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.dialect.LexicalRules;
import dev.ashlar.core.dialect.SessionLock;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.dialect.ErrorTranslation;
import dev.ashlar.core.dialect.IdentifierLimit;
import dev.ashlar.core.dialect.ErrorTranslation.Kind;
import dev.ashlar.core.dialect.Padding;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.engine.IsolationLevel;
import dev.ashlar.core.explain.PlanReader;
import dev.ashlar.core.error.DatabaseException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * MariaDB 10.5 or later (and MySQL through the same URL schemes, where the features used exist).
 * Sessions run in strict mode, in UTC, with {@code ||} as string concatenation, so that they
 * behave like the other databases.
 */
public final class MariaDbDialect extends Dialect {
    /** The session settings every pooled connection starts with. */
    static final String SESSION_SETUP = "SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
            + "NO_ENGINE_SUBSTITUTION,NO_ZERO_DATE,NO_ZERO_IN_DATE,PIPES_AS_CONCAT', time_zone = '+00:00'";

    /** Registers the {@code mariadb} and {@code mysql} schemes. */
    public static final class Provider implements DialectProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("mariadb", "mysql");
        }

        @Override
        public String exampleUrl() {
            return "mariadb://user:password@localhost:3306/mydb";
        }

        @Override
        public Dialect create() {
            return new MariaDbDialect();
        }

        /** MariaDB, and MySQL (which answers to the same schemes). */
        @Override
        public boolean recognizes(DatabaseMetaData metadata) throws SQLException {
            String product = metadata.getDatabaseProductName();
            return "MariaDB".equals(product) || "MySQL".equals(product);
        }
    }

    private final DdlCompiler ddl = new MariaDbDdlCompiler(this);

    /**
     * Backslash escapes in {@code '...'} and {@code "..."} strings (the default sql_mode, without
     * NO_BACKSLASH_ESCAPES or ANSI_QUOTES), backtick identifiers and {@code #} comments.
     */
    private static final LexicalRules LEXICAL_RULES = new LexicalRules(true, true, false, false, false, true, "`");

    @Override
    public LexicalRules lexicalRules() {
        return LEXICAL_RULES;
    }

    /** MariaDB counts 64 characters for table, column, index and constraint names. */
    @Override
    public IdentifierLimit identifierLimit() {
        return LIMIT;
    }

    private static final IdentifierLimit LIMIT = new IdentifierLimit(64, IdentifierLimit.Unit.CHARACTERS);

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public SqlCompiler newCompiler() {
        return new MariaDbCompiler(this);
    }

    private final MariaDbCatalogReader catalog = new MariaDbCatalogReader();

    @Override
    public dev.ashlar.core.reflect.CatalogReader catalog() {
        return catalog;
    }

    @Override
    public DdlCompiler ddl() {
        return ddl;
    }

    @Override
    public PlanReader planReader() {
        return new MariaDbPlanReader();
    }

    @Override
    protected TypeCodecs newTypeCodecs() {
        return new MariaDbTypeCodecs();
    }

    @Override
    protected String quote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** Backslash is an escape character in MariaDB string literals by default, so it is doubled too. */
    @Override
    public String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * MariaDB returns rows from INSERT and DELETE (10.5+), not from UPDATE; it has no FULL JOIN, and
     * its indexes take neither a WHERE predicate nor an expression as key.
     */
    @Override
    public Set<Feature> lacks() {
        return LACKS;
    }

    /** Made once: {@link #lacks()} is asked on every statement that could use a feature. */
    private static final Set<Feature> LACKS =
            Set.of(Feature.UPDATE_RETURNING, Feature.FULL_JOIN, Feature.PARTIAL_INDEXES, Feature.EXPRESSION_INDEXES);

    @Override
    public String analyzeSql(String table) {
        return "ANALYZE TABLE " + quoteIdentifier(table);
    }

    @Override
    public String emptyInsertValues() {
        return "() VALUES ()";
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        return "jdbc:mariadb://" + url.hostAndPort(3306) + "/" + (url.database() == null ? "" : url.database());
    }

    @Override
    public String driverClassName() {
        return "org.mariadb.jdbc.Driver";
    }

    @Override
    public String driverArtifact() {
        return "org.mariadb.jdbc:mariadb-java-client";
    }

    @Override
    public void configurePool(HikariConfig config, EngineUrl url) {
        config.setConnectionInitSql(SESSION_SETUP);
        // Batched INSERTs go out as one COM_STMT_BULK_EXECUTE (the Connector/J 3 default, stated here
        // on purpose); UPDATE and DELETE batches stay per statement so their update counts are exact.
        config.addDataSourceProperty("useBulkStmtsForInserts", "true");
    }

    /** The session settings of {@link #SESSION_SETUP}; MariaDB's SET is not transactional, so once per connection lasts. */
    @Override
    public boolean prepareBorrowedConnection(java.sql.Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SESSION_SETUP);
        }
        return true;
    }

    /** MariaDB reports a wrong password and an unknown database by error number; SQLSTATEs 28000 and 42000 are shared. */
    @Override
    public String connectFailureHint(SQLException e, EngineUrl url) {
        return switch (e.getErrorCode()) {
            case 1045 -> "check the user name and password in the URL, and that this user may connect from this host";
            case 1044 -> "grant the user access to the database in the URL, or use a user that has it";
            case 1049 -> "check the database name in the URL: it must exist on the server (create it first)";
            default -> super.connectFailureHint(e, url);
        };
    }

    @Override
    public DatabaseException translate(SQLException e, String sql, List<Object> parameters) {
        Kind kind = kindOf(e.getErrorCode());
        return kind == null ? super.translate(e, sql, parameters) : ErrorTranslation.of(kind, e, sql, parameters);
    }

    // MariaDB reports SQLSTATE 23000 for every integrity error; its error numbers tell them apart.
    private static Kind kindOf(int code) {
        return switch (code) {
            case 1062, 1586 -> Kind.UNIQUE;
            case 1216, 1217, 1451, 1452 -> Kind.FOREIGN_KEY;
            case 1048, 1364 -> Kind.NOT_NULL;
            case 4025, 3819 -> Kind.CHECK;
            case 1406 -> Kind.TOO_LONG;
            case 1264, 1690 -> Kind.OUT_OF_RANGE;
            case 1292, 1366, 1265, 4078, 1300 -> Kind.DATA; // 1300: invalid character string for the column's charset
            case 1213 -> Kind.DEADLOCK;
            case 1205, 1969, 3024 -> Kind.TIMEOUT;
            case 1064, 1149 -> Kind.SYNTAX;
            case 1146 -> Kind.UNDEFINED_TABLE;
            // 1005: can't create table (a bad foreign key, errno 150); 1059, 1103: identifier too long
            case 1054, 1050, 1051, 1091, 1005, 1059, 1103 -> Kind.PROGRAMMING;
            // 1927: connection killed; 1053: server shutting down; 4031: disconnected for inactivity
            case 1045, 1044, 1049, 2002, 2003, 2006, 2013, 1927, 1053, 4031 -> Kind.CONNECTION;
            default -> null;
        };
    }

    @Override
    public SessionLock sessionLock() {
        return new MariaDbSessionLock();
    }

    /** MariaDB commits implicitly around every DDL statement, so a migration journals each step instead. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** InnoDB's SERIALIZABLE reads with shared locks: conflicting writers wait, and a cycle of waits is a deadlock. */
    @Override
    public boolean serializableByLocking() {
        return true;
    }

    /**
     * MariaDB difference: {@code ALTER TABLE ... MODIFY COLUMN} silently drops a CHECK written inside
     * the column's definition (reported at level {@code Column}, named after the column), except the
     * {@code json_valid} check of a JSON column, which MariaDB adds again itself. Each is re-added as a
     * table constraint of the same name and condition.
     */
    @Override
    public List<String> restoredAfterAlter(dev.ashlar.core.engine.Connection connection, String table, String column) {
        return connection.sql("SELECT constraint_name, check_clause FROM information_schema.check_constraints"
                + " WHERE constraint_schema = DATABASE() AND BINARY table_name = BINARY :t AND level = 'Column'"
                + " AND BINARY constraint_name = BINARY :c"
                + " AND check_clause <> CONCAT('json_valid(`', REPLACE(constraint_name, '`', '``'), '`)')",
                java.util.Map.of("t", table, "c", column)).list().stream()
                .map(r -> "ALTER TABLE " + quoteIdentifier(table) + " ADD CONSTRAINT " + quoteIdentifier((String) r.get(0))
                        + " CHECK (" + r.get(1) + ")").toList();
    }

    @Override
    public IsolationLevel defaultIsolationLevel() {
        return IsolationLevel.REPEATABLE_READ;
    }

    /** CHAR columns lose their trailing spaces when read (the server runs without PAD_CHAR_TO_FULL_LENGTH). */
    @Override
    public Padding fixedStringPadding() {
        return Padding.STRIPPED;
    }

    /** Every primary key is called {@code PRIMARY}, whatever the DDL named it. */
    @Override
    public String primaryKeyName(String table, String declared) {
        return "PRIMARY";
    }
}
