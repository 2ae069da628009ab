package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's link() fires exactly one audit event per call, to synchronous and asynchronous observers alike:
 * PortalLinkIssued for a Paddle link, PortalLinkIssued with fallback for the configured fallback URL, PortalLinkRefused
 * with the reason when the call is thrown; createSession() fires none. No event carries a link or a token.
 */
class ServiceAuditEventsIT extends SimulatedPaddleIT {

    private static final String FALLBACK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("service-audit", "paddle.portal.fallback-url=" + FALLBACK);
    }

    @BeforeEach
    void noEventsYet() {
        probe().post("audit-clear", "");
    }

    /** Waits until the asynchronous observer saw as many events as the synchronous one should have, then reads them all. */
    private List<String> events(int perObserver) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream().filter(line -> line.startsWith("async ")).count(),
                count -> count >= perObserver);
        List<String> lines = lines();
        assertThat(lines).hasSize(2 * perObserver).noneMatch(line -> line.contains("pga_") || line.contains("token") || line.contains("http"));
        return lines;
    }

    private List<String> lines() {
        return probe().get("audit-events", "").getJsonArray("events").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void aLinkFiresOneIssuedEventWithTheSessionAndRequest() {
        paddle().subscription(CUSTOMER, subscription(1));

        JsonObject link = probe().post("link", query("action", "cancel_subscription", "customer", CUSTOMER, "subscription", subscription(1)));

        assertThat(link.getString("link")).contains("action=cancel_subscription");
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkIssued[", "customer=" + CUSTOMER,
                "action=CANCEL_SUBSCRIPTION", "subscription=" + subscription(1), "sessionId=cpls_", "fallback=false", "entryPoint=SERVICE")
                .doesNotContain("paddleRequestId=null"));
    }

    @Test
    void theFallbackUrlIsAnIssuedEventThatSaysSo() {
        paddle().always(Fault.serverError(503));

        JsonObject link = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(link.getString("link")).isEqualTo(FALLBACK);
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkIssued[", "action=OVERVIEW", "subscription=null",
                "sessionId=null", "fallback=true", "entryPoint=SERVICE"));
    }

    @Test
    void aThrownCallIsARefusalWithItsReason() {
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        JsonObject link = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(link.getString("error")).isEqualTo("dev.portallinks.api.PaddleRequestRefusedException");
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkRefused[", "action=OVERVIEW", "reason=PADDLE_REFUSED",
                "entryPoint=SERVICE"));
    }

    @Test
    void aSessionFiresNoEventItsCallerHandsOutTheLink() {
        JsonObject session = probe().post("session", query("customer", CUSTOMER));

        assertThat(session.getString("id")).startsWith("cpls_");
        probe().post("link", query("action", "overview", "customer", CUSTOMER));
        assertThat(events(1)).as("only the link() call's event").allSatisfy(line -> assertThat(line).contains("action=OVERVIEW", "fallback=false"));
    }
}
