package dev.portallinks.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a billing page shows of one subscription, from Paddle's {@code GET /subscriptions} listing.
 * Immutable, serializable and thread-safe.
 *
 * @param id the subscription, not null
 * @param customer the customer it belongs to, not null
 * @param status its status, not null
 * @param nextBilledAt when it is billed next, null when it is not (canceled, paused)
 * @param currencyCode the ISO 4217 currency it is billed in, not null
 * @param items its items, not null, possibly empty
 * @param scheduledChange the change Paddle has scheduled (e.g. a cancellation at the end of the period), null when none
 */
public record SubscriptionSummary(SubscriptionId id, CustomerId customer, SubscriptionStatus status, Instant nextBilledAt, String currencyCode,
        List<SubscriptionItem> items, ScheduledChange scheduledChange) implements java.io.Serializable {

    /**
     * A summary without a scheduled change.
     *
     * @param id the subscription, not null
     * @param customer the customer it belongs to, not null
     * @param status its status, not null
     * @param nextBilledAt when it is billed next, null when it is not
     * @param currencyCode the ISO 4217 currency, not null
     * @param items its items, not null
     */
    public SubscriptionSummary(SubscriptionId id, CustomerId customer, SubscriptionStatus status, Instant nextBilledAt, String currencyCode,
            List<SubscriptionItem> items) {
        this(id, customer, status, nextBilledAt, currencyCode, items, null);
    }

    /**
     * Validates and copies the summary.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException if {@code currencyCode} is not three upper-case letters
     */
    public SubscriptionSummary {
        Validation.requireNonNull("id", id);
        Validation.requireNonNull("customer", customer);
        Validation.requireNonNull("status", status);
        Validation.requireCurrencyCode("currencyCode", currencyCode);
        items = List.copyOf(Validation.requireNonNull("items", items));
    }

    /**
     * Returns the product names of the items, in order, without repeats.
     *
     * @return the names, never null
     */
    public List<String> productNames() {
        return items.stream().map(SubscriptionItem::productName).distinct().toList();
    }

    /**
     * Returns the change Paddle has scheduled.
     *
     * @return the change, or empty when none is scheduled
     */
    public Optional<ScheduledChange> pendingChange() {
        return Optional.ofNullable(scheduledChange);
    }

    /**
     * Tells whether a cancellation is scheduled: the subscription runs until {@link ScheduledChange#effectiveAt()}.
     *
     * @return true when Paddle will cancel it
     */
    public boolean cancellationScheduled() {
        return scheduledChange != null && scheduledChange.isCancellation();
    }

    /**
     * Returns when it is billed next.
     *
     * @return the instant, or empty when the subscription is not billed again
     */
    public Optional<Instant> nextBilling() {
        return Optional.ofNullable(nextBilledAt);
    }

    /**
     * Returns what one billing period of the recurring items costs before tax and discounts: the sum of unit
     * price times quantity.
     *
     * @return the total, or empty when an item has no price or prices are in different currencies
     */
    public Optional<Amount> recurringSubtotal() {
        Amount total = new Amount(0, currencyCode);
        for (SubscriptionItem item : items) {
            if (!item.recurring()) {
                continue;
            }
            if (item.unitPrice() == null || !item.unitPrice().currencyCode().equals(currencyCode)) {
                return Optional.empty();
            }
            total = total.plus(new Amount(Math.multiplyExact(item.unitPrice().minorUnits(), item.quantity()), currencyCode));
        }
        return Optional.of(total);
    }
}
