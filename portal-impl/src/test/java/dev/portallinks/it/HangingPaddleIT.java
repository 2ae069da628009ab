package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * README's bound: a Paddle that accepts the connection but does not answer fails the call after the configured Fault
 * Tolerance timeout plus at most {@value #MARGIN_MILLIS} ms, whichever key sets it. A blocked socket read ignores the
 * interrupt of Fault Tolerance's timeout, so this holds only because the HTTP read timeout follows that timeout. Each
 * subclass is one setting; the time is measured in the server, around the service call, after a first call.
 */
abstract class HangingPaddleIT extends SimulatedPaddleIT {

    /** README's margin over the timeout. */
    static final long MARGIN_MILLIS = 250;

    /** @return the Fault Tolerance timeout the subclass configures, in milliseconds */
    abstract long timeoutMillis();

    @Test
    void aPaddleThatDoesNotAnswerFailsTheCallWithinTheTimeoutPlusTheMargin() {
        // The first call after start-up also loads the HTTP client's classes (about 250 ms more on Payara: README).
        assertThat(issued(probe().post("timed-session", query("customer", CUSTOMER)), "overview")).isEqualTo(portalLink("overview", null));
        paddle().clearFaultsAndRequests();
        paddle().always(Fault.hang());

        JsonObject error = probe().post("timed-session", query("customer", CUSTOMER));

        assertThat(error.getString("reason", "")).as(error.toString()).isEqualTo("TIMEOUT");
        assertThat(error.getJsonNumber("elapsedMillis").longValue()).as(error.toString())
                .isBetween(timeoutMillis() - 10, timeoutMillis() + MARGIN_MILLIS);
        assertThat(sessionRequests()).hasSize(1);
    }
}
