package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

// The three paths below the base, and everything else not found.
class RouteTest {

    private static final String SUBSCRIPTION = "sub_01h04vsc0qhwtsbsxh3422wjs4";

    @Test
    void theOverview() {
        assertThat(Route.parse("/overview")).hasValue(new Route(PortalAction.OVERVIEW, null));
    }

    @Test
    void aSubscriptionsCancellationAndPaymentMethodPages() {
        assertThat(Route.parse("/subscriptions/" + SUBSCRIPTION + "/cancel")).hasValue(new Route(PortalAction.CANCEL_SUBSCRIPTION, SUBSCRIPTION));
        assertThat(Route.parse("/subscriptions/" + SUBSCRIPTION + "/update-payment-method"))
                .hasValue(new Route(PortalAction.UPDATE_PAYMENT_METHOD, SUBSCRIPTION));
    }

    @Test
    void theSubscriptionIsValidatedSeparatelySoAMalformedOneIsRefusedNotLost() {
        Route malformed = Route.parse("/subscriptions/sub_NOT-AN-ID/cancel").orElseThrow();

        assertThat(malformed.subscriptionText()).isEqualTo("sub_NOT-AN-ID");
        assertThat(malformed.validSubscription()).isEmpty();
        assertThat(Route.parse("/subscriptions/" + SUBSCRIPTION + "/cancel").orElseThrow().validSubscription()).hasValue(SubscriptionId.of(SUBSCRIPTION));
        assertThat(Route.parse("/overview").orElseThrow().validSubscription()).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/", "/overview/", "/Overview", "/overview/x", "/subscriptions", "/subscriptions/", "/subscriptions//cancel",
        "/subscriptions/" + SUBSCRIPTION, "/subscriptions/" + SUBSCRIPTION + "/", "/subscriptions/" + SUBSCRIPTION + "/cancel/",
        "/subscriptions/" + SUBSCRIPTION + "/pause", "/subscriptions/" + SUBSCRIPTION + "/cancel_subscription",
        "/subscriptions/a/b/cancel", "/cancel", "//overview"})
    void anyOtherPathIsNoPage(String path) {
        assertThat(Route.parse(path)).isEmpty();
    }
}
