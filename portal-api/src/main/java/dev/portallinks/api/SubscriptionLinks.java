package dev.portallinks.api;

import java.net.URI;
import java.util.Objects;

/**
 * The authenticated deep links of one subscription in a {@link PortalSession}.
 *
 * <p>Each link carries a temporary sign-in token: hand it to the customer's browser (a redirect) and drop
 * it. Never store, cache, log or embed it in an iframe; {@link #toString()} leaves the tokens out.
 * Immutable and thread-safe.
 *
 * <p>Equal when the subscription and both links' texts are equal.
 */
public final class SubscriptionLinks {

    private final SubscriptionId subscription;
    private final DeferredUri cancelSubscription;
    private final DeferredUri updatePaymentMethod;

    /**
     * Takes the links as URIs.
     *
     * @param subscription the subscription the links are for, not null
     * @param cancelSubscription opens the subscription's page with the cancellation form, not null
     * @param updatePaymentMethod opens the subscription's page with the payment-method form, not null
     * @throws NullPointerException naming the missing field
     */
    public SubscriptionLinks(SubscriptionId subscription, URI cancelSubscription, URI updatePaymentMethod) {
        this.subscription = Validation.requireNonNull("subscription", subscription);
        this.cancelSubscription = DeferredUri.of("cancelSubscription", cancelSubscription);
        this.updatePaymentMethod = DeferredUri.of("updatePaymentMethod", updatePaymentMethod);
    }

    /**
     * Takes the links as text, as Paddle sends them: a plain absolute {@code http(s)} link is checked in one pass and
     * parsed into a {@link URI} only when it is asked for (a redirect needs one link of the session); any other text
     * is parsed now.
     *
     * @param subscription the subscription the links are for, not null
     * @param cancelSubscription opens the subscription's page with the cancellation form, not null
     * @param updatePaymentMethod opens the subscription's page with the payment-method form, not null
     * @throws NullPointerException naming the missing field
     * @throws IllegalArgumentException naming the field whose text is not a URI
     */
    public SubscriptionLinks(SubscriptionId subscription, String cancelSubscription, String updatePaymentMethod) {
        this.subscription = Validation.requireNonNull("subscription", subscription);
        this.cancelSubscription = DeferredUri.parse("cancelSubscription", cancelSubscription);
        this.updatePaymentMethod = DeferredUri.parse("updatePaymentMethod", updatePaymentMethod);
    }

    /** @return the subscription the links are for */
    public SubscriptionId subscription() {
        return subscription;
    }

    /** @return the link to the subscription's page with the cancellation form */
    public URI cancelSubscription() {
        return cancelSubscription.uri();
    }

    /** @return the link to the subscription's page with the payment-method form */
    public URI updatePaymentMethod() {
        return updatePaymentMethod.uri();
    }

    /**
     * Returns the link for a subscription action.
     *
     * @param action {@link PortalAction#CANCEL_SUBSCRIPTION} or {@link PortalAction#UPDATE_PAYMENT_METHOD}, not null
     * @return the link, never null
     * @throws IllegalArgumentException for {@link PortalAction#OVERVIEW}, which is not per subscription
     */
    public URI link(PortalAction action) {
        return switch (Validation.requireNonNull("action", action)) {
            case CANCEL_SUBSCRIPTION -> cancelSubscription.uri();
            case UPDATE_PAYMENT_METHOD -> updatePaymentMethod.uri();
            case OVERVIEW -> throw new IllegalArgumentException("action OVERVIEW has no per-subscription link; use PortalSession.overview()");
        };
    }

    /** Describes the links with their tokens removed. */
    @Override
    public String toString() {
        return "SubscriptionLinks[subscription=" + subscription + ", cancelSubscription=" + cancelSubscription + ", updatePaymentMethod="
                + updatePaymentMethod + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriptionLinks that && subscription.equals(that.subscription) && cancelSubscription.equals(that.cancelSubscription)
                && updatePaymentMethod.equals(that.updatePaymentMethod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subscription, cancelSubscription, updatePaymentMethod);
    }
}
