package dev.ashlar.core.compliance;

import dev.ashlar.core.dialect.DdlCompiler;
import dev.ashlar.core.dialect.Dialect;
import dev.ashlar.core.dialect.DialectProvider;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.explain.PlanReader;
import java.util.Set;

/** A test dialect (scheme {@code nodriver}) whose JDBC driver is not on the classpath. */
public final class MissingDriverDialect extends Dialect {
    /** Registers the {@code nodriver} scheme, through the test classpath's META-INF/services. */
    public static final class Provider implements DialectProvider {
        @Override
        public Set<String> schemes() {
            return Set.of("nodriver");
        }

        @Override
        public Dialect create() {
            return new MissingDriverDialect();
        }
    }

    @Override
    public String name() {
        return "nodriver";
    }

    @Override
    public DdlCompiler ddl() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PlanReader planReader() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String jdbcUrl(EngineUrl url) {
        return "jdbc:nodriver://" + url.hostAndPort(1);
    }

    @Override
    public String driverClassName() {
        return "com.example.nodriver.Driver";
    }

    @Override
    public String driverArtifact() {
        return "com.example:nodriver-jdbc";
    }
}
