package dev.ashlar.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.dialect.Dialects;
import dev.ashlar.core.dialect.postgresql.PostgresDialect;
import dev.ashlar.core.engine.Engine;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.error.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Database URLs in every accepted form, and the one-line advice for the ones that are not. */
class EngineUrlTest {
    @Test
    void sqliteRelativeAbsoluteAndInMemory() {
        EngineUrl relative = EngineUrl.parse("sqlite:///relative/path.db");
        assertThat(relative.scheme()).isEqualTo("sqlite");
        assertThat(relative.database()).isEqualTo("relative/path.db");
        assertThat(EngineUrl.parse("sqlite:////abs/path.db").database()).isEqualTo("/abs/path.db");
        assertThat(EngineUrl.parse("sqlite://").database()).isNull();
        assertThat(EngineUrl.parse("sqlite:///:memory:").database()).isNull();
        assertThat(EngineUrl.parse("sqlite:///items.db").toString()).isEqualTo("sqlite:///items.db");
    }

    @Test
    void serverUrlsWithUserPasswordHostPortAndDatabase() {
        EngineUrl pg = EngineUrl.parse("postgresql://user:pass@host:5432/db");
        assertThat(pg).extracting(EngineUrl::scheme, EngineUrl::user, EngineUrl::password, EngineUrl::host, EngineUrl::port,
                EngineUrl::database).containsExactly("postgresql", "user", "pass", "host", 5432, "db");
        assertThat(pg.toString()).isEqualTo("postgresql://user:***@host:5432/db").doesNotContain("pass@");
        assertThat(new PostgresDialect().jdbcUrl(pg)).isEqualTo("jdbc:postgresql://host:5432/db");

        EngineUrl maria = EngineUrl.parse("mariadb://root@localhost/shop");
        assertThat(maria).extracting(EngineUrl::user, EngineUrl::password, EngineUrl::port, EngineUrl::database)
                .containsExactly("root", null, null, "shop");
        assertThat(Dialects.forScheme(maria.scheme()).jdbcUrl(maria)).isEqualTo("jdbc:mariadb://localhost:3306/shop");
        EngineUrl mysql = EngineUrl.parse("mysql://u@h:3307/d");
        assertThat(Dialects.forScheme(mysql.scheme()).name()).isEqualTo("mariadb");
        assertThat(Dialects.forScheme(mysql.scheme()).jdbcUrl(mysql)).isEqualTo("jdbc:mariadb://h:3307/d");
        // a driver suffix, as in SQLAlchemy, is accepted and ignored
        assertThat(EngineUrl.parse("postgresql+psycopg://u@h/d").scheme()).isEqualTo("postgresql");
    }

    @Test
    void percentEncodedPasswordsAndQueryOptions() {
        EngineUrl url = EngineUrl.parse("postgresql://app:p%40ss%3Aw%2Frd%25@db.example.com/app?sslmode=require&connectTimeout=5");
        assertThat(url.password()).isEqualTo("p@ss:w/rd%");
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.options()).isEqualTo(Map.of("sslmode", "require", "connectTimeout", "5"));
        assertThat(EngineUrl.parse("sqlite:///x.db?cache=shared").options()).containsEntry("cache", "shared");
    }

    @Test
    void plainJdbcUrlsAreUsedAsTheyAre() {
        EngineUrl url = EngineUrl.parse("jdbc:postgresql://127.0.0.1:5432/db?user=postgres");
        assertThat(url.scheme()).isEqualTo("postgresql");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db?user=postgres");
        assertThat(EngineUrl.parse("jdbc:sqlite:/tmp/x.db").database()).isEqualTo("/tmp/x.db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "items.db", "postgresql://user@host:99999/db", "postgresql://user@host:port/db",
            "postgresql:///db", "sqlite:relative.db", "postgresql://h/d?novalue", "jdbc:nothing"})
    void badUrlsAreConfigurationErrorsWithOneLineAdvice(String url) {
        assertThatThrownBy(() -> EngineUrl.parse(url)).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").matches("(?s).*(use|expected|needs|out of range|not a).*"));
    }

    @Test
    void unknownDialectsNameTheKnownOnes() {
        assertThatThrownBy(() -> Engine.create("oracle://scott:tiger@h/orcl")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown database 'oracle'").hasMessageContaining("postgresql").hasMessageContaining("sqlite")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> Engine.create("jdbc:oracle:thin:@h:1521:orcl")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aMissingDriverNamesTheDependencyToAdd() {
        assertThatThrownBy(() -> Engine.create("nodriver://u@h/d")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("com.example.nodriver.Driver").hasMessageContaining("add the dependency com.example:nodriver-jdbc")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
