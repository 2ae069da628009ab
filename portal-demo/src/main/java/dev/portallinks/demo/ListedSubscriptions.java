package dev.portallinks.demo;

import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The subscriptions the plain HTML/JS page last listed in this browser session, kept on the server: what
 * {@link DemoCustomerResolver} lets the redirect endpoint open, so a click needs no further call to Paddle.
 */
@SessionScoped
public class ListedSubscriptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private volatile Set<SubscriptionId> manageable = Set.of();

    /**
     * Tells whether the page offers buttons for a subscription: not for a canceled one (Paddle would only open the overview).
     *
     * @param subscription a listed subscription
     * @return whether it may be cancelled or its payment method updated
     */
    public static boolean manageable(SubscriptionSummary subscription) {
        return subscription.status() != SubscriptionStatus.CANCELED;
    }

    /**
     * Replaces what this session may manage with the manageable ones of a fresh listing (none after a failed one).
     *
     * @param listed the subscriptions just listed
     */
    public void remember(Collection<SubscriptionSummary> listed) {
        Set<SubscriptionId> ids = new LinkedHashSet<>();
        listed.stream().filter(ListedSubscriptions::manageable).forEach(subscription -> ids.add(subscription.id()));
        manageable = Set.copyOf(ids);
    }

    /** @return the subscriptions this session may manage; empty before the page has listed them */
    public Set<SubscriptionId> manageable() {
        return manageable;
    }
}
