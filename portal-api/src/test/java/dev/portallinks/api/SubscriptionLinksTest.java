package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

// Covers SubscriptionLinks: null checks, link(PortalAction) per action, and the redacted toString.
class SubscriptionLinksTest {

    private static final SubscriptionId SUBSCRIPTION = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final URI CANCEL = URI.create(PORTAL
            + "?action=cancel_subscription&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4&token=pga_secretvalue123");
    private static final URI PAYMENT = URI.create(PORTAL
            + "?action=update_subscription_payment_method&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4&token=pga_othersecret456");

    private final SubscriptionLinks links = new SubscriptionLinks(SUBSCRIPTION, CANCEL, PAYMENT);

    @Test
    void keepsItsComponents() {
        assertThat(links.subscription()).isEqualTo(SUBSCRIPTION);
        assertThat(links.cancelSubscription()).isEqualTo(CANCEL);
        assertThat(links.updatePaymentMethod()).isEqualTo(PAYMENT);
    }

    @Test
    void linkReturnsTheUriOfTheAction() {
        assertThat(links.link(PortalAction.CANCEL_SUBSCRIPTION)).isEqualTo(CANCEL);
        assertThat(links.link(PortalAction.UPDATE_PAYMENT_METHOD)).isEqualTo(PAYMENT);
    }

    @Test
    void overviewHasNoPerSubscriptionLink() {
        assertThatThrownBy(() -> links.link(PortalAction.OVERVIEW))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OVERVIEW")
                .hasMessageContaining("PortalSession.overview()");
    }

    @Test
    void nullActionIsRejected() {
        assertThatThrownBy(() -> links.link(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("action must not be null");
    }

    @Test
    void rejectsNullsNamingTheField() {
        assertThatThrownBy(() -> new SubscriptionLinks(null, CANCEL, PAYMENT))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscription must not be null");
        assertThatThrownBy(() -> new SubscriptionLinks(SUBSCRIPTION, null, PAYMENT))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("cancelSubscription must not be null");
        assertThatThrownBy(() -> new SubscriptionLinks(SUBSCRIPTION, CANCEL, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("updatePaymentMethod must not be null");
    }

    @Test
    void toStringLeavesTheTokensOut() {
        assertThat(links.toString())
                .doesNotContain("pga_secretvalue123", "pga_othersecret456")
                .isEqualTo("SubscriptionLinks[subscription=sub_01h04vsc0qhwtsbsxh3422wjs4, cancelSubscription=" + PORTAL
                        + "?action=cancel_subscription&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4&token=[redacted]"
                        + ", updatePaymentMethod=" + PORTAL
                        + "?action=update_subscription_payment_method&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4&token=[redacted]]");
    }

    @Test
    void equalsIsByValue() {
        assertThat(links).isEqualTo(new SubscriptionLinks(SubscriptionId.of(SUBSCRIPTION.value()), URI.create(CANCEL.toString()), PAYMENT))
                .isNotEqualTo(new SubscriptionLinks(SUBSCRIPTION, PAYMENT, CANCEL));
    }

    @Test
    void linksGivenAsTextAreTheSameValueAndTheSameUris() {
        SubscriptionLinks fromText = new SubscriptionLinks(SUBSCRIPTION, CANCEL.toString(), PAYMENT.toString());
        assertThat(fromText).isEqualTo(links).hasSameHashCodeAs(links).hasToString(links.toString());
        assertThat(fromText.cancelSubscription()).isEqualTo(CANCEL);
        assertThat(fromText.link(PortalAction.UPDATE_PAYMENT_METHOD)).isEqualTo(PAYMENT);
    }

    @Test
    void textThatIsNotAUriIsRejectedNamingTheFieldWithoutTheToken() {
        assertThatThrownBy(() -> new SubscriptionLinks(SUBSCRIPTION, CANCEL.toString(), PORTAL + "?token=pga_othersecret456&x=a b"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("updatePaymentMethod is not a valid URI")
                .hasMessageNotContaining("pga_othersecret456");
        assertThatThrownBy(() -> new SubscriptionLinks(SUBSCRIPTION, (String) null, PAYMENT.toString()))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("cancelSubscription must not be null");
    }
}
