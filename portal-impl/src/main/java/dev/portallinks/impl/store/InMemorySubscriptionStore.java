package dev.portallinks.impl.store;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStore;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link SubscriptionStore}: this instance's memory, for at most {@value #DEFAULT_CAPACITY} customers (the
 * least recently used one is forgotten first, and is listed from Paddle again when next asked for). An application that
 * keeps subscriptions in its own database replaces it with an {@code @Alternative} bean.
 */
@ApplicationScoped
public class InMemorySubscriptionStore implements SubscriptionStore {

    /** How many customers are kept. */
    public static final int DEFAULT_CAPACITY = 50_000;

    private final Map<CustomerId, Held> customers;

    /** A store for {@value #DEFAULT_CAPACITY} customers. */
    public InMemorySubscriptionStore() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A store for a number of customers.
     *
     * @param capacity how many customers are kept, at least 1
     */
    public InMemorySubscriptionStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.customers = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<CustomerId, Held> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<CustomerSubscriptions> find(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        Held held;
        synchronized (customers) {
            held = customers.get(customer);
        }
        return Optional.ofNullable(held).map(h -> h.view(customer));
    }

    @Override
    public void putListing(CustomerId customer, List<SubscriptionSummary> subscriptions, Instant listedAt) {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(subscriptions, "subscriptions must not be null");
        Objects.requireNonNull(listedAt, "listedAt must not be null");
        synchronized (customers) {
            Held before = customers.get(customer);
            customers.put(customer, Held.listed(before, subscriptions, listedAt));
        }
    }

    @Override
    public boolean apply(SubscriptionSummary subscription, Instant occurredAt) {
        Objects.requireNonNull(subscription, "subscription must not be null");
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        synchronized (customers) {
            Held before = customers.get(subscription.customer());
            Versioned known = before == null ? null : before.subscriptions().get(subscription.id());
            if (known != null && occurredAt.isBefore(known.version())) {
                return false;
            }
            customers.put(subscription.customer(), Held.changed(before, new Versioned(subscription, occurredAt)));
            return true;
        }
    }

    /** One subscription's state and the instant it is the state of. */
    private record Versioned(SubscriptionSummary summary, Instant version) {
    }

    /** What is held for one customer; never changed, replaced whole. */
    private record Held(Instant listedAt, LinkedHashMap<SubscriptionId, Versioned> subscriptions) {

        static Held listed(Held before, List<SubscriptionSummary> listing, Instant listedAt) {
            LinkedHashMap<SubscriptionId, Versioned> merged = new LinkedHashMap<>();
            for (SubscriptionSummary listed : listing) {
                Versioned notified = before == null ? null : before.subscriptions().get(listed.id());
                // A notification that occurred after the listing was asked for is newer than what the listing says.
                merged.put(listed.id(), notified != null && notified.version().isAfter(listedAt) ? notified : new Versioned(listed, listedAt));
            }
            if (before != null) {
                // A subscription created after the listing was asked for is not in it yet.
                before.subscriptions().forEach((id, notified) -> {
                    if (!merged.containsKey(id) && notified.version().isAfter(listedAt)) {
                        merged.put(id, notified);
                    }
                });
            }
            return new Held(listedAt, merged);
        }

        static Held changed(Held before, Versioned change) {
            LinkedHashMap<SubscriptionId, Versioned> copy = before == null ? new LinkedHashMap<>() : new LinkedHashMap<>(before.subscriptions());
            copy.put(change.summary().id(), change);
            return new Held(before == null ? null : before.listedAt(), copy);
        }

        CustomerSubscriptions view(CustomerId customer) {
            List<SubscriptionSummary> summaries = new ArrayList<>(subscriptions.size());
            subscriptions.values().forEach(versioned -> summaries.add(versioned.summary()));
            return new CustomerSubscriptions(customer, summaries, listedAt);
        }
    }
}
