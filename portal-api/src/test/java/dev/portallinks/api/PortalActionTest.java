package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

// Covers PortalAction: parsing names as page authors and Paddle write them, Paddle's names, subscription flags.
class PortalActionTest {

    @ParameterizedTest
    @CsvSource({
        "overview, OVERVIEW",
        "cancel_subscription, CANCEL_SUBSCRIPTION",
        "update_payment_method, UPDATE_PAYMENT_METHOD",
        "update_subscription_payment_method, UPDATE_PAYMENT_METHOD",
        "OVERVIEW, OVERVIEW",
        "Overview, OVERVIEW",
        "CANCEL_SUBSCRIPTION, CANCEL_SUBSCRIPTION",
        "UPDATE_PAYMENT_METHOD, UPDATE_PAYMENT_METHOD",
        "Update_Subscription_Payment_Method, UPDATE_PAYMENT_METHOD",
        "cancel-subscription, CANCEL_SUBSCRIPTION",
        "update-payment-method, UPDATE_PAYMENT_METHOD",
        "UPDATE-SUBSCRIPTION-PAYMENT-METHOD, UPDATE_PAYMENT_METHOD",
        "' overview ', OVERVIEW",
        "'\tcancel_subscription\n', CANCEL_SUBSCRIPTION"
    })
    void fromNameAcceptsKnownNames(String name, PortalAction expected) {
        assertThat(PortalAction.fromName(name)).isSameAs(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " ",
        "cancel",
        "update_payment",
        "payment_method",
        "overview_",
        "over_view",
        "cancel subscription",
        "subscription_cancel",
        "cancel__subscription",
        "update_subscription",
        "unknown"
    })
    void fromNameRejectsUnknownNamesListingTheValidOnes(String name) {
        assertThatThrownBy(() -> PortalAction.fromName(name))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("action \"" + name + "\" is unknown")
                .hasMessageContaining("overview")
                .hasMessageContaining("cancel_subscription")
                .hasMessageContaining("update_payment_method");
    }

    @Test
    void fromNameRejectsNull() {
        assertThatThrownBy(() -> PortalAction.fromName(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("action must not be null");
    }

    @ParameterizedTest
    @EnumSource(PortalAction.class)
    void fromNameReadsPaddleNameAndConstantName(PortalAction action) {
        assertThat(PortalAction.fromName(action.paddleName())).isSameAs(action);
        assertThat(PortalAction.fromName(action.name())).isSameAs(action);
    }

    @Test
    void onlyTheSubscriptionActionsNeedASubscription() {
        assertThat(PortalAction.OVERVIEW.needsSubscription()).isFalse();
        assertThat(PortalAction.CANCEL_SUBSCRIPTION.needsSubscription()).isTrue();
        assertThat(PortalAction.UPDATE_PAYMENT_METHOD.needsSubscription()).isTrue();
    }

    @Test
    void paddleNamesAreThoseOfThePortalLinks() {
        assertThat(PortalAction.OVERVIEW.paddleName()).isEqualTo("overview");
        assertThat(PortalAction.CANCEL_SUBSCRIPTION.paddleName()).isEqualTo("cancel_subscription");
        assertThat(PortalAction.UPDATE_PAYMENT_METHOD.paddleName()).isEqualTo("update_subscription_payment_method");
        assertThat(PortalAction.values()).hasSize(3);
    }
}
