package dev.ashlar.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.ddl.SchemaDdl;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.spring.sample.NoteService;
import dev.ashlar.testkit.AllDatabases;
import dev.ashlar.testkit.TestDatabase;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real Spring Boot application context (auto-configuration as an application gets it) on each
 * database, configured with nothing but {@code spring.datasource.url}: the Engine bean over Spring's
 * data source, sessions joining {@code @Transactional}, the {@code ashlar.*} properties, health.
 */
class SpringStarterTest {
    /** The application: one service bean; everything else comes from auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    static class Application {
        @Bean
        NoteService noteService(AshlarSessions sessions, Engine engine) {
            return new NoteService(sessions, engine);
        }
    }

    private static ApplicationContextRunner app(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        AshlarAutoConfiguration.class, HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("spring.datasource.url=" + urlWithUser(db));
    }

    @AllDatabases
    void transactionalMethodThatThrowsLeavesNoRowAndOneThatReturnsCommits(TestDatabase db) throws Exception {
        app(db).withPropertyValues("ashlar.model-packages=dev.ashlar.spring.sample", "ashlar.echo=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Engine.class);
            Engine engine = context.getBean(Engine.class);
            assertThat(engine.dialect().name()).isEqualTo(db.kind().id());
            SchemaDdl.createAll(engine, context.getBean(AshlarSessions.class).options().registry().metadata());

            NoteService notes = context.getBean(NoteService.class);
            assertThatThrownBy(() -> notes.write("rolled back", true)).isInstanceOf(IllegalStateException.class);
            assertThat(texts(db)).as("the session's commit was a savepoint; Spring rolled the transaction back").isEmpty();

            notes.write("committed", false);
            assertThat(texts(db)).containsExactly("committed");
            assertThat(notes.connectionJoinsTheTransaction()).isTrue();
            try (var conn = engine.connect()) {
                assertThat(conn.inTransaction()).as("outside @Transactional, Ashlar's own transactions").isFalse();
            }
        });
        assertThat(texts(db)).containsExactly("committed");
    }

    @AllDatabases
    void ashlarPropertiesReachTheSessionsAndHealthShowsTheDatabase(TestDatabase db) {
        app(db).withPropertyValues("ashlar.strict-n-plus-one=true", "ashlar.echo=true", "ashlar.slow-query-threshold=200ms",
                "ashlar.model-packages=dev.ashlar.spring.sample").run(context -> {
            AshlarSessions sessions = context.getBean(AshlarSessions.class);
            assertThat(sessions.options().strictMode()).isTrue();
            assertThat(sessions.options().registry().metadata().tables()).extracting(t -> t.name()).contains("note");
            assertThat(context.getBean(AshlarProperties.class).isEcho()).isTrue();
            assertThat(context.getBean(AshlarProperties.class).getSlowQueryThreshold()).isEqualTo(java.time.Duration.ofMillis(200));

            var health = context.getBean(HealthEndpoint.class).healthForPath("ashlar");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.toString()).contains(db.kind().id());
        });
        app(db).run(context -> assertThat(context.getBean(AshlarSessions.class).options().strictMode()).isFalse());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The JDBC URL with the user in it, so that the application sets only spring.datasource.url. */
    private static String urlWithUser(TestDatabase db) {
        if (db.user() == null) {
            return db.jdbcUrl();
        }
        return db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
    }

    private static List<String> texts(TestDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = db.openJdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT text FROM note ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
