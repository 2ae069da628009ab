package dev.portallinks.webhooks;

import java.time.Instant;

/**
 * One notification from Paddle, verified and accepted by the receiver, as the CDI event it fires: a
 * {@link SubscriptionEvent}, {@link CustomerEvent}, {@link TransactionEvent} or, for any other {@code event_type},
 * an {@link UnknownPaddleEvent}. Observe this interface to get every notification; observe one of the types (and
 * {@link PaddleEventType} for one event type) to get only what the application needs.
 *
 * <p>Implementations are immutable, serializable and thread-safe records.
 */
public sealed interface PaddleNotification extends java.io.Serializable permits SubscriptionEvent, CustomerEvent, TransactionEvent, UnknownPaddleEvent {

    /**
     * Returns Paddle's ID of the event, {@code evt_…}: the same for every delivery of the event (Paddle delivers at least
     * once), so it is the key an idempotent observer records.
     *
     * @return the ID, never null
     */
    String eventId();

    /**
     * Returns the event type as Paddle sent it, e.g. {@code subscription.canceled}.
     *
     * @return the type, never null
     */
    String eventType();

    /**
     * Returns when the event occurred at Paddle ({@code occurred_at}): the order of events about one entity.
     *
     * @return the instant, never null
     */
    Instant occurredAt();

    /**
     * Returns Paddle's ID of this notification ({@code ntf_…}).
     *
     * @return the ID, or null when the notification had none
     */
    String notificationId();

    /**
     * Tells whether an event about the same entity (same {@code data.id}) that occurred later had already been accepted:
     * this one arrived out of order, and what it says is older than what the application has seen. It is still fired, so
     * that an audit trail misses nothing; an observer that keeps state must not let it overwrite newer state.
     *
     * @return true when a newer event about the same entity came first
     */
    boolean stale();
}
