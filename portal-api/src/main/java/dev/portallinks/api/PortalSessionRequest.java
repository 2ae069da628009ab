package dev.portallinks.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to ask Paddle for: a portal session for one customer, with deep links for up to
 * {@value #MAX_SUBSCRIPTIONS} of that customer's subscriptions.
 *
 * <p>Validated at construction, before any network call: the customer must be present, the subscription
 * list may be empty (overview link only) but holds at most {@value #MAX_SUBSCRIPTIONS} IDs, none null and
 * none twice — Paddle's own limits. Immutable and thread-safe.
 *
 * <pre>{@code
 * PortalSessionRequest request = PortalSessionRequest.of(
 *         CustomerId.of("ctm_01grnn4zta5a1mf02jjze7y2ys"),
 *         SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4"));
 * }</pre>
 *
 * @param customer the customer the portal opens for, not null
 * @param subscriptions the subscriptions to create deep links for, not null, 0 to 25 unique IDs;
 *        copied, in the given order
 */
public record PortalSessionRequest(CustomerId customer, List<SubscriptionId> subscriptions) {

    /** Paddle's limit on subscription IDs in one portal session. */
    public static final int MAX_SUBSCRIPTIONS = 25;

    /**
     * Validates and copies the request.
     *
     * @throws NullPointerException if the customer, the list or one of its IDs is null
     * @throws IllegalArgumentException if there are more than 25 IDs or an ID appears twice
     */
    public PortalSessionRequest {
        Validation.requireNonNull("customer", customer);
        // Check a private copy, so a caller's list changed concurrently cannot slip past the checks.
        subscriptions = new ArrayList<>(Validation.requireNonNull("subscriptions", subscriptions));
        if (subscriptions.size() > MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException("subscriptions: " + subscriptions.size() + " subscription IDs given; Paddle accepts at most "
                    + MAX_SUBSCRIPTIONS + " in one portal session. Ask for the ones the customer is about to act on.");
        }
        Set<SubscriptionId> seen = new HashSet<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            SubscriptionId id = subscriptions.get(i);
            if (id == null) {
                throw new NullPointerException("subscriptions[" + i + "] must not be null");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("subscriptions: \"" + id + "\" appears more than once; Paddle requires unique subscription IDs");
            }
        }
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * A request for the overview link only.
     *
     * @param customer the customer, not null
     * @return the request, never null
     */
    public static PortalSessionRequest overview(CustomerId customer) {
        return new PortalSessionRequest(customer, List.of());
    }

    /**
     * The request one action's link needs: the overview alone for {@link PortalAction#OVERVIEW}, else just the
     * subscription whose page the action opens.
     *
     * @param action the page to open, not null
     * @param customer the customer, not null
     * @param subscription the subscription; not null for the subscription actions, ignored for the overview
     * @return the request, never null
     * @throws NullPointerException naming the missing argument
     */
    public static PortalSessionRequest forAction(PortalAction action, CustomerId customer, SubscriptionId subscription) {
        Objects.requireNonNull(action, "action must not be null");
        if (!action.needsSubscription()) {
            return overview(customer);
        }
        Objects.requireNonNull(subscription, () -> "subscription must not be null for " + action);
        return new PortalSessionRequest(customer, List.of(subscription));
    }

    /**
     * A request with deep links for the given subscriptions.
     *
     * @param customer the customer, not null
     * @param subscriptions 0 to 25 unique subscription IDs, not null
     * @return the request, never null
     */
    public static PortalSessionRequest of(CustomerId customer, SubscriptionId... subscriptions) {
        Validation.requireNonNull("subscriptions", subscriptions);
        return new PortalSessionRequest(customer, Arrays.asList(subscriptions));
    }

    /**
     * A request with deep links for the given subscriptions.
     *
     * @param customer the customer, not null
     * @param subscriptions 0 to 25 unique subscription IDs, not null; iterated once, in its order
     * @return the request, never null
     */
    public static PortalSessionRequest of(CustomerId customer, Collection<SubscriptionId> subscriptions) {
        Validation.requireNonNull("subscriptions", subscriptions);
        // Not List.copyOf: it would reject a null element without saying which; the constructor names the index.
        return new PortalSessionRequest(customer, new ArrayList<>(subscriptions));
    }
}
