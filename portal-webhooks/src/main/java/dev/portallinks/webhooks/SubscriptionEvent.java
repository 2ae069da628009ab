package dev.portallinks.webhooks;

import dev.portallinks.api.SubscriptionSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code subscription.*} notification: the subscription as Paddle describes it after the change, as the same
 * {@link SubscriptionSummary} a listing gives. Immutable, serializable and thread-safe.
 *
 * <p>An observer that keeps subscriptions in the application's database:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SubscriptionSync {
 *     @Inject SubscriptionRepository subscriptions; // the application's own
 *
 *     @Transactional
 *     void onChange(@Observes SubscriptionEvent event) {
 *         if (event.stale()) {
 *             return; // a newer event about this subscription came first
 *         }
 *         subscriptions.upsertIfOlder(event.subscription(), event.occurredAt()); // idempotent: Paddle may deliver twice
 *     }
 * }
 * }</pre>
 *
 * @param eventId Paddle's event ID, not blank
 * @param eventType the type as Paddle sent it, e.g. {@code subscription.canceled}, not blank
 * @param kind the type as an enum, {@link Kind#UNKNOWN} for a subscription event this version does not know; not null
 * @param occurredAt when it occurred, not null
 * @param notificationId Paddle's notification ID, may be null
 * @param stale whether a newer event about this subscription was accepted first (see {@link PaddleNotification#stale()})
 * @param subscription the subscription after the change, not null
 * @param updatedAt when Paddle last changed the subscription ({@code data.updated_at}), may be null
 */
public record SubscriptionEvent(String eventId, String eventType, Kind kind, Instant occurredAt, String notificationId, boolean stale,
        SubscriptionSummary subscription, Instant updatedAt) implements PaddleNotification {

    private static final long serialVersionUID = 1L;

    /** What happened to the subscription. */
    public enum Kind {
        /** {@code subscription.created}. */
        CREATED(PaddleEventType.SUBSCRIPTION_CREATED),
        /** {@code subscription.updated}. */
        UPDATED(PaddleEventType.SUBSCRIPTION_UPDATED),
        /** {@code subscription.activated}. */
        ACTIVATED(PaddleEventType.SUBSCRIPTION_ACTIVATED),
        /** {@code subscription.trialing}. */
        TRIALING(PaddleEventType.SUBSCRIPTION_TRIALING),
        /** {@code subscription.past_due}. */
        PAST_DUE(PaddleEventType.SUBSCRIPTION_PAST_DUE),
        /** {@code subscription.paused}. */
        PAUSED(PaddleEventType.SUBSCRIPTION_PAUSED),
        /** {@code subscription.resumed}. */
        RESUMED(PaddleEventType.SUBSCRIPTION_RESUMED),
        /** {@code subscription.canceled}. */
        CANCELED(PaddleEventType.SUBSCRIPTION_CANCELED),
        /** A {@code subscription.*} type this version of the library does not name (e.g. {@code subscription.imported}). */
        UNKNOWN("subscription.*");

        private final String eventType;

        Kind(String eventType) {
            this.eventType = eventType;
        }

        /** @return the event type, e.g. {@code subscription.canceled}; {@code subscription.*} for {@link #UNKNOWN} */
        public String eventType() {
            return eventType;
        }

        /**
         * Maps an event type; types Paddle adds later map to {@link #UNKNOWN}.
         *
         * @param eventType the type, not null
         * @return the kind, never null
         */
        public static Kind fromEventType(String eventType) {
            Objects.requireNonNull(eventType, "eventType must not be null");
            for (Kind kind : values()) {
                if (kind.eventType.equals(eventType)) {
                    return kind;
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * Validates the event.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException naming a blank one
     */
    public SubscriptionEvent {
        Checks.envelope(eventId, eventType, occurredAt);
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(subscription, "subscription must not be null");
    }
}
