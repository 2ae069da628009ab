package dev.portallinks.webhooks.receiver;

import java.time.Instant;

/**
 * What the receiver knows of each entity's latest state: the {@code occurred_at} of the newest event accepted about it.
 * An event older than that arrived out of order and is marked stale. (This is where a subscription store will keep its
 * version of each subscription.) Implementations are thread-safe.
 */
interface EntityVersions {

    /**
     * Records an event about an entity, unless a newer one is known.
     *
     * @param entityId the entity's Paddle ID ({@code sub_…}, {@code ctm_…}, …)
     * @param occurredAt when the event occurred
     * @return true when a newer event about the entity was recorded before: this one is stale and was not recorded
     */
    boolean olderThanKnown(String entityId, Instant occurredAt);

    /** The default: the newest {@code occurred_at} per entity, in a bounded memory of this application instance. */
    final class InMemory implements EntityVersions {

        static final int DEFAULT_CAPACITY = 100_000;

        private final BoundedLru<String, Instant> latest;

        InMemory(int capacity) {
            this.latest = new BoundedLru<>(capacity);
        }

        @Override
        public synchronized boolean olderThanKnown(String entityId, Instant occurredAt) {
            Instant known = latest.get(entityId);
            if (known != null && occurredAt.isBefore(known)) {
                return true;
            }
            latest.put(entityId, occurredAt);
            return false;
        }
    }
}
