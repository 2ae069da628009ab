package dev.portallinks.webhooks.receiver;

import dev.portallinks.api.SubscriptionStore;
import dev.portallinks.webhooks.CustomerEvent;
import dev.portallinks.webhooks.PaddleNotification;
import dev.portallinks.webhooks.SubscriptionEvent;
import dev.portallinks.webhooks.TransactionEvent;
import dev.portallinks.webhooks.UnknownPaddleEvent;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts verified notifications and fires them after the answer: a duplicate {@code event_id} is dropped, an event older
 * than what is known of its entity is marked stale, and the rest is handed to the publisher on the executor, so that
 * Paddle gets its 200 however slow the observers are. An observer that throws is logged at WARNING (event ID and type,
 * the exception's class and message) and the event ID is forgotten, so that Paddle's next delivery of the event (a retry,
 * or a replay from Paddle's dashboard) is fired again. Thread-safe.
 */
final class NotificationDispatcher {

    /** What became of a notification. */
    enum Outcome {
        /** New: it will be fired. */
        ACCEPTED,
        /** Its {@code event_id} was accepted before: it is not fired again. */
        DUPLICATE,
        /** The executor refused the work (the server is shutting down or overloaded): not accepted, Paddle should retry. */
        BUSY
    }

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

    private final EventIdMemory eventIds;
    private final EntityVersions versions;
    private final Optional<SubscriptionStore> store;
    private final Executor executor;
    private final Publisher publisher;

    NotificationDispatcher(EventIdMemory eventIds, EntityVersions versions, Executor executor, Publisher publisher) {
        this(eventIds, versions, Optional.empty(), executor, publisher);
    }

    /**
     * @param eventIds the duplicate memory
     * @param versions what is known of each entity's latest {@code occurred_at}
     * @param store the subscription store, when the application has one (portal-impl's, or its own): a subscription
     *        event is applied to it before Paddle gets its answer, and it decides whether the event is stale
     * @param executor where the observers run
     * @param publisher fires the events
     */
    NotificationDispatcher(EventIdMemory eventIds, EntityVersions versions, Optional<SubscriptionStore> store, Executor executor,
            Publisher publisher) {
        this.eventIds = eventIds;
        this.versions = versions;
        this.store = store;
        this.executor = executor;
        this.publisher = publisher;
    }

    /**
     * Accepts a notification and schedules its firing.
     *
     * @param parsed the notification and the entity it is about
     * @return what became of it
     */
    Outcome dispatch(NotificationParser.Parsed parsed) {
        PaddleNotification notification = parsed.notification();
        if (!eventIds.remember(notification.eventId())) {
            return Outcome.DUPLICATE;
        }
        boolean stale = stale(notification, parsed.entityId());
        PaddleNotification event = stale ? markedStale(notification) : notification;
        try {
            executor.execute(() -> deliver(event));
        } catch (RejectedExecutionException refused) {
            eventIds.forget(event.eventId());
            return Outcome.BUSY;
        }
        return Outcome.ACCEPTED;
    }

    /**
     * Whether an event is older than what is known of its entity. A subscription's state goes into the store (so the next
     * billing page shows it without asking Paddle), which keeps the newest by {@code occurred_at}; other entities are
     * versioned here.
     */
    private boolean stale(PaddleNotification notification, String entityId) {
        if (notification instanceof SubscriptionEvent event && store.isPresent()) {
            return !store.get().apply(event.subscription(), event.occurredAt());
        }
        return entityId != null && versions.olderThanKnown(entityId, notification.occurredAt());
    }

    private void deliver(PaddleNotification event) {
        try {
            publisher.publish(event).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    failed(event, cause(failure));
                }
            });
        } catch (RuntimeException failure) {
            failed(event, failure);
        }
    }

    private void failed(PaddleNotification event, Throwable failure) {
        eventIds.forget(event.eventId());
        LOG.log(Level.WARNING, () -> "Portal Links webhooks: an observer of " + event.eventType() + " " + event.eventId() + " failed: "
                + failure.getClass().getName() + ": " + failure.getMessage() + ". The event is forgotten: Paddle's next delivery of it"
                + " (a retry, or a replay from its dashboard) is fired again");
        LOG.log(Level.FINE, failure, () -> "The failure of the observer of " + event.eventId());
    }

    /** The observer's own exception: fireAsync completes with a CompletionException holding it as cause or as suppressed. */
    private static Throwable cause(Throwable failure) {
        if (failure instanceof CompletionException wrapper) {
            if (wrapper.getCause() != null) {
                return wrapper.getCause();
            }
            if (wrapper.getSuppressed().length > 0) {
                return wrapper.getSuppressed()[0];
            }
        }
        return failure;
    }

    /** The same event, marked stale. */
    static PaddleNotification markedStale(PaddleNotification n) {
        if (n instanceof SubscriptionEvent e) {
            return new SubscriptionEvent(e.eventId(), e.eventType(), e.kind(), e.occurredAt(), e.notificationId(), true, e.subscription(), e.updatedAt());
        }
        if (n instanceof CustomerEvent e) {
            return new CustomerEvent(e.eventId(), e.eventType(), e.occurredAt(), e.notificationId(), true, e.customer(), e.email(), e.name(),
                    e.status(), e.updatedAt());
        }
        if (n instanceof TransactionEvent e) {
            return new TransactionEvent(e.eventId(), e.eventType(), e.occurredAt(), e.notificationId(), true, e.transactionId(), e.customer(),
                    e.subscription(), e.status(), e.billedAt(), e.updatedAt());
        }
        UnknownPaddleEvent e = (UnknownPaddleEvent) n;
        return new UnknownPaddleEvent(e.eventId(), e.eventType(), e.occurredAt(), e.notificationId(), true, e.data());
    }
}
