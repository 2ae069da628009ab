package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.PortalConfigurationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// The portal.endpoint.* properties: defaults, the base path and its servlet mapping, the allowed origins, and a wrong
// value named with its property (the deployment then fails).
class EndpointSettingsTest {

    private static EndpointSettings read(Map<String, String> properties) {
        return EndpointSettings.read(name -> Optional.ofNullable(properties.get(name)));
    }

    @Test
    void defaultsAreOnAtPortalWithTheApplicationsOwnOriginOnly() {
        EndpointSettings settings = read(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.path()).isEqualTo("portal");
        assertThat(settings.servletMapping()).isEqualTo("/portal/*");
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.allowRequestsWithoutOrigin()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"billing, /billing/*", "/billing/, /billing/*", "api/billing/portal-links, /api/billing/portal-links/*", "'  v1/portal ', /v1/portal/*",
        "a.b~c_d-e, /a.b~c_d-e/*"})
    void thePathBecomesTheServletMapping(String path, String mapping) {
        assertThat(read(Map.of(EndpointSettings.PATH, path)).servletMapping()).isEqualTo(mapping);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "//", "a//b", "portal/*", "*", "../portal", "portal/..", ".", "a/./b", "por tal", "portal?x", "portal#x", "%2e%2e",
        "bill\u00e9", "a\\b"})
    void aPathThatIsNotPlainSegmentsFailsNamingTheProperty(String path) {
        assertThatThrownBy(() -> read(Map.of(EndpointSettings.PATH, path))).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("portal.endpoint.path").extracting(e -> ((PortalConfigurationException) e).property())
                .isEqualTo("portal.endpoint.path");
    }

    @Test
    void theSwitchAndTheOptInReadTrueOrFalseOnly() {
        assertThat(read(Map.of(EndpointSettings.ENABLED, "FALSE")).enabled()).isFalse();
        assertThat(read(Map.of(EndpointSettings.ALLOW_REQUESTS_WITHOUT_ORIGIN, " true ")).allowRequestsWithoutOrigin()).isTrue();
        assertThatThrownBy(() -> read(Map.of(EndpointSettings.ENABLED, "off"))).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("portal.endpoint.enabled").hasMessageContaining("\"off\"");
        assertThatThrownBy(() -> read(Map.of(EndpointSettings.ALLOW_REQUESTS_WITHOUT_ORIGIN, "yes"))).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("portal.endpoint.allow-requests-without-origin");
    }

    @Test
    void allowedOriginsAreAListOfOrigins() {
        EndpointSettings settings = read(Map.of(EndpointSettings.ALLOWED_ORIGINS, "https://app.example.com, http://127.0.0.1:3000,,HTTPS://APP.example.com"));

        assertThat(settings.allowedOrigins()).containsExactly(new WebOrigin("https", "app.example.com", -1), new WebOrigin("http", "127.0.0.1", 3000));
    }

    @Test
    void anAllowedOriginThatIsNoOriginFailsNamingIt() {
        assertThatThrownBy(() -> read(Map.of(EndpointSettings.ALLOWED_ORIGINS, "https://app.example.com, https://app.example.com/")))
                .isInstanceOf(PortalConfigurationException.class).hasMessageContaining("portal.endpoint.allowed-origins")
                .hasMessageContaining("\"https://app.example.com/\" is not an origin");
    }

    @Test
    void aPlainHttpOriginIsRefusedUnlessItIsThisMachine() {
        assertThatThrownBy(() -> read(Map.of(EndpointSettings.ALLOWED_ORIGINS, "http://app.example.com")))
                .isInstanceOf(PortalConfigurationException.class).hasMessageContaining("portal.endpoint.allowed-origins")
                .hasMessageContaining("\"http://app.example.com\" is not https");
        assertThat(read(Map.of(EndpointSettings.ALLOWED_ORIGINS, "http://localhost:4200, http://[::1]:4200")).allowedOrigins()).hasSize(2);
    }

    @Test
    void aWrongOriginIsQuotedWithoutItsSecretsOrControlCharacters() {
        assertThatThrownBy(() -> read(Map.of(EndpointSettings.ALLOWED_ORIGINS, "https://user:pdl_live_apikey_01abc@x.example/\r\nforged")))
                .isInstanceOf(PortalConfigurationException.class).message().doesNotContain("pdl_live_apikey_01abc").doesNotContain("\r")
                .doesNotContain("\n");
    }
}
