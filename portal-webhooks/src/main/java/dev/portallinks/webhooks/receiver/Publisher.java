package dev.portallinks.webhooks.receiver;

import dev.portallinks.webhooks.PaddleNotification;
import java.util.concurrent.CompletionStage;

/** Hands an accepted notification to the application's observers. */
interface Publisher {

    /**
     * Notifies the synchronous observers, then starts notifying the asynchronous ones.
     *
     * @param notification the event
     * @return completes when the asynchronous observers are done, exceptionally when one of them threw
     * @throws RuntimeException what a synchronous observer threw (the asynchronous ones are then not notified)
     */
    CompletionStage<?> publish(PaddleNotification notification);
}
