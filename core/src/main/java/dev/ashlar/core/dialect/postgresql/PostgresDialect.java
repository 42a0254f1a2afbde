package dev.ashlar.core.dialect.postgresql;

import com.zaxxer.hikari.HikariConfig;
import dev.ashlar.core.dialect.BulkInsert;
import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.dialect.IdentifierLimit;
import dev.ashlar.core.dialect.SqlCompiler;
import dev.ashlar.core.dialect.TypeCodecs;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.explain.PlanReader;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL. Its SQLSTATEs are precise, so it uses the standard error mapping unchanged. */
public final class PostgresDialect extends Dialect {
    /** Registers the {@code postgresql} and {@code postgres} schemes. */
    public static final class Provider implements DialectProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("postgresql", "postgres");
        }

        @Override
        public Dialect create() {
            return new PostgresDialect();
        }
    }

    private final DdlCompiler ddl = new PostgresDdlCompiler(this);
    private final Optional<BulkInsert> copy = Optional.of(new PostgresCopy(this));

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
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    }
}
