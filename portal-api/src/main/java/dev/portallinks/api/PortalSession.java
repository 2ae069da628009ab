package dev.portallinks.api;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer portal session Paddle created: the authenticated overview link and one {@link SubscriptionLinks}
 * per subscription that was asked for.
 *
 * <p>The links carry temporary sign-in tokens. Paddle's rule is that sessions are not cached: create one for
 * the click that needs it, redirect, and drop it. For that reason this type is deliberately not
 * {@link java.io.Serializable} (it cannot end up in an HTTP session or view state by accident), and
 * {@link #toString()} leaves the tokens out. Immutable and thread-safe.
 *
 * @param id Paddle's ID of the session, not null, matching {@value #ID_PATTERN}
 * @param customer the customer the session is for, not null
 * @param overview the authenticated link to the portal's home page, not null
 * @param subscriptions the per-subscription links, not null, possibly empty, one entry per subscription
 * @param createdAt when Paddle created the session, not null
 * @param requestId Paddle's request ID for the call that created it (give it to Paddle support), may be null
 */
public record PortalSession(String id, CustomerId customer, URI overview, List<SubscriptionLinks> subscriptions, Instant createdAt,
        String requestId) {

    /** Paddle's pattern for customer portal session IDs. */
    public static final String ID_PATTERN = "^cpls_[a-z\\d]{26}$";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    /**
     * Validates the session.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException if the ID does not match {@value #ID_PATTERN} or a subscription has two entries
     */
    public PortalSession {
        Validation.requireMatch("portal session ID", id, ID, "cpls_01h4ge9r64c22exjsx0fy8b48b");
        Validation.requireNonNull("customer", customer);
        Validation.requireNonNull("overview", overview);
        Validation.requireNonNull("subscriptions", subscriptions);
        Validation.requireNonNull("createdAt", createdAt);
        subscriptions = List.copyOf(subscriptions);
        Set<SubscriptionId> seen = new HashSet<>();
        for (SubscriptionLinks links : subscriptions) {
            if (!seen.add(links.subscription())) {
                throw new IllegalArgumentException("subscriptions: more than one set of links for \"" + links.subscription() + "\"");
            }
        }
    }

    /**
     * Returns the links of one subscription.
     *
     * @param subscription the subscription, not null
     * @return its links, or empty if it was not part of the request
     */
    public Optional<SubscriptionLinks> linksFor(SubscriptionId subscription) {
        Validation.requireNonNull("subscription", subscription);
        return subscriptions.stream().filter(links -> links.subscription().equals(subscription)).findFirst();
    }

    /**
     * Returns the link for an action.
     *
     * @param action the page to open, not null
     * @param subscription the subscription, not null for the subscription actions; ignored for {@link PortalAction#OVERVIEW}
     * @return the link, never null
     * @throws IllegalArgumentException if a subscription action names a subscription this session has no links for
     */
    public URI link(PortalAction action, SubscriptionId subscription) {
        if (!Validation.requireNonNull("action", action).needsSubscription()) {
            return overview;
        }
        Validation.requireNonNull("subscription (needed for " + action + ")", subscription);
        return linksFor(subscription).orElseThrow(() -> new IllegalArgumentException(
                "subscription \"" + subscription + "\" is not part of portal session " + id + "; create the session with it")).link(action);
    }

    /** Describes the session with its tokens removed. */
    @Override
    public String toString() {
        return "PortalSession[id=" + id + ", customer=" + customer + ", overview=" + Secrets.redact(overview) + ", subscriptions="
                + subscriptions + ", createdAt=" + createdAt + ", requestId=" + requestId + "]";
    }
}
