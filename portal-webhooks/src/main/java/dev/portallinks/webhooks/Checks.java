package dev.portallinks.webhooks;

import java.time.Instant;
import java.util.Objects;

/** The checks every notification record makes at construction: the envelope fields Paddle always sends. */
final class Checks {

    private Checks() {
    }

    /**
     * Checks the envelope.
     *
     * @param eventId {@code event_id}
     * @param eventType {@code event_type}
     * @param occurredAt {@code occurred_at}
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException naming a blank one
     */
    static void envelope(String eventId, String eventType, Instant occurredAt) {
        notBlank("eventId", eventId);
        notBlank("eventType", eventType);
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
    }

    static String notBlank(String field, String value) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
