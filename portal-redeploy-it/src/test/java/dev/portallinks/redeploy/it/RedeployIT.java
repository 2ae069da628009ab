package dev.portallinks.redeploy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A redeploy leaves nothing behind: after the application has been redeployed several times, each deployment used
 * (billing page rendered, endpoint clicked, health checked), the old deployments' classes are unloaded once the
 * server has collected garbage. On a server with the library's local state, and on one with {@code paddle.cluster}
 * on (an embedded Hazelcast member per deployment).
 *
 * <p>Counted with {@code jcmd VM.class_hierarchy}: each deployment loads its own copy of the library's and the
 * application's classes, so the number of loaded copies is the number of deployments still in memory.
 */
class RedeployIT {

    private static final int REDEPLOYS = 5;
    /**
     * The live deployment and at most one old one. Open Liberty keeps the first deployment's classes for as long as
     * the application is deployed, whatever the application does: its {@code java.util.logging} bridge remembers, in
     * each logger, the class that first asked for that logger's name, and later deployments get the same logger
     * object. That one does not grow with redeploys; a leak does (one more copy per redeploy).
     */
    private static final long AT_MOST_LOADED = 2;
    private static final Duration COLLECTED_WITHIN = Duration.ofSeconds(60);

    private static final String CUSTOMER = "ctm_01jredeploycustomer0000000";
    private static final String SUBSCRIPTION = "sub_01jredeploysubscription001";
    private static final String OTHER_SUBSCRIPTION = "sub_01jredeploysubscription002";
    /** A class of each jar the application bundles, and one of its own. */
    private static final String[] CLASSES = {"dev.portallinks.impl.PaddleClient", "dev.portallinks.faces.BillingButtons",
        "dev.portallinks.endpoint.PortalEndpointServlet", "dev.portallinks.redeploy.Account"};

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(Integer.getInteger("redeploy.paddle.port")).apiKey(System.getProperty("redeploy.api-key")));

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** What the library logs when a deployment shares its state through the cluster, at once or after an outage. */
    private static final String SHARED = "are shared through JCache caches portal-links.retry-after";
    private static final String SHARED_AGAIN = "are shared again";

    @BeforeEach
    void paddleKnowsTheCustomer() {
        PADDLE.simulator().subscription(CUSTOMER, SUBSCRIPTION);
        PADDLE.simulator().subscription(CUSTOMER, OTHER_SUBSCRIPTION);
    }

    @Test
    void oldDeploymentsAreCollected() {
        assertOldDeploymentsCollected(LibertyServer.fromBuild("local"), false);
    }

    @Test
    void oldDeploymentsAreCollectedWithTheClusterOn() {
        assertOldDeploymentsCollected(LibertyServer.fromBuild("cluster"), true);
    }

    /**
     * @param clusterOn whether each deployment must be seen sharing its state (its own Hazelcast member running)
     *        before it is used and redeployed: the member must stop with it, or the next one cannot start
     */
    private void assertOldDeploymentsCollected(LibertyServer server, boolean clusterOn) {
        for (int deployment = 1; deployment <= REDEPLOYS + 1; deployment++) {
            if (deployment > 1) {
                server.redeploy();
            }
            if (clusterOn) {
                long deployments = deployment;
                await("deployment " + deployment + " sharing its state through the cluster").atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500)).until(() -> server.logLines(SHARED) + server.logLines(SHARED_AGAIN) >= deployments);
            }
            useTheApplication(server.url());
        }
        for (String className : CLASSES) {
            await("old deployments' copies of " + className + " unloaded").atMost(COLLECTED_WITHIN).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        server.collectGarbage();
                        // At least the live copy: the count itself works.
                        assertThat(server.loadedCopies(className)).as("loaded copies of %s on %s after %d redeploys", className, server, REDEPLOYS)
                                .isBetween(1L, AT_MOST_LOADED);
                    });
        }
    }

    /** What a customer and an operator do with a fresh deployment: the page, a click, the health checks. */
    private static void useTheApplication(URI application) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(application.resolve("billing.xhtml")).GET());
        assertThat(page.statusCode()).as("billing page").isEqualTo(200);
        assertThat(page.body()).as("billing page").contains("<button").contains(SUBSCRIPTION).contains("</html>");

        HttpResponse<String> click = send(HttpRequest.newBuilder(application.resolve("portal/subscriptions/" + SUBSCRIPTION + "/cancel"))
                .header("Accept", "application/json").header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(click.statusCode()).as("endpoint click: %s", click.body()).isEqualTo(200);
        assertThat(click.body()).as("endpoint click").contains(PADDLE.simulator().origin());

        HttpResponse<String> health = send(HttpRequest.newBuilder(application.resolve("/health/ready")).GET());
        assertThat(health.statusCode()).as("readiness: %s", health.body()).isEqualTo(200);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
