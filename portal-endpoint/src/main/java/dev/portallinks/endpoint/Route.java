package dev.portallinks.endpoint;

import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which portal page a request asks for, from the path below the endpoint's base: {@code /overview},
 * {@code /subscriptions/{id}/cancel} or {@code /subscriptions/{id}/update-payment-method}. The subscription stays text
 * here: whether it is a valid ID, and this user's, is for the endpoint to decide (both refusals look alike to the caller).
 *
 * @param action the page, not null
 * @param subscriptionText the subscription as the path gave it (not validated); null for the overview, not null otherwise
 */
record Route(PortalAction action, String subscriptionText) {

    /** The overview's path. */
    static final String OVERVIEW = "/overview";
    /** The path of a subscription's pages: {@code /subscriptions/{id}/{page}}. */
    static final String SUBSCRIPTIONS = "/subscriptions/";
    /** The last segment of a subscription's cancellation page. */
    static final String CANCEL = "cancel";
    /** The last segment of a subscription's payment-method page. */
    static final String UPDATE_PAYMENT_METHOD = "update-payment-method";

    Route {
        Objects.requireNonNull(action, "action must not be null");
        if (action.needsSubscription() != (subscriptionText != null)) {
            throw new IllegalArgumentException(action + (action.needsSubscription() ? " needs a subscription" : " takes no subscription"));
        }
    }

    /**
     * Parses the path below the endpoint's base.
     *
     * @param pathInfo the servlet's path info (decoded, starting with {@code /}), may be null
     * @return the route, or empty when the path is none of the three
     */
    static Optional<Route> parse(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        if (pathInfo.equals(OVERVIEW)) {
            return Optional.of(new Route(PortalAction.OVERVIEW, null));
        }
        if (!pathInfo.startsWith(SUBSCRIPTIONS)) {
            return Optional.empty();
        }
        String rest = pathInfo.substring(SUBSCRIPTIONS.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String subscription = rest.substring(0, slash);
        return switch (rest.substring(slash + 1)) {
            case CANCEL -> Optional.of(new Route(PortalAction.CANCEL_SUBSCRIPTION, subscription));
            case UPDATE_PAYMENT_METHOD -> Optional.of(new Route(PortalAction.UPDATE_PAYMENT_METHOD, subscription));
            default -> Optional.empty();
        };
    }

    /** @return the subscription when the path named a valid Paddle subscription ID; empty for the overview or a malformed ID */
    Optional<SubscriptionId> validSubscription() {
        if (subscriptionText == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SubscriptionId.of(subscriptionText));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
