package dev.ashlar.spring;

import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineOptions;
import dev.ashlar.core.engine.ExecutionListener;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.schema.MetaData;
import dev.ashlar.declarative.Model;
import dev.ashlar.declarative.ModelRegistry;
import dev.ashlar.orm.SessionOptions;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Makes an Ashlar {@link Engine} over the application's {@link DataSource} (Spring Boot's, from
 * {@code spring.datasource.*}), whose connections join Spring-managed transactions; an
 * {@link AshlarSessions} with the {@code ashlar.*} options; and, with Actuator, a health indicator
 * named {@code ashlar}. Every {@link ExecutionListener} bean (metrics, traces) is told about every
 * statement. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Engine.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AshlarProperties.class)
public class AshlarAutoConfiguration {
    /**
     * The engine. Closing it (when the context closes) leaves Spring's data source open: Spring
     * closes that itself.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Engine ashlarEngine(DataSource dataSource, AshlarProperties properties, ObjectProvider<ExecutionListener> listeners) {
        EngineOptions options = EngineOptions.defaults().echo(properties.isEcho()).managedTransactions(SpringDataSource::isManaged)
                .slowQueryThreshold(properties.getSlowQueryThreshold());
        for (ExecutionListener listener : listeners.orderedStream().toList()) {
            options = options.listener(listener);
        }
        return Engine.create(new SpringDataSource(dataSource), options);
    }

    /** Session options: strict N+1 from {@code ashlar.strict-n-plus-one}, the models found in {@code ashlar.model-packages}. */
    @Bean
    @ConditionalOnMissingBean
    public SessionOptions ashlarSessionOptions(AshlarProperties properties) {
        SessionOptions options = SessionOptions.defaults().strict(properties.isStrictNPlusOne());
        if (properties.getModelPackages().isEmpty()) {
            return options;
        }
        ModelRegistry registry = new ModelRegistry(new MetaData());
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Model.class));
        for (String pkg : properties.getModelPackages()) {
            for (BeanDefinition found : scanner.findCandidateComponents(pkg)) {
                try {
                    registry.of(ClassUtils.forName(found.getBeanClassName(), getClass().getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new ConfigurationException("the model class " + found.getBeanClassName() + " found in " + pkg
                            + " (ashlar.model-packages) cannot be loaded", e);
                }
            }
        }
        return options.registry(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    public AshlarSessions ashlarSessions(Engine engine, SessionOptions options) {
        return new AshlarSessions(engine, options);
    }

    /** The {@code ashlar} health contributor, when Actuator is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean(name = "ashlarHealthIndicator")
        @ConditionalOnMissingBean(name = "ashlarHealthIndicator")
        AshlarHealthIndicator ashlarHealthIndicator(Engine engine) {
            return new AshlarHealthIndicator(engine);
        }
    }
}
