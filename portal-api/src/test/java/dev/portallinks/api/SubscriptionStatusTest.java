package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

// Covers SubscriptionStatus: mapping of Paddle's status names, unknown names mapping to UNKNOWN.
class SubscriptionStatusTest {

    @ParameterizedTest
    @CsvSource({
        "active, ACTIVE",
        "canceled, CANCELED",
        "past_due, PAST_DUE",
        "paused, PAUSED",
        "trialing, TRIALING"
    })
    void mapsPaddleNames(String paddleName, SubscriptionStatus expected) {
        assertThat(SubscriptionStatus.fromPaddleName(paddleName)).isSameAs(expected);
        assertThat(expected.paddleName()).isEqualTo(paddleName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "cancelled", "past-due", "", "inactive"})
    void unknownNamesMapToUnknown(String paddleName) {
        assertThat(SubscriptionStatus.fromPaddleName(paddleName)).isSameAs(SubscriptionStatus.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(SubscriptionStatus.class)
    void paddleNameRoundTrips(SubscriptionStatus status) {
        assertThat(SubscriptionStatus.fromPaddleName(status.paddleName())).isSameAs(status);
    }

    @Test
    void unknownHasItsOwnName() {
        assertThat(SubscriptionStatus.UNKNOWN.paddleName()).isEqualTo("unknown");
        assertThat(SubscriptionStatus.values()).hasSize(6);
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> SubscriptionStatus.fromPaddleName(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscription status must not be null");
    }
}
