package dev.ashlar.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ashlar.core.compliance.MissingDriverDialect;
import dev.ashlar.core.engine.EngineUrl;
import dev.ashlar.core.error.ConfigurationException;
import dev.ashlar.core.error.UsageException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How {@link Dialects} finds a provider: registered ones first, then those installed through {@code META-INF/services}
 * (the three built-in ones and the test classpath's {@code nodriver}). Registration is process-wide, so the
 * providers registered here behave exactly as the installed ones they stand in for, or use schemes of their own.
 */
class DialectsTest {
    /** A provider of its own class, answering for {@code schemes} with the {@code nodriver} test dialect. */
    private static final class StandIn implements DialectProvider {
        private final Set<String> schemes;

        StandIn(Set<String> schemes) {
            this.schemes = schemes;
        }

        @Override
        public Set<String> schemes() {
            return schemes;
        }

        @Override
        public Dialect create() {
            return new MissingDriverDialect();
        }

        @Override
        public boolean urlsNameFiles() {
            return schemes.contains("standinfiles");
        }
    }

    @Test
    void installedProvidersAreFoundWithoutRegistration() {
        assertThat(Dialects.schemes()).contains("sqlite", "postgresql", "mariadb", "nodriver");
        assertThat(Dialects.provider("nodriver")).get().isInstanceOf(MissingDriverDialect.Provider.class);
        assertThat(Dialects.forScheme("sqlite").name()).isEqualTo("sqlite");
    }

    @Test
    void aRegisteredProviderAnswersAheadOfTheInstalledOneForItsScheme() {
        StandIn standIn = new StandIn(Set.of("nodriver"));
        Dialects.register(standIn);

        assertThat(Dialects.provider("nodriver")).containsSame(standIn);
        assertThat(Dialects.forScheme("nodriver")).isInstanceOf(MissingDriverDialect.class);
        assertThat(Dialects.schemes()).contains("nodriver", "sqlite");
    }

    @Test
    void aRegisteredSchemeIsKnownToUrlsAndMessages() {
        Dialects.register(new StandIn(Set.of("standinfiles")));

        // the provider's urlsNameFiles decides how the URL reads: a file path, not a host
        EngineUrl url = EngineUrl.parse("standinfiles:///data/x.db");
        assertThat(url.scheme()).isEqualTo("standinfiles");
        assertThat(url.database()).isEqualTo("data/x.db");
        assertThatThrownBy(() -> Dialects.forScheme("no-such-database"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("standinfiles")
                .hasMessageContaining("sqlite");
    }

    @Test
    void aProviderWithoutSchemesIsRefused() {
        assertThatThrownBy(() -> Dialects.register(new StandIn(Set.of())))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("names no URL scheme");
    }
}
