package dev.ashlar.core.dialect.sqlite;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.Feature;
import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.dialect.LexicalRules;
import dev.ashlar.core.dialect.ErrorTranslation;
import dev.ashlar.core.dialect.ErrorTranslation.Kind;
import dev.ashlar.core.dialect.Padding;
import dev.ashlar.core.dialect.SessionLock;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.dialect.StatementCaching;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.engine.IsolationLevel;
import dev.ashlar.core.explain.PlanReader;
import dev.ashlar.core.error.DatabaseException;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite, the embedded default. Files run in WAL mode with a busy timeout and foreign keys on.
 * {@code sqlite://} is an in-memory database shared by all of the engine's connections (a named
 * shared-cache database kept alive by one connection the engine holds).
 */
public final class SqliteDialect extends Dialect {
    /** Milliseconds a connection waits for a lock before SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final AtomicLong MEMORY_DATABASES = new AtomicLong();

    /** Registers the {@code sqlite} scheme. */
    public static final class Provider implements DialectProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("sqlite");
        }

        /** {@code sqlite:///relative.db}, {@code sqlite:////absolute.db}, {@code sqlite://} in memory. */
        @Override
        public boolean urlsNameFiles() {
            return true;
        }

        @Override
        public String exampleUrl() {
            return "sqlite:///items.db";
        }

        @Override
        public Dialect create() {
            return new SqliteDialect();
        }

        @Override
        public boolean recognizes(DatabaseMetaData metadata) throws SQLException {
            return "SQLite".equals(metadata.getDatabaseProductName());
        }
    }

    private final DdlCompiler ddl = new SqliteDdlCompiler(this);

    /** Besides {@code "..."}, SQLite takes {@code `...`} and {@code [...]} as quoted identifiers. */
    private static final LexicalRules LEXICAL_RULES = new LexicalRules(false, false, false, false, false, false, "`[");

    @Override
    public LexicalRules lexicalRules() {
        return LEXICAL_RULES;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public SqlCompiler newCompiler() {
        return new SqliteCompiler(this);
    }

    private final SqliteCatalogReader catalog = new SqliteCatalogReader();

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
        return new SqlitePlanReader();
    }

    @Override
    protected TypeCodecs newTypeCodecs() {
        return new SqliteTypeCodecs();
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        if (url.database() == null) {
            return "jdbc:sqlite:file:ashlar-memory-" + ProcessHandle.current().pid() + "-" + MEMORY_DATABASES.incrementAndGet()
                    + "?mode=memory&cache=shared";
        }
        return "jdbc:sqlite:" + url.database();
    }

    @Override
    public String driverClassName() {
        return "org.sqlite.JDBC";
    }

    @Override
    public String driverArtifact() {
        return "org.xerial:sqlite-jdbc";
    }

    /**
     * Ashlar's: sqlite-jdbc keeps no statements and compiles the SQL again on every prepare, about
     * 40% of the CPU of a lookup by key (bench/NOTES.md, "Statement caching"). Kept across
     * borrowings on the driver's connection, out of the pool's sight; SQLite's errors carry no SQLSTATE
     * the pool would act on anyway, and its connection is a file handle in the process, not a session
     * that a server or network can end.
     */
    @Override
    public StatementCaching statementCaching() {
        return StatementCaching.ASHLAR;
    }

    @Override
    public void configurePool(HikariConfig config, EngineUrl url) {
        boolean memory = url.database() == null;
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
        if (!memory) {
            // WAL lets readers run while one connection writes; NORMAL sync is safe in WAL mode.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
        }
        // LIKE is case-sensitive on every database; SQLite's default ignores ASCII case.
        config.addDataSourceProperty("case_sensitive_like", "true");
        // SQLite has one writer at a time: a small pool avoids piling up SQLITE_BUSY waits.
        config.setMaximumPoolSize(Math.min(config.getMaximumPoolSize(), 4));
        // Connections come through a data source that registers Ashlar's functions (ilike) on each.
        // The pool's own properties, not a copy: the URL's options and driver properties are added after this.
        config.setDataSource(SqliteFunctions.dataSource(config.getJdbcUrl(), config.getDataSourceProperties()));
    }

    /**
     * The pragmas of {@link #configurePool}, on a connection from a caller's data source: the busy
     * timeout always; foreign keys, WAL (kept in the file, so set once) and NORMAL sync when the
     * connection is in autocommit. SQLite ignores {@code PRAGMA foreign_keys} inside a transaction, so
     * a connection first borrowed inside one (a Spring {@code @Transactional} method) is checked, a
     * warning names the fix when its foreign keys are off, and the setup is tried again at its next
     * borrowing.
     */
    @Override
    public boolean prepareBorrowedConnection(java.sql.Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            if (connection.getAutoCommit()) {
                s.execute("PRAGMA foreign_keys = ON");
                String mode = pragma(s, "journal_mode");
                if (!"wal".equalsIgnoreCase(mode) && !"memory".equalsIgnoreCase(mode)) {
                    s.execute("PRAGMA journal_mode = WAL");
                }
                if (!"memory".equalsIgnoreCase(mode)) {
                    s.execute("PRAGMA synchronous = NORMAL");
                }
                return true;
            }
            if ("0".equals(pragma(s, "foreign_keys")) && FOREIGN_KEYS_WARNED.compareAndSet(false, true)) {
                LoggerFactory.getLogger(SqliteDialect.class).warn("a SQLite connection from the application's DataSource "
                        + "reached Ashlar inside a transaction with foreign keys off, and SQLite cannot turn them on inside a "
                        + "transaction: foreign keys are not enforced on it. Turn them on in the DataSource: "
                        + "jdbc:sqlite:<file>?foreign_keys=on (or the driver property foreign_keys=true)");
            }
            return false;
        }
    }

    private static final AtomicBoolean FOREIGN_KEYS_WARNED = new AtomicBoolean();

    private static String pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public AutoCloseable keepAlive(String jdbcUrl) throws SQLException {
        return jdbcUrl.contains("mode=memory") ? DriverManager.getConnection(jdbcUrl) : null;
    }

    /**
     * SQLite cannot change an existing table's constraints or columns with ALTER TABLE; it rebuilds
     * the table ({@link #tableRebuild()}). RETURNING (3.35+) and FULL JOIN (3.39+) it has: sqlite-jdbc
     * bundles a newer SQLite.
     */
    @Override
    public Set<Feature> lacks() {
        return LACKS;
    }

    /** Made once: {@link #lacks()} is asked on every statement that could use a feature. */
    private static final Set<Feature> LACKS = Set.of(Feature.ALTER_CONSTRAINTS);

    /** SQLite's column types are affinities: {@code VARCHAR(n)} stores a longer value as given. */
    @Override
    public boolean enforcesStringLengths() {
        return false;
    }

    /** SQLite limits only waits for another connection's lock (the busy timeout), never a running statement. */
    @Override
    public boolean supportsStatementTimeouts() {
        return false;
    }

    /** SQLite has no server or account: a file that cannot be opened is the only failure. */
    @Override
    public String connectFailureHint(SQLException e, EngineUrl url) {
        return "check that the database file's directory exists and that this process may read and write there";
    }

    @Override
    public DatabaseException translate(SQLException e, String sql, List<Object> parameters) {
        if (!(e instanceof SQLiteException se)) {
            return super.translate(e, sql, parameters);
        }
        return ErrorTranslation.of(kindOf(se.getResultCode(), String.valueOf(e.getMessage())), e, sql, parameters);
    }

    // SQLite has no SQLSTATEs: its extended result codes say what failed.
    private static Kind kindOf(SQLiteErrorCode code, String message) {
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_ROWID -> Kind.UNIQUE;
            case SQLITE_CONSTRAINT_FOREIGNKEY -> Kind.FOREIGN_KEY;
            case SQLITE_CONSTRAINT_NOTNULL -> Kind.NOT_NULL;
            case SQLITE_CONSTRAINT_CHECK -> Kind.CHECK;
            // ON DELETE/UPDATE RESTRICT is checked by an internal trigger, so its violations arrive under the trigger code
            case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_TRIGGER -> message.contains("FOREIGN KEY constraint failed")
                    ? Kind.FOREIGN_KEY : Kind.INTEGRITY;
            case SQLITE_TOOBIG -> Kind.TOO_LONG;
            case SQLITE_MISMATCH, SQLITE_RANGE -> Kind.DATA;
            // a transaction whose snapshot another connection has written past cannot write: retry it, waiting will not help
            case SQLITE_BUSY_SNAPSHOT -> Kind.SERIALIZATION;
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_LOCKED, SQLITE_LOCKED_SHAREDCACHE,
                 SQLITE_INTERRUPT -> Kind.TIMEOUT;
            case SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_READONLY -> Kind.CONNECTION;
            case SQLITE_ERROR -> message.contains("no such table") ? Kind.UNDEFINED_TABLE
                    : message.contains("syntax error") || message.contains("incomplete input") ? Kind.SYNTAX
                    : Kind.PROGRAMMING;
            default -> Kind.OTHER;
        };
    }

    @Override
    public SessionLock sessionLock() {
        return new SqliteSessionLock();
    }

    @Override
    public java.util.Optional<dev.ashlar.core.dialect.TableRebuild> tableRebuild() {
        return java.util.Optional.of(new SqliteTableRebuild(this));
    }

    /** SQLite runs every transaction SERIALIZABLE; its READ UNCOMMITTED applies to shared-cache connections only. */
    @Override
    public Set<IsolationLevel> isolationLevels() {
        return EnumSet.of(IsolationLevel.SERIALIZABLE);
    }

    /** SQLite keeps text as given, trailing spaces included; Ashlar cuts spaces beyond n, as the servers do. */
    @Override
    public Padding fixedStringPadding() {
        return Padding.KEPT;
    }
}
