package dev.portallinks.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.impl.LogCapture;
import dev.portallinks.impl.MutableClock;
import dev.portallinks.impl.PortalLinksSettings;
import dev.portallinks.impl.SettingsReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// paddle.cluster.* values may carry credentials (a cache URI with a password) or be one pasted in the wrong place:
// errors, log lines and toString() quote them cut, escaped and without what may be a secret.
class ClusterSettingsTest {

    private static final String KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";
    private static final String PASSWORD = "Hunter2Secret";

    @RegisterExtension
    final LogCapture sharedStateLog = new LogCapture(SharedState.class);

    private static PortalLinksSettings read(String... propertyValuePairs) {
        Map<String, String> properties = new HashMap<>();
        properties.put(SettingsReader.API_KEY, KEY);
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            properties.put(propertyValuePairs[i], propertyValuePairs[i + 1]);
        }
        return new SettingsReader(key -> Optional.ofNullable(properties.get(key))).read();
    }

    private static String rejected(String property, String... propertyValuePairs) {
        PortalConfigurationException e = catchThrowableOfType(PortalConfigurationException.class, () -> read(propertyValuePairs));
        assertThat(e).isNotNull();
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        assertThat(e.toString()).doesNotContain(PASSWORD);
        return e.getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hotrod://admin:" + PASSWORD + " @10.0.0.1:11222 | \"hotrod://[redacted]@10.0.0.1:11222\"",
        "hotrod://admin:pa/" + PASSWORD + "@10.0.0.1 x | \"hotrod://[redacted]@10.0.0.1 x\"",
        "redis://10.0.0.1 ?password=" + PASSWORD + " | \"redis://10.0.0.1 ?password=[redacted]\"",
        "admin:" + PASSWORD + "@10.0.0.1 x | \"[redacted]@10.0.0.1 x\""})
    void aMalformedCacheUriIsQuotedWithoutItsCredentials(String uri, String shown) {
        String message = rejected(SettingsReader.CLUSTER_CACHE_URI, SettingsReader.CLUSTER_CACHE_NAME, "portal-links", SettingsReader.CLUSTER_CACHE_URI,
                uri);

        assertThat(message).contains(shown + " is not a URI");
    }

    @Test
    void aCacheUriWithCredentialsIsNeverShownWithThem() {
        PortalLinksSettings settings = read(SettingsReader.CLUSTER_CACHE_NAME, "portal-links", SettingsReader.CLUSTER_CACHE_URI,
                "hotrod://admin:" + PASSWORD + "@10.0.0.1:11222/?auth_password=" + PASSWORD + "&sasl=PLAIN");

        assertThat(settings.cluster().cacheUri()).get().asString().contains(PASSWORD);
        for (String shown : new String[] {settings.cluster().describe(), settings.cluster().toString(), settings.toString()}) {
            assertThat(shown).doesNotContain(PASSWORD).contains("hotrod://[redacted]@10.0.0.1:11222/?auth_password=[redacted]&sasl=[redacted]");
        }
    }

    @Test
    void aCacheNameIsQuotedCutAndEscaped() {
        String message = rejected(SettingsReader.CLUSTER_CACHE_NAME, SettingsReader.CLUSTER_CACHE_NAME, "portal\r\nSEVERE: forged" + "x".repeat(200));

        assertThat(message).contains("\"portal\\u000d\\u000aSEVERE: forged", "\" (cut from 222 characters) is not a cache name")
                .doesNotContain("\r", "\n", "x".repeat(80));
    }

    @Test
    void aCredentialPastedAsCacheNameOrProviderIsNotEchoed() {
        assertThat(rejected(SettingsReader.CLUSTER_CACHE_NAME, SettingsReader.CLUSTER_CACHE_NAME, "admin:" + PASSWORD + "@hz"))
                .contains("\"[redacted]@hz\" is not a cache name");
        assertThat(rejected(SettingsReader.CLUSTER_CACHE_PROVIDER, SettingsReader.CLUSTER_CACHE_NAME, "portal-links",
                SettingsReader.CLUSTER_CACHE_PROVIDER, "hazelcast://admin:" + PASSWORD + "@10.0.0.1")).contains("\"hazelcast://[redacted]@10.0.0.1\"");
    }

    @Test
    void aProviderFailureQuotingTheUriLogsItWithoutItsCredentials() {
        try (SharedState state = new SharedState("test", "https://sandbox-api.paddle.com", () -> {
            throw new IllegalStateException("cannot connect to hotrod://admin:" + PASSWORD + "@10.0.0.1:11222");
        }, Duration.ofSeconds(1), Duration.ofSeconds(5), new MutableClock(LibraryInstance.START))) {
            Awaitility.await("the outage's WARNING").atMost(Duration.ofSeconds(10)).until(state::down);
        }

        assertThat(sharedStateLog.at(Level.WARNING)).singleElement().asString().contains("hotrod://[redacted]@10.0.0.1:11222")
                .doesNotContain(PASSWORD);
    }
}
