package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The per-customer limit of listings, {@code paddle.subscriptions.min-listing-interval-seconds}, at 1 s here (60 s in
 * {@link SubscriptionStoreIT}'s first test through the maximum age): reloads within the interval are served from the
 * last listing; the first call after it lists again and shows what changed at Paddle meanwhile.
 */
class SubscriptionListingIntervalIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("subscription-interval", "paddle.subscriptions.min-listing-interval-seconds=1");
    }

    @Test
    void reloadsWithinTheIntervalAreServedAndTheFirstAfterItListsAgain() {
        paddle().subscription(CUSTOMER, subscription(0)).status("active");
        // The server dates its listing after this instant: every interval below is measured from here, so it is not shorter.
        long before = System.nanoTime();
        JsonObject first = probe().get("subscriptions", query("customer", CUSTOMER));
        assertThat(first.getJsonArray("subscriptions")).as(first.toString()).isNotNull();
        paddle().subscription(CUSTOMER, subscription(0)).status("past_due");

        JsonObject reload = probe().get("subscriptions", query("customer", CUSTOMER));
        boolean withinInterval = System.nanoTime() - before < Duration.ofMillis(900).toNanos();

        assertThat(first.getJsonArray("subscriptions").getJsonObject(0).getString("status")).as(first.toString()).isEqualTo("ACTIVE");
        if (withinInterval) {
            // A slow machine may take the whole second: only a reload made within it must be served.
            assertThat(reload.getJsonArray("subscriptions").getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
            assertThat(listingRequests()).hasSize(1);
        }
        AtomicReference<JsonObject> latest = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            latest.set(probe().get("subscriptions", query("customer", CUSTOMER)));
            assertThat(latest.get().getJsonArray("subscriptions").getJsonObject(0).getString("status")).isEqualTo("PAST_DUE");
        });
        // Polled every 200 ms for about a second, yet Paddle saw one listing per interval: the first and the one after it.
        assertThat(listingRequests()).hasSizeBetween(2, 3);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
