package dev.ashlar.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code ashlar.*} properties of a Spring Boot application. */
@ConfigurationProperties("ashlar")
public class AshlarProperties {
    /** Log every statement through SLF4J logger {@code ashlar.engine} at INFO ({@code ashlar.echo}). */
    private boolean echo;
    /** Raise {@code NPlusOneException} at an N+1 pattern instead of logging a warning ({@code ashlar.strict-n-plus-one}). */
    private boolean strictNPlusOne;
    /** Packages scanned for {@code @Model} classes at startup ({@code ashlar.model-packages}). */
    private List<String> modelPackages = new ArrayList<>();
    /** Log queries at least this slow once per SQL with their plan's verdict ({@code ashlar.slow-query-threshold}, such as {@code 200ms}); off when unset. */
    private Duration slowQueryThreshold;

    public Duration getSlowQueryThreshold() {
        return slowQueryThreshold;
    }

    public void setSlowQueryThreshold(Duration slowQueryThreshold) {
        this.slowQueryThreshold = slowQueryThreshold;
    }

    public boolean isEcho() {
        return echo;
    }

    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    public boolean isStrictNPlusOne() {
        return strictNPlusOne;
    }

    public void setStrictNPlusOne(boolean strictNPlusOne) {
        this.strictNPlusOne = strictNPlusOne;
    }

    public List<String> getModelPackages() {
        return modelPackages;
    }

    public void setModelPackages(List<String> modelPackages) {
        this.modelPackages = modelPackages;
    }
}
