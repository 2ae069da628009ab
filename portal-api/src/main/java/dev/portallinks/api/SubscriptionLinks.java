package dev.portallinks.api;

import java.net.URI;

/**
 * The authenticated deep links of one subscription in a {@link PortalSession}.
 *
 * <p>Each link carries a temporary sign-in token: hand it to the customer's browser (a redirect) and drop
 * it. Never store, cache, log or embed it in an iframe; {@link #toString()} leaves the tokens out.
 * Immutable and thread-safe.
 *
 * @param subscription the subscription the links are for, not null
 * @param cancelSubscription opens the subscription's page with the cancellation form, not null
 * @param updatePaymentMethod opens the subscription's page with the payment-method form, not null
 */
public record SubscriptionLinks(SubscriptionId subscription, URI cancelSubscription, URI updatePaymentMethod) {

    /**
     * Checks that nothing is null.
     *
     * @throws NullPointerException naming the missing field
     */
    public SubscriptionLinks {
        Validation.requireNonNull("subscription", subscription);
        Validation.requireNonNull("cancelSubscription", cancelSubscription);
        Validation.requireNonNull("updatePaymentMethod", updatePaymentMethod);
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
            case CANCEL_SUBSCRIPTION -> cancelSubscription;
            case UPDATE_PAYMENT_METHOD -> updatePaymentMethod;
            case OVERVIEW -> throw new IllegalArgumentException("action OVERVIEW has no per-subscription link; use PortalSession.overview()");
        };
    }

    /** Describes the links with their tokens removed. */
    @Override
    public String toString() {
        return "SubscriptionLinks[subscription=" + subscription + ", cancelSubscription=" + Secrets.redact(cancelSubscription)
                + ", updatePaymentMethod=" + Secrets.redact(updatePaymentMethod) + "]";
    }
}
