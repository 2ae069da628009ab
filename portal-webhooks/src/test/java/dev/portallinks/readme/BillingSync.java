package dev.portallinks.readme;

import dev.portallinks.webhooks.PaddleEventType;
import dev.portallinks.webhooks.SubscriptionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Keeps the application's own subscriptions current from Paddle's notifications, as Laravel Cashier does. */
@ApplicationScoped
public class BillingSync {

    private static final Logger LOG = Logger.getLogger(BillingSync.class.getName());

    @Inject
    SubscriptionRecords records;

    /** Every subscription.* event; synchronous, so a failure is logged and the next delivery of the event fires again. */
    void changed(@Observes SubscriptionEvent event) {
        // Idempotent by occurred_at: a duplicate or an older event (event.stale()) changes nothing.
        if (!event.stale()) {
            records.saveIfNewer(event.subscription(), event.occurredAt());
        }
    }

    /** Only cancellations, through the qualifier. */
    void canceled(@Observes @PaddleEventType(PaddleEventType.SUBSCRIPTION_CANCELED) SubscriptionEvent event) {
        LOG.info(() -> "Subscription " + event.subscription().id() + " of " + event.subscription().customer() + " was canceled");
    }
}
