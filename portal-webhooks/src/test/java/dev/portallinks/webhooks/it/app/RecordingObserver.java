package dev.portallinks.webhooks.it.app;

import dev.portallinks.webhooks.PaddleEventType;
import dev.portallinks.webhooks.PaddleNotification;
import dev.portallinks.webhooks.SubscriptionEvent;
import dev.portallinks.webhooks.UnknownPaddleEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test application's observers, as an application writes them: every notification, one qualified type, an
 * asynchronous one, a slow one and one that fails the first time it sees an event. What they saw is read through
 * {@link ProbeServlet}, one line per observation.
 */
@ApplicationScoped
public class RecordingObserver {

    /** An event type whose observer takes 10 s. */
    public static final String SLOW = "portal_links_test.slow";
    /** An event type whose observer throws the first time it sees an event ID, and succeeds the next. */
    public static final String FAIL_ONCE = "portal_links_test.fail_once";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    void everything(@Observes PaddleNotification notification) {
        lines.add("any " + notification.eventId() + " " + notification.eventType() + " stale=" + notification.stale() + " "
                + notification.getClass().getSimpleName());
    }

    void canceled(@Observes @PaddleEventType(PaddleEventType.SUBSCRIPTION_CANCELED) SubscriptionEvent event) {
        lines.add("canceled " + event.eventId() + " " + event.subscription().id() + " " + event.subscription().status());
    }

    void subscriptionsLater(@ObservesAsync SubscriptionEvent event) {
        lines.add("async-subscription " + event.eventId() + " " + event.kind() + " stale=" + event.stale() + " thread="
                + Thread.currentThread().getName().replace(' ', '_'));
    }

    void slow(@Observes @PaddleEventType(SLOW) UnknownPaddleEvent event) throws InterruptedException {
        // Stands for an observer that does 10 s of work (a slow database, a remote call): nothing to wait for here.
        Thread.sleep(10_000);
        lines.add("slow-done " + event.eventId());
    }

    void failingOnce(@Observes @PaddleEventType(FAIL_ONCE) UnknownPaddleEvent event) {
        if (failedOnce.add(event.eventId())) {
            throw new IllegalStateException("observer failed on purpose for " + event.eventId());
        }
        lines.add("fail_once-succeeded " + event.eventId());
    }

    /** @return what the observers saw, oldest first */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
