package dev.portallinks.endpoint;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking for a portal link, as the application knows it: the signed-in user's Paddle customer and the
 * subscriptions this user may manage. A {@link PortalCustomerResolver} returns it for the current request; the redirect
 * endpoint opens that customer's portal only, and the subscription pages only for the subscriptions listed here.
 *
 * <p>Validated at construction: the customer is present, the subscriptions are a set without nulls (copied, in the
 * given order; duplicates collapse). Immutable, serializable and thread-safe.
 *
 * @param customer the Paddle customer whose portal opens, not null
 * @param subscriptions the subscriptions this user may cancel or update the payment method of, not null, possibly empty
 *        (then only the overview is offered); unmodifiable
 */
public record PortalCustomer(CustomerId customer, Set<SubscriptionId> subscriptions) implements Serializable {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if the customer, the set or one of its elements is null (the message says which)
     */
    public PortalCustomer {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(subscriptions, "subscriptions must not be null; use an empty set when the user may manage none");
        // A private copy, checked after copying: a caller's set changed concurrently cannot slip a null past the check.
        Set<SubscriptionId> copy = new LinkedHashSet<>(subscriptions);
        if (copy.contains(null)) {
            throw new NullPointerException("subscriptions must not contain null (customer " + customer + ")");
        }
        subscriptions = Collections.unmodifiableSet(copy);
    }

    /**
     * A customer with the subscriptions the user may manage.
     *
     * @param customer the Paddle customer, not null
     * @param subscriptions the subscriptions, not null, none null
     * @return the value, never null
     */
    public static PortalCustomer of(CustomerId customer, Collection<SubscriptionId> subscriptions) {
        Objects.requireNonNull(subscriptions, "subscriptions must not be null; use an empty collection when the user may manage none");
        return new PortalCustomer(customer, new LinkedHashSet<>(subscriptions));
    }

    /**
     * A customer with the subscriptions the user may manage.
     *
     * @param customer the Paddle customer, not null
     * @param subscriptions the subscriptions, none null; none at all for a customer who may open the overview only
     * @return the value, never null
     */
    public static PortalCustomer of(CustomerId customer, SubscriptionId... subscriptions) {
        Objects.requireNonNull(subscriptions, "subscriptions must not be null");
        return of(customer, Arrays.asList(subscriptions));
    }

    /**
     * Tells whether this user may open a subscription's pages.
     *
     * @param subscription the subscription asked for, not null
     * @return true if it is one of {@link #subscriptions()}
     */
    public boolean mayManage(SubscriptionId subscription) {
        return subscriptions.contains(Objects.requireNonNull(subscription, "subscription must not be null"));
    }
}
