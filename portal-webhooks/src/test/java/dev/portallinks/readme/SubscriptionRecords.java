package dev.portallinks.readme;

import dev.portallinks.api.SubscriptionSummary;
import java.time.Instant;

/** README's stand-in for the application's own table of subscriptions (JPA, JDBC, whatever it uses). */
public interface SubscriptionRecords {

    /**
     * Saves a subscription's state unless the row already holds a newer one, and tells whether it did.
     *
     * @param subscription the state Paddle notified
     * @param asOf when it became that state ({@code occurred_at})
     * @return true when saved
     */
    boolean saveIfNewer(SubscriptionSummary subscription, Instant asOf);
}
