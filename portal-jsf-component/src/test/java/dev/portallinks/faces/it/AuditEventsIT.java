package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every click fires exactly one audit event, to synchronous and asynchronous observers alike (AuditProbe, from
 * portal-impl's test-jar, in the test application): PortalLinkIssued for a Paddle link or for the fallback URL (saying
 * so), PortalLinkRefused with the reason for a tampered post or a refused call; none carries a link or a token.
 */
class AuditEventsIT extends FacesIT {

    private static final String BUTTONS = "form:billing";
    private static final String FALLBACK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("audit-events", Map.of("paddle.portal.fallback-url", FALLBACK), "billing.xhtml");
    }

    @BeforeEach
    void twoSubscriptionsAndNoEventsYet() {
        subscriptions(List.of(subscription(0), subscription(1)));
        post("api/audit/clear");
    }

    private HttpResponse<String> click(String value) {
        return new FormPost(URI.create(base() + "billing.xhtml")).load().post(Map.of(), BUTTONS, value);
    }

    /** Waits for the asynchronous observer too, then returns every event line. */
    private List<String> events(int perObserver) {
        await().atMost(Duration.ofSeconds(10)).until(() -> getPage("api/audit").body().lines().filter(line -> line.startsWith("async ")).count(),
                count -> count >= perObserver);
        List<String> lines = getPage("api/audit").body().lines().toList();
        assertThat(lines).hasSize(2 * perObserver).noneMatch(line -> line.contains("pga_") || line.contains("token") || line.contains("http"));
        return lines;
    }

    @Test
    void aClickThatOpensThePortalFiresOneIssuedEventWithTheSession() {
        HttpResponse<String> answer = click("1|" + subscription(1) + "|cancel_subscription");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkIssued[", "customer=" + CUSTOMER, "action=CANCEL_SUBSCRIPTION",
                "subscription=" + subscription(1), "sessionId=cpls_", "fallback=false", "entryPoint=FACES")).anyMatch(line -> line.startsWith("sync "))
                .anyMatch(line -> line.startsWith("async "));
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void aTamperedPostFiresOneRefusalAndNoCallToPaddle() {
        HttpResponse<String> answer = click("0|" + subscription(1) + "|cancel_subscription");

        assertNeverReachedPaddle(answer);
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkRefused[", "customer=" + CUSTOMER, "action=null",
                "reason=NOT_PERMITTED", "entryPoint=FACES"));
    }

    @Test
    void theFallbackUrlHandedOutForAnUnavailablePaddleIsIssuedAsFallback() {
        paddle().always(Fault.serverError(503));

        HttpResponse<String> answer = click("overview");

        assertThat(answer.headers().firstValue("Location")).hasValue(FALLBACK);
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkIssued[", "action=OVERVIEW", "sessionId=null", "fallback=true",
                "entryPoint=FACES"));
    }

    @Test
    void aCallPaddleRefusesFiresOneRefusalWithTheReason() {
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        HttpResponse<String> answer = click("overview");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(events(1)).allSatisfy(line -> assertThat(line).contains("PortalLinkRefused[", "action=OVERVIEW", "reason=PADDLE_REFUSED",
                "entryPoint=FACES"));
    }
}
