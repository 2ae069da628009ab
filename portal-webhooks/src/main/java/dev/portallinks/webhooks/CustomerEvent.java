package dev.portallinks.webhooks;

import dev.portallinks.api.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code customer.*} notification ({@code customer.created}, {@code customer.updated}): the customer's contact data
 * after the change. Immutable, serializable and thread-safe.
 *
 * @param eventId Paddle's event ID, not blank
 * @param eventType the type as Paddle sent it, not blank
 * @param occurredAt when it occurred, not null
 * @param notificationId Paddle's notification ID, may be null
 * @param stale whether a newer event about this customer was accepted first (see {@link PaddleNotification#stale()})
 * @param customer the customer, not null
 * @param email the customer's email address, may be null
 * @param name the customer's name, may be null
 * @param status Paddle's status of the customer, e.g. {@code active}, may be null
 * @param updatedAt when Paddle last changed the customer ({@code data.updated_at}), may be null
 */
public record CustomerEvent(String eventId, String eventType, Instant occurredAt, String notificationId, boolean stale, CustomerId customer,
        String email, String name, String status, Instant updatedAt) implements PaddleNotification {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the event.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException naming a blank one
     */
    public CustomerEvent {
        Checks.envelope(eventId, eventType, occurredAt);
        Objects.requireNonNull(customer, "customer must not be null");
    }

    /** Returns the event without the customer's email address and name, which are personal data. */
    @Override
    public String toString() {
        return "CustomerEvent[eventId=" + eventId + ", eventType=" + eventType + ", occurredAt=" + occurredAt + ", notificationId=" + notificationId
                + ", stale=" + stale + ", customer=" + customer + ", status=" + status + ", updatedAt=" + updatedAt + "]";
    }
}
