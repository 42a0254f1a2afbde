package dev.ashlar.spring;

import dev.ashlar.core.engine.Connection;
import dev.ashlar.core.engine.Engine;
import java.sql.DatabaseMetaData;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Actuator health for Ashlar's engine: up when a round trip to the database succeeds, with the database and dialect. */
public final class AshlarHealthIndicator extends AbstractHealthIndicator {
    private final Engine engine;

    public AshlarHealthIndicator(Engine engine) {
        super("Ashlar health check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Connection conn = engine.connect()) {
            conn.sql("SELECT 1", Map.of()).one();
            DatabaseMetaData meta = conn.jdbc().getMetaData();
            builder.up()
                    .withDetail("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion())
                    .withDetail("dialect", engine.dialect().name());
        }
    }
}
