package dev.portallinks.endpoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.it.TestServer;
import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulator.PortalLink;
import dev.portallinks.test.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint at its default path with the default configuration (no fallback URL; one other origin allowed): each page
 * as a redirect and as JSON, the refusals (401, 403 for another's subscription and for cross-site requests, 405) without
 * a call to Paddle, each failure of the service as its problem, one audit event per request, no token in an error or the
 * server's log.
 */
class RedirectEndpointIT extends EndpointIT {

    /** A single-page front end on another origin that the application trusts. */
    private static final String SPA = "http://127.0.0.1:4200";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return EndpointDeployments.war("redirect-endpoint", Map.of("portal.endpoint.allowed-origins", SPA));
    }

    @BeforeEach
    void signedInWithTwoSubscriptions() {
        signIn(CUSTOMER, subscription(0), subscription(1));
        clearAudit();
    }

    private static JsonObject json(HttpResponse<String> answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }

    /** Asserts a link answer opens this page for {@link #CUSTOMER}: Paddle issued it, and was asked for exactly one session with these subscriptions. */
    private static void assertOpens(String link, String action, String subscription) {
        assertThat(link).startsWith(paddle().origin() + "/cpl_");
        assertThat(paddle().portalLink(link)).hasValue(new PortalLink(CUSTOMER, action, subscription));
        String[] subscriptions = subscription == null ? new String[0] : new String[] {subscription};
        assertThat(paddle().portalSessionsCreated(CUSTOMER, subscriptions)).isEqualTo(1);
        assertThat(paddle().requests()).filteredOn(RecordedRequest::isPortalSession).hasSize(1);
    }

    private static void assertNoCallToPaddle() {
        assertThat(paddle().requests()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------ Links

    @Test
    void theOverviewIsASeeOtherToAFreshLink() {
        HttpResponse<String> answer = postFromOwnPage("portal/overview");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertProtective(answer);
        assertOpens(answer.headers().firstValue("Location").orElseThrow(), "overview", null);
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkIssued[", "customer=" + CUSTOMER, "action=OVERVIEW",
                "subscription=null", "sessionId=cpls_", "fallback=false", "entryPoint=ENDPOINT");
    }

    @Test
    void cancelIsASeeOtherToThatSubscriptionsCancellation() {
        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/" + subscription(1) + "/cancel");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertProtective(answer);
        assertOpens(answer.headers().firstValue("Location").orElseThrow(), "cancel_subscription", subscription(1));
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkIssued[", "action=CANCEL_SUBSCRIPTION",
                "subscription=" + subscription(1), "entryPoint=ENDPOINT");
    }

    @Test
    void updatePaymentMethodIsASeeOtherToThatSubscriptionsPaymentForm() {
        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/" + subscription(0) + "/update-payment-method");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertProtective(answer);
        assertOpens(answer.headers().firstValue("Location").orElseThrow(), "update_subscription_payment_method", subscription(0));
        assertThat(auditEvents(1)).singleElement().asString().contains("action=UPDATE_PAYMENT_METHOD", "subscription=" + subscription(0));
    }

    @Test
    void theOverviewAsJson() {
        HttpResponse<String> answer = postFromOwnPage("portal/overview", "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertProtective(answer);
        assertOpens(json(answer).getString("url"), "overview", null);
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkIssued[", "action=OVERVIEW");
    }

    @Test
    void cancelAsJson() {
        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/" + subscription(0) + "/cancel", "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertProtective(answer);
        assertOpens(json(answer).getString("url"), "cancel_subscription", subscription(0));
        assertThat(auditEvents(1)).hasSize(1);
    }

    @Test
    void updatePaymentMethodAsJson() {
        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/" + subscription(1) + "/update-payment-method", "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertProtective(answer);
        assertOpens(json(answer).getString("url"), "update_subscription_payment_method", subscription(1));
        assertThat(auditEvents(1)).hasSize(1);
    }

    @Test
    void noTokenOfAHandedOutLinkReachesTheServerLog() {
        TestServer.LogMark log = TestServer.logMark();

        String redirected = postFromOwnPage("portal/subscriptions/" + subscription(0) + "/cancel").headers().firstValue("Location").orElseThrow();
        String asJson = json(postFromOwnPage("portal/overview", "Accept", "application/json")).getString("url");
        auditEvents(2);

        // The library logs each call to Paddle (FINE, on in the test servers): the links' tokens are never in it.
        assertThat(log.textSince()).contains("dev.portallinks").doesNotContain(token(redirected), token(asJson), EndpointDeployments.API_KEY);
        assertThat(TestServer.logText()).doesNotContain(token(redirected), token(asJson));
    }

    // ------------------------------------------------------------------------------- Refusals: no call to Paddle

    @Test
    void aSubscriptionOfSomeoneElseIsForbiddenWithoutAskingPaddle() {
        paddle().subscription(CUSTOMER, subscription(2));   // the customer's at Paddle, but not one this user may manage

        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/" + subscription(2) + "/cancel");

        assertProblem(answer, 403, "not-permitted");
        assertNoCallToPaddle();
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkRefused[", "customer=" + CUSTOMER, "action=CANCEL_SUBSCRIPTION",
                "subscription=" + subscription(2), "reason=NOT_PERMITTED", "entryPoint=ENDPOINT");
    }

    @Test
    void aMalformedSubscriptionIsForbiddenWithoutAskingPaddle() {
        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/sub_x%22%3Cscript%3E/update-payment-method", "Accept", "application/json");

        assertProblem(answer, 403, "not-permitted");
        assertThat(answer.body()).doesNotContain("<script", "sub_x");
        assertNoCallToPaddle();
        assertThat(auditEvents(1)).singleElement().asString().contains("reason=NOT_PERMITTED", "subscription=null").doesNotContain("<script", "sub_x");
    }

    @Test
    void nobodySignedInIsUnauthorized() {
        browser = newBrowser();   // its own cookies: not signed in

        HttpResponse<String> answer = postFromOwnPage("portal/overview");

        assertProblem(answer, 401, "not-signed-in");
        assertNoCallToPaddle();
    }

    @Test
    void aPostFromAnotherSitesPageIsForbidden() {
        HttpResponse<String> answer = request("POST", "portal/subscriptions/" + subscription(0) + "/cancel", "Origin", "https://evil.example.net");

        assertProblem(answer, 403, "cross-site-request");
        assertNoCallToPaddle();
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkRefused[", "action=CANCEL_SUBSCRIPTION", "reason=NOT_PERMITTED");
    }

    @Test
    void aPostTheBrowserCallsCrossSiteIsForbidden() {
        HttpResponse<String> answer = request("POST", "portal/overview", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example.net", "Accept",
                "application/json");

        assertProblem(answer, 403, "cross-site-request");
        assertNoCallToPaddle();
        assertThat(auditEvents(1)).singleElement().asString().contains("action=OVERVIEW", "reason=NOT_PERMITTED");
    }

    @Test
    void aPostWithoutSecFetchSiteAndOriginIsForbidden() {
        assertProblem(request("POST", "portal/overview"), 403, "cross-site-request");
        assertNoCallToPaddle();
    }

    @Test
    void aPostWithTheOwnOriginOnlyIsServed() {
        HttpResponse<String> answer = request("POST", "portal/overview", "Origin", ownOrigin());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertOpens(answer.headers().firstValue("Location").orElseThrow(), "overview", null);
    }

    @Test
    void anAllowedOtherOriginIsServedAndMayReadTheLink() {
        HttpResponse<String> answer = request("POST", "portal/overview", "Sec-Fetch-Site", "same-site", "Origin", SPA, "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SPA);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertOpens(json(answer).getString("url"), "overview", null);
    }

    @Test
    void aGetIsNotAllowed() {
        HttpResponse<String> answer = request("GET", "portal/overview", "Sec-Fetch-Site", "same-origin");

        assertProblem(answer, 405, "method-not-allowed");
        assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
        assertNoCallToPaddle();
    }

    @Test
    void aPathThatNamesNoPageIsNotFound() {
        assertProblem(postFromOwnPage("portal/subscriptions/" + subscription(0) + "/pause"), 404, "not-found");
        assertNoCallToPaddle();
    }

    // ------------------------------------------------------------------------------------ Failures as problems

    @Test
    void paddleRefusingTheKeyIsABadGatewayProblem() {
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        HttpResponse<String> answer = postFromOwnPage("portal/overview");

        assertProblem(answer, 502, "paddle-refused");
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkRefused[", "action=OVERVIEW", "reason=PADDLE_REFUSED");
    }

    @Test
    void paddleUnavailableIsAServiceUnavailableProblem() {
        paddle().always(Fault.serverError(503));

        HttpResponse<String> answer = postFromOwnPage("portal/subscriptions/" + subscription(0) + "/cancel", "Accept", "application/json");

        assertProblem(answer, 503, "paddle-unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
        assertThat(auditEvents(1)).singleElement().asString().contains("reason=PADDLE_UNAVAILABLE", "subscription=" + subscription(0));
    }

    @Test
    void aLinkOnAForeignHostIsABadGatewayProblemAndNothingIsHandedOut() {
        paddle().always(Fault.linkOnForeignHost());

        HttpResponse<String> answer = postFromOwnPage("portal/overview");

        assertProblem(answer, 502, "unexpected-answer");
        assertThat(auditEvents(1)).singleElement().asString().contains("reason=UNEXPECTED_ANSWER");
    }

    @Test
    void paddlesRateLimitIsAProblemWithRetryAfter() {
        paddle().nextCalls(1, Fault.rateLimited(Duration.ofSeconds(3)));
        try {
            HttpResponse<String> answer = postFromOwnPage("portal/overview", "Accept", "application/json");

            assertProblem(answer, 503, "paddle-rate-limited");
            long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 3L);
            assertThat(json(answer).getJsonNumber("retryAfter").longValue()).isEqualTo(retryAfter);
            assertThat(auditEvents(1)).singleElement().asString().contains("reason=PADDLE_RATE_LIMITED");
        } finally {
            // The service holds back every call until the window ends, pass or fail: the other tests need it closed.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> postFromOwnPage("portal/overview").statusCode(),
                    status -> status == 303);
        }
    }

    /** Errors carry no token: the failure tests above check each body; here the log, after failures of every kind. */
    @Test
    void failuresLeaveNoSecretInTheServerLog() {
        TestServer.LogMark log = TestServer.logMark();
        paddle().nextCalls(1, Fault.linkOnForeignHost());

        assertProblem(postFromOwnPage("portal/overview"), 502, "unexpected-answer");
        assertProblem(postFromOwnPage("portal/subscriptions/sub_not-an-id/cancel"), 403, "not-permitted");
        assertProblem(request("POST", "portal/overview", "Origin", "https://evil.example.net"), 403, "cross-site-request");

        assertThat(log.textSince()).contains("Refused a portal link for customer " + CUSTOMER, "Refused a cross-site POST to the portal endpoint")
                .doesNotContain(EndpointDeployments.API_KEY).doesNotContainPattern("token=(?!\\[redacted\\])");
    }

}
