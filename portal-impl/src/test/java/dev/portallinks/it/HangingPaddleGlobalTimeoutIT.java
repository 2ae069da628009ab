package dev.portallinks.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The global Fault Tolerance key, {@code Timeout/value=1200}, with a longer {@code paddle.http.read-timeout-ms=5000}
 * (which used to make a hanging call take 5 s): the call ends after 1200 ms, and start-up said why.
 */
class HangingPaddleGlobalTimeoutIT extends HangingPaddleIT {

    /** Taken when Arquillian builds this class's deployment, just before deploying it: the start-up lines come after. */
    private static TestServer.LogMark beforeDeployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        beforeDeployment = TestServer.logMark();
        return Deployments.war("hanging-paddle-global-timeout", "Timeout/value=1200", "paddle.http.read-timeout-ms=5000");
    }

    @Override
    long timeoutMillis() {
        return 1200;
    }

    @Test
    void startUpWarnedThatTheLongerReadTimeoutWasCut() {
        assertThat(beforeDeployment.textSince()).contains("paddle.http.read-timeout-ms (5000 ms) is longer than the Fault Tolerance timeout of the"
                + " calls to Paddle (1200 ms)");
    }
}
