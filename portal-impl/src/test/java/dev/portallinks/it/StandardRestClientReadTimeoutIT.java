package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The standard MicroProfile Rest Client key {@code paddle-api/mp-rest/readTimeout}, as an operator already knows it
 * (with {@code paddle.http.read-timeout-ms} unset), bounds a slow answer. ({@link StandardRestClientKeysIT}: the key
 * store keys, over TLS.)
 */
class StandardRestClientReadTimeoutIT extends SimulatedPaddleIT {

    private static final int READ_TIMEOUT_MILLIS = 500;
    private static final Duration PADDLE_DELAY = Duration.ofMillis(3000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("standard-read-timeout", "paddle-api/mp-rest/readTimeout=" + READ_TIMEOUT_MILLIS);
    }

    @Test
    void theStandardReadTimeoutBoundsASlowAnswer() {
        paddle().always(Fault.slow(PADDLE_DELAY));

        long started = System.nanoTime();
        JsonObject error = probe().post("session", query("customer", CUSTOMER));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(error.getString("reason", "")).as(error.toString()).isEqualTo("TIMEOUT");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(sessionRequests()).hasSize(1);
        // Well below the default 2000 ms read timeout and Paddle's 3000 ms: the 500 ms from the standard key applied.
        assertThat(took).isLessThan(Duration.ofMillis(1800));
    }
}
