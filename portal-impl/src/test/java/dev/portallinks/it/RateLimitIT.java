package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleExample;
import dev.portallinks.test.PaddleSimulator;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A 429 opens a window in which no request reaches Paddle: calls fail fast with the rate-limited exception, or
 * the link helpers answer with the configured fallback URL. Once the window ends, calls go through again. The fallback
 * stands in only where PortalLinkException#fallbackApplies says so: a refused request is thrown, fallback or not.
 * Paddle's own published 429 is read as written; its 42 s window stays open to the end of the class, so it comes last,
 * after the window test, which waits for its own 3 s window to end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT extends SimulatedPaddleIT {

    private static final String FALLBACK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final String RATE_LIMITED = "dev.portallinks.api.PaddleRateLimitedException";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("rate-limit", "paddle.portal.fallback-url=" + FALLBACK);
    }

    @Test
    @Order(1)
    void aRefusedRequestIsThrownEvenWithAFallbackConfigured() {
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        JsonObject link = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(link.containsKey("link")).isFalse();
        assertThat(link.getString("error")).isEqualTo("dev.portallinks.api.PaddleRequestRefusedException");
        assertThat(link.getInt("httpStatus")).isEqualTo(403);
    }

    @Test
    @Order(2)
    void noCallReachesPaddleWhileTheRetryAfterWindowIsOpen() {
        paddle().always(Fault.rateLimited(Duration.ofSeconds(3)));
        Instant before = Instant.now();

        JsonObject first = probe().post("session", query("customer", CUSTOMER));
        JsonObject second = probe().post("session", query("customer", CUSTOMER));
        JsonObject listing = probe().get("subscriptions", query("customer", CUSTOMER));
        JsonObject link = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(first.getString("error")).isEqualTo(RATE_LIMITED);
        assertThat(first.getBoolean("answeredByPaddle")).isTrue();
        assertThat(first.getInt("retryAfterSeconds")).isEqualTo(3);
        assertThat(Instant.parse(first.getString("retryAt"))).isAfter(before.plusSeconds(2)).isBefore(before.plusSeconds(10));
        // The simulator's request IDs are UUIDs; rateLimitedAsPaddlePublishedIt checks one Paddle wrote.
        assertThat(first.getString("requestId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(second.getBoolean("answeredByPaddle")).isFalse();
        assertThat(second.getString("message")).contains("no request was sent");
        assertThat(listing.getString("error")).isEqualTo(RATE_LIMITED);
        assertThat(link.getString("link")).isEqualTo(FALLBACK);
        assertThat(paddle().requests()).hasSize(1);

        paddle().always(null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));
        assertThat(sessionRequests()).hasSize(2);
        assertThat(Instant.now()).isAfter(before.plusSeconds(2));
    }

    @Test
    @Order(3)
    void rateLimitedAsPaddlePublishedIt() {
        paddle().always(Fault.publishedExample(PaddleExample.TOO_MANY_REQUESTS));

        JsonObject first = probe().post("session", query("customer", CUSTOMER));
        JsonObject second = probe().post("session", query("customer", CUSTOMER));

        assertThat(first.getString("error")).isEqualTo(RATE_LIMITED);
        assertThat(first.getBoolean("answeredByPaddle")).isTrue();
        assertThat(first.getInt("retryAfterSeconds")).isEqualTo(Integer.parseInt(PaddleExample.TOO_MANY_REQUESTS.headers().get("Retry-After")));
        assertThat(first.getString("requestId")).isEqualTo(json(PaddleExample.TOO_MANY_REQUESTS).getJsonObject("meta").getString("request_id"));
        assertThat(second.getBoolean("answeredByPaddle")).isFalse();
        assertThat(sessionRequests()).hasSize(1);
    }
}
