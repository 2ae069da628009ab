package dev.portallinks.api;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
 * <p>Equal when every field is equal (links by their text).
 */
public final class PortalSession {

    /** Paddle's pattern for customer portal session IDs. */
    public static final String ID_PATTERN = "^cpls_[a-z\\d]{26}$";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private final String id;
    private final CustomerId customer;
    private final DeferredUri overview;
    private final List<SubscriptionLinks> subscriptions;
    private final Instant createdAt;
    private final String requestId;

    /**
     * Validates the session.
     *
     * @param id Paddle's ID of the session, not null, matching {@value #ID_PATTERN}
     * @param customer the customer the session is for, not null
     * @param overview the authenticated link to the portal's home page, not null
     * @param subscriptions the per-subscription links, not null, possibly empty, one entry per subscription
     * @param createdAt when Paddle created the session, not null
     * @param requestId Paddle's request ID for the call that created it (give it to Paddle support), may be null
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException if the ID does not match {@value #ID_PATTERN} or a subscription has two entries
     */
    public PortalSession(String id, CustomerId customer, URI overview, List<SubscriptionLinks> subscriptions, Instant createdAt,
            String requestId) {
        this(id, customer, DeferredUri.of("overview", overview), subscriptions, createdAt, requestId);
    }

    /**
     * Validates the session, with the overview link as text, as Paddle sends it: a plain absolute {@code http(s)} link is
     * checked in one pass and parsed into a {@link URI} only when it is asked for; any other text is parsed now.
     *
     * @param id Paddle's ID of the session, not null, matching {@value #ID_PATTERN}
     * @param customer the customer the session is for, not null
     * @param overview the authenticated link to the portal's home page, not null
     * @param subscriptions the per-subscription links, not null, possibly empty, one entry per subscription
     * @param createdAt when Paddle created the session, not null
     * @param requestId Paddle's request ID for the call that created it (give it to Paddle support), may be null
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException if the ID does not match {@value #ID_PATTERN}, the overview is not a URI or a
     *         subscription has two entries
     */
    public PortalSession(String id, CustomerId customer, String overview, List<SubscriptionLinks> subscriptions, Instant createdAt,
            String requestId) {
        this(id, customer, DeferredUri.parse("overview", overview), subscriptions, createdAt, requestId);
    }

    private PortalSession(String id, CustomerId customer, DeferredUri overview, List<SubscriptionLinks> subscriptions, Instant createdAt,
            String requestId) {
        this.id = Validation.requireMatch("portal session ID", id, ID, "cpls_01h4ge9r64c22exjsx0fy8b48b");
        this.customer = Validation.requireNonNull("customer", customer);
        this.overview = overview;
        this.subscriptions = List.copyOf(Validation.requireNonNull("subscriptions", subscriptions));
        this.createdAt = Validation.requireNonNull("createdAt", createdAt);
        this.requestId = requestId;
        Set<SubscriptionId> seen = new HashSet<>();
        for (SubscriptionLinks links : this.subscriptions) {
            if (!seen.add(links.subscription())) {
                throw new IllegalArgumentException("subscriptions: more than one set of links for \"" + links.subscription() + "\"");
            }
        }
    }

    /** @return Paddle's ID of the session ({@code cpls_…}) */
    public String id() {
        return id;
    }

    /** @return the customer the session is for */
    public CustomerId customer() {
        return customer;
    }

    /** @return the authenticated link to the portal's home page */
    public URI overview() {
        return overview.uri();
    }

    /** @return the per-subscription links, in the order they were requested; unmodifiable */
    public List<SubscriptionLinks> subscriptions() {
        return subscriptions;
    }

    /** @return when Paddle created the session */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return Paddle's request ID for the call that created the session, or null */
    public String requestId() {
        return requestId;
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
            return overview.uri();
        }
        Validation.requireNonNull("subscription (needed for " + action + ")", subscription);
        return linksFor(subscription).orElseThrow(() -> new IllegalArgumentException(
                "subscription \"" + subscription + "\" is not part of portal session " + id + "; create the session with it")).link(action);
    }

    /** Describes the session with its tokens removed. */
    @Override
    public String toString() {
        return "PortalSession[id=" + id + ", customer=" + customer + ", overview=" + overview + ", subscriptions=" + subscriptions
                + ", createdAt=" + createdAt + ", requestId=" + requestId + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalSession that && id.equals(that.id) && customer.equals(that.customer) && overview.equals(that.overview)
                && subscriptions.equals(that.subscriptions) && createdAt.equals(that.createdAt) && Objects.equals(requestId, that.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, customer, overview, subscriptions, createdAt, requestId);
    }
}
