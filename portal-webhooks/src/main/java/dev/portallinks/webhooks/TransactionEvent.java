package dev.portallinks.webhooks;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import java.time.Instant;

/**
 * A {@code transaction.*} notification, such as {@code transaction.completed}: which customer and subscription a
 * transaction is for, and its status. Immutable, serializable and thread-safe.
 *
 * @param eventId Paddle's event ID, not blank
 * @param eventType the type as Paddle sent it, not blank
 * @param occurredAt when it occurred, not null
 * @param notificationId Paddle's notification ID, may be null
 * @param stale whether a newer event about this transaction was accepted first (see {@link PaddleNotification#stale()})
 * @param transactionId the transaction's ID, {@code txn_…}, not blank
 * @param customer the customer, may be null (a transaction before checkout has none)
 * @param subscription the subscription it bills, may be null (a one-time purchase)
 * @param status Paddle's status of the transaction, e.g. {@code completed}, may be null
 * @param billedAt when it was billed, may be null
 * @param updatedAt when Paddle last changed it, may be null
 */
public record TransactionEvent(String eventId, String eventType, Instant occurredAt, String notificationId, boolean stale, String transactionId,
        CustomerId customer, SubscriptionId subscription, String status, Instant billedAt, Instant updatedAt) implements PaddleNotification {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the event.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException naming a blank one
     */
    public TransactionEvent {
        Checks.envelope(eventId, eventType, occurredAt);
        Checks.notBlank("transactionId", transactionId);
    }
}
