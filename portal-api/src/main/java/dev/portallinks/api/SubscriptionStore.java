package dev.portallinks.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the library keeps what it knows of customers' subscriptions, so that a billing page is rendered without asking
 * Paddle: {@link PortalLinkService#listSubscriptions} is served from here while the customer's listing is fresh, and
 * Paddle's notifications ({@code portal-webhooks}) keep it current.
 *
 * <p><b>The rule of versions.</b> Each subscription the store holds carries the instant of the state it holds: the
 * listing's time for what a listing brought, the notification's {@code occurred_at} for what a notification brought. A
 * notification older than the state held does not overwrite it ({@link #apply} returns false: the event is stale); a
 * listing does not overwrite a subscription whose notification is newer than the listing.
 *
 * <p><b>Plugging your own.</b> {@code portal-impl} brings a bounded store in memory. An application that keeps
 * subscriptions in its own database implements this interface as a CDI bean, selected with {@code @Alternative} and
 * {@code @Priority}; the library then reads and writes through it. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface SubscriptionStore {

    /**
     * A customer's subscriptions as the store holds them.
     *
     * @param customer the customer, not null
     * @param subscriptions the subscriptions, not null; in the listing's order, changed or added ones where they fall
     * @param listedAt when they were last listed from Paddle: the listing is complete as of then; null when the customer
     *        was never listed (the store knows some of their subscriptions from notifications only, which says nothing of
     *        the others)
     */
    record CustomerSubscriptions(CustomerId customer, List<SubscriptionSummary> subscriptions, Instant listedAt) {

        /**
         * Validates and copies.
         *
         * @throws NullPointerException naming a missing field
         */
        public CustomerSubscriptions {
            Objects.requireNonNull(customer, "customer must not be null");
            subscriptions = List.copyOf(Objects.requireNonNull(subscriptions, "subscriptions must not be null"));
        }

        /**
         * Returns when the listing was made.
         *
         * @return the instant, or empty when the customer was never listed
         */
        public Optional<Instant> listed() {
            return Optional.ofNullable(listedAt);
        }
    }

    /**
     * Returns what the store holds for a customer.
     *
     * @param customer the customer, not null
     * @return the subscriptions, or empty when the store holds nothing for the customer
     */
    Optional<CustomerSubscriptions> find(CustomerId customer);

    /**
     * Keeps a complete listing of a customer's subscriptions, made at {@code listedAt}. A subscription whose state in the
     * store is newer than the listing (a notification that occurred after it) keeps that state.
     *
     * @param customer the customer, not null
     * @param subscriptions every subscription of the customer, not null
     * @param listedAt when the listing was asked for, not null
     */
    void putListing(CustomerId customer, List<SubscriptionSummary> subscriptions, Instant listedAt);

    /**
     * Applies the state of one subscription as a notification reported it, unless the store holds a newer one.
     *
     * @param subscription the subscription's state, not null
     * @param occurredAt when the change occurred ({@code occurred_at}), not null
     * @return true when applied; false when the store holds a state newer than {@code occurredAt} (the notification is
     *         stale and changed nothing)
     */
    boolean apply(SubscriptionSummary subscription, Instant occurredAt);
}
