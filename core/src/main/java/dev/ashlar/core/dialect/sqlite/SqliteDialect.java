package dev.ashlar.core.dialect.sqlite;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.dialect.LexicalRules;
import dev.ashlar.core.dialect.ErrorTranslation;
import dev.ashlar.core.dialect.ErrorTranslation.Kind;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.explain.PlanReader;
import dev.ashlar.core.error.DatabaseException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
        // SQLite has one writer at a time: a small pool avoids piling up SQLITE_BUSY waits.
        config.setMaximumPoolSize(Math.min(config.getMaximumPoolSize(), 4));
    }

    @Override
    public AutoCloseable keepAlive(String jdbcUrl) throws SQLException {
        return jdbcUrl.contains("mode=memory") ? DriverManager.getConnection(jdbcUrl) : null;
    }

    @Override
    public boolean supportsInsertReturning() {
        return true; // SQLite 3.35+; sqlite-jdbc bundles a newer one
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
            case SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, SQLITE_LOCKED, SQLITE_LOCKED_SHAREDCACHE,
                 SQLITE_INTERRUPT -> Kind.TIMEOUT;
            case SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_READONLY -> Kind.CONNECTION;
            case SQLITE_ERROR -> message.contains("no such table") ? Kind.UNDEFINED_TABLE
                    : message.contains("syntax error") || message.contains("incomplete input") ? Kind.SYNTAX
                    : Kind.PROGRAMMING;
            default -> Kind.OTHER;
        };
    }
}
