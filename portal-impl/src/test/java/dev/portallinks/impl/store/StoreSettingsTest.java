package dev.portallinks.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.PortalConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store's rules from configuration: defaults with and without notifications, and what a wrong value says. */
class StoreSettingsTest {

    private static StoreSettings read(Map<String, String> config) {
        return StoreSettings.read(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void withoutNotificationsNothingIsServedByAgeAndListingsAreSixSecondsApart() {
        assertThat(read(Map.of())).isEqualTo(new StoreSettings(Duration.ZERO, Duration.ofSeconds(6)));
    }

    @Test
    void withNotificationsAListingIsServedForAnHour() {
        assertThat(read(Map.of("paddle.webhooks.secrets", "pdl_ntfset_x")).maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(read(Map.of("PADDLE_WEBHOOK_SECRETS", "pdl_ntfset_x")).maxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void bothAreSetInSeconds() {
        assertThat(read(Map.of(StoreSettings.MAX_AGE, "120", StoreSettings.MIN_LISTING_INTERVAL, " 0 ")))
                .isEqualTo(new StoreSettings(Duration.ofSeconds(120), Duration.ZERO));
    }

    @Test
    void aWrongValueNamesThePropertyItsEnvironmentVariableAndTheRange() {
        assertThatThrownBy(() -> read(Map.of(StoreSettings.MAX_AGE, "1h"))).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining(StoreSettings.MAX_AGE).hasMessageContaining("\"1h\" is not a whole number of seconds from 0 to 604800")
                .hasMessageContaining("PADDLE_SUBSCRIPTIONS_MAX_AGE_SECONDS");
        assertThatThrownBy(() -> read(Map.of(StoreSettings.MIN_LISTING_INTERVAL, "-1"))).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining(StoreSettings.MIN_LISTING_INTERVAL);
    }
}
