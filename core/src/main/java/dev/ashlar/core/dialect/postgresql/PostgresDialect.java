package dev.ashlar.core.dialect.postgresql;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.dialect.LexicalRules;
import dev.ashlar.core.dialect.IdentifierLimit;
import dev.ashlar.core.dialect.SessionLock;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.engine.IsolationLevel;
import dev.ashlar.core.explain.PlanReader;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;

/** PostgreSQL. Its SQLSTATEs are precise, so it uses the standard error mapping unchanged. */
public final class PostgresDialect extends Dialect {
    /** Registers the {@code postgresql} and {@code postgres} schemes. */
    public static final class Provider implements DialectProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("postgresql", "postgres");
        }

        @Override
        public String exampleUrl() {
            return "postgresql://user:password@localhost:5432/mydb";
        }

        @Override
        public Dialect create() {
            return new PostgresDialect();
        }

        @Override
        public boolean recognizes(DatabaseMetaData metadata) throws SQLException {
            return "PostgreSQL".equals(metadata.getDatabaseProductName());
        }
    }

    private final DdlCompiler ddl = new PostgresDdlCompiler(this);
    private final Optional<BulkInsert> copy = Optional.of(new PostgresCopy(this));

    /** {@code E'...'} escape strings, dollar-quoted strings and nested block comments. */
    private static final LexicalRules LEXICAL_RULES = new LexicalRules(false, false, true, true, true, false, "");

    @Override
    public LexicalRules lexicalRules() {
        return LEXICAL_RULES;
    }

    /** PostgreSQL keeps the first 63 bytes (NAMEDATALEN - 1) of a name and drops the rest without an error. */
    @Override
    public IdentifierLimit identifierLimit() {
        return LIMIT;
    }

    private static final IdentifierLimit LIMIT = new IdentifierLimit(63, IdentifierLimit.Unit.BYTES);

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public SqlCompiler newCompiler() {
        return new PostgresCompiler(this);
    }

    private final PostgresCatalogReader catalog = new PostgresCatalogReader();

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
        return new PostgresPlanReader();
    }

    @Override
    protected TypeCodecs newTypeCodecs() {
        return new PostgresTypeCodecs();
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        return "jdbc:postgresql://" + url.hostAndPort(5432) + "/" + (url.database() == null ? "postgres" : url.database());
    }

    @Override
    public String driverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    public String driverArtifact() {
        return "org.postgresql:postgresql";
    }

    /** Many-row inserts of plain values go as {@code COPY ... FROM STDIN}; see {@link PostgresCopy}. */
    @Override
    public Optional<BulkInsert> bulkInsert() {
        return copy;
    }

    /** pgjdbc fetches with a fetch size only through a portal, which lives inside a transaction. */
    @Override
    public boolean cursorsNeedTransaction() {
        return true;
    }

    @Override
    public void configurePool(HikariConfig config, EngineUrl url) {
        // Lets the driver turn a JDBC batch of inserts into multi-row INSERTs: far fewer round trips.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Sessions run in UTC, as on MariaDB, so that CURRENT_TIMESTAMP defaults of naive DateTime columns hold UTC
        // like the client-side defaults do, whatever the JVM's zone (the driver would otherwise send that zone).
        config.setConnectionInitSql(SET_UTC);
    }

    private static final String SET_UTC = "SET TIME ZONE 'UTC'";

    /**
     * Sets the session's time zone to UTC when it is not. The driver keeps the server's reported
     * {@code TimeZone} locally, so the check costs no round trip; a SET made inside a transaction
     * that is later rolled back is undone, so the check runs at every borrowing.
     */
    @Override
    public boolean prepareBorrowedConnection(java.sql.Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            String zone = connection.unwrap(PGConnection.class).getParameterStatus("TimeZone");
            if ("UTC".equals(zone) || "Etc/UTC".equals(zone)) {
                return false;
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute(SET_UTC);
        }
        return false;
    }

    @Override
    public SessionLock sessionLock() {
        return new PostgresSessionLock();
    }

    @Override
    public List<String> invalidIndexes(dev.ashlar.core.engine.Connection connection) {
        return connection.sql("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid AND n.nspname = current_schema() "
                + "ORDER BY c.relname", java.util.Map.of()).list().stream().map(r -> (String) r.get(0)).toList();
    }

    /** PostgreSQL's float8 keeps the sign of zero. */
    @Override
    public boolean keepsNegativeZero() {
        return true;
    }

    /** Json columns are JSONB: a parsed document, normalised. */
    @Override
    public boolean keepsJsonText() {
        return false;
    }

    /** READ UNCOMMITTED is accepted here but runs as READ COMMITTED, so it is not a level of its own. */
    @Override
    public Set<IsolationLevel> isolationLevels() {
        return EnumSet.of(IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ, IsolationLevel.SERIALIZABLE);
    }

    @Override
    public IsolationLevel defaultIsolationLevel() {
        return IsolationLevel.READ_COMMITTED;
    }

    /** {@code timestamp} reaches 294276 AD ({@code date} further still). */
    @Override
    public int latestYear() {
        return 294_276;
    }

    /** An unnamed primary key is named {@code <table>_pkey}. */
    @Override
    public String primaryKeyName(String table, String declared) {
        return declared != null ? declared : table + "_pkey";
    }

    @Override
    public boolean doubleColonCasts() {
        return true;
    }
}
