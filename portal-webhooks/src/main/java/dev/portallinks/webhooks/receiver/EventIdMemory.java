package dev.portallinks.webhooks.receiver;

/**
 * The {@code event_id}s accepted lately, so that a notification Paddle delivers again is answered 200 and fired never
 * again. Bounded: the least recently seen IDs are forgotten beyond the capacity (Paddle retries for up to 3 days, so the
 * capacity is meant to outlast a burst of retries, not Paddle's whole history). Local to this application instance: in a
 * cluster each instance remembers what it accepted. Thread-safe.
 */
final class EventIdMemory {

    /** Ample for any application's notification rate over Paddle's retry period; about 10 MB at most. */
    static final int DEFAULT_CAPACITY = 100_000;

    private final BoundedLru<String, Boolean> seen;

    EventIdMemory(int capacity) {
        this.seen = new BoundedLru<>(capacity);
    }

    /**
     * Remembers an event, unless it was remembered already.
     *
     * @param eventId the ID
     * @return true when it is new (fire it), false for a duplicate
     */
    synchronized boolean remember(String eventId) {
        return seen.putIfAbsent(eventId, Boolean.TRUE) == null;
    }

    /**
     * Forgets an event, so that its next delivery is fired again (its observers failed, or it could not be scheduled).
     *
     * @param eventId the ID
     */
    synchronized void forget(String eventId) {
        seen.remove(eventId);
    }
}
