package dev.portallinks.test;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification the simulator delivered (or tried to) to its destination, {@link PaddleSimulator#notificationsSent()}:
 * what it sent, byte for byte, and what the receiver answered.
 *
 * @param eventId the envelope's {@code event_id}
 * @param eventType the envelope's {@code event_type}, e.g. {@code subscription.updated}
 * @param occurredAt the envelope's {@code occurred_at}
 * @param notificationId the envelope's {@code notification_id}
 * @param body the body as sent (UTF-8): the envelope, {@code data} included
 * @param signature the {@code Paddle-Signature} header as sent, {@code ts=…;h1=…}
 * @param destination where it was sent
 * @param status the HTTP status the receiver answered, or 0 when it did not answer (see {@code failure})
 * @param failure why there was no answer (refused connection, time-out after 2 s), or null when there was one
 */
public record NotificationDelivery(String eventId, String eventType, Instant occurredAt, String notificationId, String body, String signature,
        URI destination, int status, Exception failure) {

    /** Checks that the envelope fields, the body, signature and destination are there, and the status with the failure. */
    public NotificationDelivery {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(destination, "destination");
        if (failure == null ? status < 100 || status > 599 : status != 0) {
            throw new IllegalArgumentException("a delivery has a status (100 to 599) or a failure (and status 0), not status " + status
                    + (failure == null ? " without a failure" : " with a failure"));
        }
    }

    /** @return whether the receiver answered with a 2xx status, so that Paddle would not retry */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
