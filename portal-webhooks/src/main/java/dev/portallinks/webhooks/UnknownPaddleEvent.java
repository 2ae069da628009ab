package dev.portallinks.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification of a type this library has no record for ({@code price.created}, {@code adjustment.updated}, a type
 * Paddle adds later): never an error, fired with its {@code data} as JSON text for the application to read. Immutable,
 * serializable and thread-safe.
 *
 * @param eventId Paddle's event ID, not blank
 * @param eventType the type as Paddle sent it, not blank
 * @param occurredAt when it occurred, not null
 * @param notificationId Paddle's notification ID, may be null
 * @param stale whether a newer event about the same entity ({@code data.id}) was accepted first
 * @param data the {@code data} member as JSON text (parsed and written again, so whitespace may differ), not null;
 *        {@code null} (the JSON literal) when the notification had none
 */
public record UnknownPaddleEvent(String eventId, String eventType, Instant occurredAt, String notificationId, boolean stale, String data)
        implements PaddleNotification {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the event.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException naming a blank one
     */
    public UnknownPaddleEvent {
        Checks.envelope(eventId, eventType, occurredAt);
        Objects.requireNonNull(data, "data must not be null");
    }

    /** Returns the event without its data, which may hold personal data. */
    @Override
    public String toString() {
        return "UnknownPaddleEvent[eventId=" + eventId + ", eventType=" + eventType + ", occurredAt=" + occurredAt + ", notificationId="
                + notificationId + ", stale=" + stale + ", data=(" + data.length() + " characters)]";
    }
}
