package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.webhooks.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSettingsTest {

    private static WebhookSettings read(String... properties) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put(properties[i], properties[i + 1]);
        }
        return WebhookSettings.read(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void withoutASecretTheReceiverIsOff() {
        assertThat(read().enabled()).isFalse();
        assertThat(read(WebhookSettings.SECRETS, " ").enabled()).isFalse();
    }

    @Test
    void aSecretTurnsItOnWithTheDefaults() {
        WebhookSettings settings = read(WebhookSettings.SECRETS, Signing.SECRET);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.path()).isEqualTo("paddle/webhooks");
        assertThat(settings.servletMapping()).isEqualTo("/paddle/webhooks");
        assertThat(settings.tolerance()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.futureAllowance()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.secrets()).singleElement().isEqualTo(Signing.SECRET.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theEnvironmentVariableNamedInTheIssueIsRead() {
        assertThat(read(WebhookSettings.SECRETS_ENV, Signing.SECRET).secrets()).hasSize(1);
    }

    @Test
    void severalSecretsAreAList() {
        WebhookSettings settings = read(WebhookSettings.SECRETS, Signing.SECRET + " , " + Signing.OTHER_SECRET + ",");

        assertThat(settings.secrets()).containsExactly(Signing.SECRET.getBytes(StandardCharsets.UTF_8), Signing.OTHER_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theOlderSecretFormFromPaddlesSdkTestsIsAccepted() {
        assertThat(read(WebhookSettings.SECRETS, "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_TjIG2BXbm83HPXqNfziwe506sBEdqL/4").secrets()).hasSize(1);
    }

    @Test
    void everythingIsConfigurable() {
        WebhookSettings settings = read(WebhookSettings.SECRETS, Signing.SECRET, WebhookSettings.PATH, "/hooks/paddle/", WebhookSettings.TOLERANCE, "30",
                WebhookSettings.FUTURE_ALLOWANCE, "0", WebhookSettings.MAX_BODY_BYTES, "65536");

        assertThat(settings.servletMapping()).isEqualTo("/hooks/paddle");
        assertThat(settings.tolerance()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.futureAllowance()).isZero();
        assertThat(settings.maxBodyBytes()).isEqualTo(65536);
    }

    @Test
    void enabledWithoutASecretFailsNamingTheProperty() {
        assertThatThrownBy(() -> read(WebhookSettings.ENABLED, "true")).isInstanceOfSatisfying(PortalConfigurationException.class,
                e -> assertThat(e.property()).isEqualTo("paddle.webhooks.secrets")).hasMessageContaining("PADDLE_WEBHOOK_SECRETS");
    }

    @Test
    void explicitlyDisabledIgnoresTheSecrets() {
        assertThat(read(WebhookSettings.ENABLED, "false", WebhookSettings.SECRETS, "not-a-secret").enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdl_sdbx_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO", "\"pdl_ntfset_01hsdn8d43dt7mezr1ef2jtbaw_hKkRiCGyyRhbFwIUuqiTBgI7gnWoV0Gr\"",
        "pdl_ntfset_01hsdn8d43dt7mezr1ef2jtbaw_short", "hKkRiCGyyRhbFwIUuqiTBgI7gnWoV0Gr", "pdl_ntfset_01hsdn8d43dt7mezr1ef2jtbaw hKkRiCGyyRhbFwIUuqiTBgI7gnWoV0Gr"})
    void aMalformedSecretFailsNamingThePropertyNeverTheValue(String secret) {
        assertThatThrownBy(() -> read(WebhookSettings.SECRETS, Signing.SECRET + "," + secret)).isInstanceOfSatisfying(PortalConfigurationException.class, e -> {
            assertThat(e.property()).isEqualTo("paddle.webhooks.secrets");
            assertThat(e.getMessage()).contains("entry 2 of 2").doesNotContain(secret, secret.substring(12, 30), Signing.SECRET);
            assertThat(e.toString()).doesNotContain(secret.substring(12, 30));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {WebhookSettings.TOLERANCE, WebhookSettings.FUTURE_ALLOWANCE, WebhookSettings.MAX_BODY_BYTES})
    void aWrongNumberFailsNamingTheProperty(String property) {
        for (String value : new String[] {"-1", "PT5S", "5s", "99999999999", "100000000"}) {
            assertThatThrownBy(() -> read(WebhookSettings.SECRETS, Signing.SECRET, property, value)).as(value)
                    .isInstanceOfSatisfying(PortalConfigurationException.class, e -> assertThat(e.property()).isEqualTo(property));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../admin", "a b", "a/./b", "", "/", "x/*"})
    void aWrongPathFailsNamingTheProperty(String path) {
        assertThatThrownBy(() -> read(WebhookSettings.SECRETS, Signing.SECRET, WebhookSettings.PATH, path))
                .isInstanceOfSatisfying(PortalConfigurationException.class, e -> assertThat(e.property()).isEqualTo(WebhookSettings.PATH));
    }

    @Test
    void aWrongSwitchFailsNamingTheProperty() {
        assertThatThrownBy(() -> read(WebhookSettings.ENABLED, "yes")).isInstanceOfSatisfying(PortalConfigurationException.class,
                e -> assertThat(e.property()).isEqualTo(WebhookSettings.ENABLED));
    }

    @Test
    void toStringNeverShowsASecret() {
        WebhookSettings settings = read(WebhookSettings.SECRETS, Signing.SECRET + "," + Signing.OTHER_SECRET);

        assertThat(settings.toString()).contains("2 redacted", "paddle/webhooks").doesNotContain(Signing.SECRET, Signing.OTHER_SECRET, "pdl_", "TestOnly");
    }

    @Test
    void theSettingsKeepTheirOwnCopyOfTheSecrets() {
        byte[] secret = Signing.SECRET.getBytes(StandardCharsets.UTF_8);
        WebhookSettings settings = new WebhookSettings(true, "p", List.of(secret), Duration.ZERO, Duration.ZERO, 1024);
        secret[0] = 'X';

        assertThat(settings.secrets().get(0)[0]).isEqualTo((byte) 'p');
    }

    @Test
    void theExtensionTurnsAWrongConfigurationIntoADeploymentProblem() {
        assertThat(PaddleWebhooksExtension.problem(() -> read(WebhookSettings.ENABLED, "true"))).hasValueSatisfying(problem -> assertThat(problem)
                .hasMessageStartingWith("Portal Links webhooks: Invalid configuration of paddle.webhooks.secrets"));
        assertThat(PaddleWebhooksExtension.problem(() -> read(WebhookSettings.SECRETS, Signing.SECRET))).isEmpty();
    }
}
