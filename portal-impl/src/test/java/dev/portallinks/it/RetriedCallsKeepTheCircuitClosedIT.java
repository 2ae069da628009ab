package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Calls whose first attempt meets a reset connection and whose retry succeeds (what a herd of callers resuming on
 * stale keep-alive connections sees) are successes to the circuit breaker: with a volume of 4 and a ratio of 0.5, six
 * such calls all get their link. Were attempts counted, two calls would make 2 failures in 4 and open the circuit.
 */
class RetriedCallsKeepTheCircuitClosedIT extends SimulatedPaddleIT {

    private static final int CALLS = 6;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("retried-calls-keep-the-circuit-closed", CircuitCountsCallsIT.VOLUME_OF_FOUR);
    }

    @Test
    void callsThatSucceedOnTheirRetryLeaveTheCircuitClosed() {
        for (int call = 1; call <= CALLS; call++) {
            paddle().nextCalls(1, Fault.resetConnection());

            assertThat(issued(probe().post("session", query("customer", CUSTOMER)), "overview")).as("call %d", call)
                    .isEqualTo(portalLink("overview", null));
        }

        assertThat(sessionRequests(CUSTOMER)).as("each call: the reset attempt and its retry").hasSize(2 * CALLS);
    }
}
