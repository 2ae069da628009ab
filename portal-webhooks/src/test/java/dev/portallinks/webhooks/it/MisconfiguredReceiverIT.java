package dev.portallinks.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.portallinks.it.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application whose webhook secret is malformed does not deploy, and the server's log names the property, never the
 * value. Deployed by the test, as portal-endpoint's MissingResolverIT explains: the adapters report a failed deployment
 * differently, and every server writes the cause to its log.
 */
@ExtendWith(ArquillianExtension.class)
class MisconfiguredReceiverIT {

    private static final String DEPLOYMENT = "webhooks-misconfigured";
    /** Looks like a secret with its ID cut off; must never reach the log. */
    private static final String MALFORMED = "pdl_ntfset_TruncatedSecretValueThatMustNotBeLogged";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return WebhookDeployments.war(DEPLOYMENT, Map.of("paddle.webhooks.secrets", MALFORMED));
    }

    @Test
    void theDeploymentFailsNamingThePropertyNotTheValue() {
        TestServer.LogMark log = TestServer.logMark();

        Throwable failure = catchThrowable(() -> deployer.deploy(DEPLOYMENT));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(log.textSince())
                    .contains("Portal Links webhooks: Invalid configuration of paddle.webhooks.secrets: entry 1 of 1 is not"));
            assertThat(log.textSince()).doesNotContain("TruncatedSecretValue");
            if (failure != null) {
                assertThat(failure).hasStackTraceContaining("paddle.webhooks.secrets");
                assertThat(stackTrace(failure)).doesNotContain("TruncatedSecretValue");
            }
        } finally {
            catchThrowable(() -> deployer.undeploy(DEPLOYMENT));
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
