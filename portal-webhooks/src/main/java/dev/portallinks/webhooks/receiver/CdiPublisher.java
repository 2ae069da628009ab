package dev.portallinks.webhooks.receiver;

import dev.portallinks.webhooks.PaddleEventType;
import dev.portallinks.webhooks.PaddleNotification;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Fires a notification as a CDI event of its runtime type with the {@link PaddleEventType} qualifier of its
 * {@code event_type}: {@code @Observes} observers first, then {@code @ObservesAsync} ones, on the given executor (the
 * server's managed one, so observers have the application's context).
 */
final class CdiPublisher implements Publisher {

    private final BeanManager beans;
    private final NotificationOptions asyncOptions;

    CdiPublisher(BeanManager beans, Executor executor) {
        this.beans = Objects.requireNonNull(beans, "beans must not be null");
        this.asyncOptions = NotificationOptions.ofExecutor(Objects.requireNonNull(executor, "executor must not be null"));
    }

    @Override
    public CompletionStage<?> publish(PaddleNotification notification) {
        Event<? extends PaddleNotification> event = beans.getEvent().select(notification.getClass(), PaddleEventType.Literal.of(notification.eventType()));
        fire(event, notification);
        return fireAsync(event, notification);
    }

    @SuppressWarnings("unchecked")
    private static <T extends PaddleNotification> void fire(Event<T> event, PaddleNotification notification) {
        event.fire((T) notification);
    }

    @SuppressWarnings("unchecked")
    private <T extends PaddleNotification> CompletionStage<T> fireAsync(Event<T> event, PaddleNotification notification) {
        return event.fireAsync((T) notification, asyncOptions);
    }
}
