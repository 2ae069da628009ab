package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.fixture;
import static dev.portallinks.it.PaddleStub.json;
import static dev.portallinks.it.PaddleStub.link;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.PaddleStub.subscription;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The injected PortalLinkService on each test server against the stub Paddle: happy paths, the exact request, Paddle's
 * errors, retries, timeouts, unreadable answers and link checks. The circuit breaker is given a high volume
 * threshold here so that failure scenarios do not open it for the next test (CircuitBreakerIT covers it).
 */
class PortalSessionIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";
    private static final String PADDLE_ERROR_CLASS = "dev.portallinks.api.";
    /**
     * What README promises per attempt of a GET whose connection closes without an answer: 1, except on Payara, whose
     * HttpURLConnection resends a GET once (2); the build says which server this is.
     */
    private static final int REQUESTS_PER_GET_ATTEMPT = Integer.getInteger("it.transport.requests-per-get-attempt");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("portal-session", "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=1000");
    }

    private JsonObject session(String... subscriptions) {
        List<String> pairs = new ArrayList<>(List.of("customer", CUSTOMER));
        for (String subscription : subscriptions) {
            pairs.add("subscription");
            pairs.add(subscription);
        }
        return probe().post("session", query(pairs.toArray(String[]::new)));
    }

    private static void stubSession(List<String> subscriptions) {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, subscriptions))));
    }

    @Test
    void overviewSessionSendsPaddlesHeadersAndAnEmptySubscriptionList() {
        stubSession(List.of());

        JsonObject session = session();

        assertThat(session.getString("overview")).isEqualTo(link("overview", null));
        assertThat(session.getJsonArray("subscriptions")).isEmpty();
        assertThat(session.getString("requestId")).isEqualTo("it-request-1");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS))
                .withHeader("Authorization", equalTo("Bearer " + Deployments.API_KEY))
                .withHeader("Paddle-Version", equalTo("1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(fixture("python-sdk__portal-sessions__request_create_empty.json"))));
    }

    @Test
    void cancelLinkIsTheCheckedLinkForThatSubscriptionOnly() {
        String subscription = subscription(1);
        stubSession(List.of(subscription));

        JsonObject answer = probe().post("link", query("action", "cancel_subscription", "customer", CUSTOMER, "subscription", subscription));

        assertThat(answer.getString("link")).isEqualTo(link("cancel_subscription", subscription));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)).withRequestBody(equalToJson("{\"subscription_ids\":[\"" + subscription + "\"]}")));
    }

    @Test
    void updatePaymentMethodLinkOpensThePaymentForm() {
        String subscription = subscription(2);
        stubSession(List.of(subscription));

        JsonObject answer = probe().post("link", query("action", "update_payment_method", "customer", CUSTOMER, "subscription", subscription));

        assertThat(answer.getString("link")).isEqualTo(link("update_subscription_payment_method", subscription));
    }

    @Test
    void overviewLinkNeedsNoSubscription() {
        stubSession(List.of());

        JsonObject answer = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(answer.getString("link")).isEqualTo(link("overview", null));
    }

    @Test
    void twentyFiveSubscriptionsInOneSession() {
        List<String> subscriptions = IntStream.range(0, 25).mapToObj(PaddleStub::subscription).toList();
        stubSession(subscriptions);

        JsonObject session = session(subscriptions.toArray(String[]::new));

        assertThat(session.getJsonArray("subscriptions")).hasSize(25);
        assertThat(session.getJsonArray("subscriptions").getJsonObject(24).getString("cancel"))
                .isEqualTo(link("cancel_subscription", subscriptions.get(24)));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void invalidInputIsRejectedBeforeAnyCall() {
        JsonObject badCustomer = probe().post("session", query("customer", "ctm_123"));
        List<String> tooMany = new ArrayList<>(List.of("customer", CUSTOMER));
        IntStream.range(0, 26).forEach(i -> {
            tooMany.add("subscription");
            tooMany.add(subscription(i));
        });
        JsonObject twentySix = probe().post("session", query(tooMany.toArray(String[]::new)));
        JsonObject duplicate = session(subscription(3), subscription(3));

        assertThat(badCustomer.getString("error")).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(badCustomer.getString("message")).contains("customer ID", "ctm_123", "^ctm_[a-z\\d]{26}$");
        assertThat(twentySix.getString("message")).contains("26", "25");
        assertThat(duplicate.getString("message")).contains(subscription(3), "more than once");
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }

    @Test
    void listingFollowsPaddlesPaginationAcrossThreePages() {
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).withQueryParam("customer_id", equalTo(CUSTOMER)).withQueryParam("after", absent())
                .willReturn(json(200, SubscriptionPages.page(CUSTOMER, List.of(0, 1), "sub_cursor_one"))));
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).withQueryParam("after", equalTo("sub_cursor_one"))
                .willReturn(json(200, SubscriptionPages.page(CUSTOMER, List.of(2, 3), "sub_cursor_two"))));
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).withQueryParam("after", equalTo("sub_cursor_two"))
                .willReturn(json(200, SubscriptionPages.page(CUSTOMER, List.of(4), null))));

        JsonObject answer = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(answer.getJsonArray("subscriptions").getValuesAs(JsonObject.class)).extracting(s -> s.getString("id"))
                .containsExactly(subscription(0), subscription(1), subscription(2), subscription(3), subscription(4));
        assertThat(answer.getJsonArray("subscriptions").getJsonObject(0).getString("subtotal")).isEqualTo("USD 60.00");
        PADDLE.verify(3, getRequestedFor(urlPathEqualTo("/subscriptions")).withQueryParam("customer_id", equalTo(CUSTOMER))
                .withQueryParam("per_page", equalTo("200")).withHeader("Authorization", equalTo("Bearer " + Deployments.API_KEY)));
    }

    @Test
    void listingPassesTheStatusFilter() {
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(json(200, SubscriptionPages.page(CUSTOMER, List.of(0), null))));

        probe().get("subscriptions", query("customer", CUSTOMER, "status", "past_due", "status", "active"));

        PADDLE.verify(1, getRequestedFor(urlPathEqualTo("/subscriptions")).withQueryParam("status", equalTo("active,past_due")));
    }

    @Test
    void badRequestCarriesPaddlesFieldErrorsAndIsNotRetried() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(400, fixture("python-sdk__client-test__400_bad_request_with_field_errors__extracted.json"))));

        JsonObject error = session(subscription(1));

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(400);
        assertThat(error.getString("code")).isEqualTo("bad_request");
        assertThat(error.getString("type")).isEqualTo("request_error");
        assertThat(error.getString("documentationUrl")).isEqualTo("https://developer.paddle.com/v1/errors/shared/bad_request");
        assertThat(error.getString("requestId")).isEqualTo("f00bb3ca-399d-4686-889c-50b028f4c912");
        assertThat(error.getJsonArray("fieldErrors").getJsonObject(0).getString("field")).isEqualTo("some_field");
        assertThat(error.getString("message")).contains("some_field", "Some error message");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void forbiddenNamesThePermissionTheKeyNeeds() {
        String forbidden = "{\"error\":{\"type\":\"request_error\",\"code\":\"forbidden\",\"detail\":\"You aren't permitted to perform this"
                + " request.\",\"documentation_url\":\"https://developer.paddle.com/v1/errors/shared/forbidden\"},\"meta\":{\"request_id\":\"r-403\"}}";
        PADDLE.stubFor(post(SESSIONS).willReturn(json(403, forbidden)));
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(json(403, forbidden)));

        JsonObject create = session();
        JsonObject list = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(create.getString("permission")).isEqualTo("customer_portal_session.write");
        assertThat(create.getString("message")).contains("HTTP 403", "customer_portal_session.write");
        assertThat(list.getString("permission")).isEqualTo("subscription.read");
        assertThat(list.getString("message")).contains("subscription.read");
    }

    @Test
    void unauthorizedNamesTheKeyToCheckAndIsNotRetried() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(401, "{\"error\":{\"type\":\"request_error\",\"code\":\"authentication_malformed\","
                + "\"detail\":\"Authentication header included, but incorrectly formatted\"},\"meta\":{\"request_id\":\"r-401\"}}")));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(401);
        assertThat(error.getString("message")).contains("HTTP 401", "paddle.api-key").doesNotContain(Deployments.API_KEY);
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void notFoundPointsAtTheEnvironment() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(404, fixture("python-sdk__client-test__404_not_found__extracted.json"))));

        JsonObject error = session();

        assertThat(error.getString("code")).isEqualTo("not_found");
        assertThat(error.getInt("httpStatus")).isEqualTo(404);
        assertThat(error.getString("message")).contains("sandbox and live");
    }

    @Test
    void conflictIsRefusedWithoutRetry() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(409, fixture("php-sdk__response-parser-test__409_conflict_no-meta__extracted.json"))));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getString("code")).isEqualTo("conflict");
        assertThat(error.getString("requestId")).isEqualTo("null");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void serverErrorsAreRetriedUntilPaddleAnswers() {
        PADDLE.stubFor(post(SESSIONS).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502))
                .willSetStateTo("second"));
        PADDLE.stubFor(post(SESSIONS).inScenario("flaky").whenScenarioStateIs("second").willReturn(json(503, "{}")).willSetStateTo("third"));
        PADDLE.stubFor(post(SESSIONS).inScenario("flaky").whenScenarioStateIs("third").willReturn(created(portalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = session();

        assertThat(session.getString("overview")).isEqualTo(link("overview", null));
        PADDLE.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void exhaustedRetriesReportTheLastServerError() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(500, "{\"error\":{\"type\":\"api_error\",\"code\":\"internal_error\"}}")));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("SERVER_ERROR");
        assertThat(error.getInt("httpStatus")).isEqualTo(500);
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void htmlErrorPagesAreClassifiedByStatus() {
        String html = "<html><body>Bad gateway</body></html>";
        PADDLE.stubFor(post(SESSIONS).inScenario("proxy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html)).willSetStateTo("up"));
        PADDLE.stubFor(post(SESSIONS).inScenario("proxy").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/html").withBody(html)));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(401);
        assertThat(error.getString("message")).contains("no error envelope", "paddle.api-key");
        PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void connectionResetIsRetried() {
        PADDLE.stubFor(post(SESSIONS).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        PADDLE.stubFor(post(SESSIONS).inScenario("reset").whenScenarioStateIs("recovered").willReturn(created(portalSessionBody(CUSTOMER, List.of()))));

        JsonObject session = session();

        assertThat(session.getString("overview")).isEqualTo(link("overview", null));
        PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void connectionResetOnEveryAttemptIsAnIoError() {
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonObject error = session();

        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void slowPaddleTimesOutOnceAndIsNotRetried() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of())).withFixedDelay(3500)));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("TIMEOUT");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        // Whichever timer fired first (the read timeout or Fault Tolerance's), the exception is not wrapped in itself.
        assertThat(error.getJsonArray("causes").getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString)
                .doesNotContain(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void aTimeoutLeavesTheCallersThreadUsable() {
        // The read timeout and the Fault Tolerance timeout are both 2000 ms here (the defaults): whichever fires
        // first, the server thread must come back uninterrupted, so the next call in the same request works.
        PADDLE.stubFor(post(SESSIONS).inScenario("hang-once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created(portalSessionBody(CUSTOMER, List.of())).withFixedDelay(3500)).willSetStateTo("answering"));
        PADDLE.stubFor(post(SESSIONS).inScenario("hang-once").whenScenarioStateIs("answering").willReturn(created(portalSessionBody(CUSTOMER, List.of()))));

        JsonObject answer = probe().post("session-twice", query("customer", CUSTOMER));

        assertThat(answer.getJsonObject("first").getString("reason")).isEqualTo("TIMEOUT");
        assertThat(answer.getJsonObject("second").getString("overview", "")).as(answer.toString()).isEqualTo(link("overview", null));
        assertThat(answer.getBoolean("interruptedAfter")).isFalse();
        assertThat(answer.getBoolean("sleepWorksAfter")).isTrue();
        PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void aConnectionClosedWithoutAnswerIsSentOncePerAttempt() {
        // The HTTP clients under the Rest Client would resend on their own (Apache HttpClient: a GET 3 more times;
        // HttpURLConnection: once): the library's retry is the only one, so the stub sees what attempts() reports.
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        JsonObject error = session();

        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void aListingWhoseConnectionIsClosedWithoutAnswerSendsTheDocumentedRequestsPerAttempt() {
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        JsonObject error = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3 * REQUESTS_PER_GET_ATTEMPT, getRequestedFor(urlPathEqualTo("/subscriptions")));
    }

    @Test
    void aListingWhoseConnectionIsResetSendsTheDocumentedRequestsPerAttempt() {
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonObject error = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        PADDLE.verify(3 * REQUESTS_PER_GET_ATTEMPT, getRequestedFor(urlPathEqualTo("/subscriptions")));
    }

    @Test
    void concurrentCallsAreInFlightTogether() {
        // The HTTP client keeps a pool of connections: eight callers at once are eight requests at once, not a queue.
        int callers = 8;
        stubSession(List.of());
        session(); // warm: the client is built on first use, and the server's threads are started
        PADDLE.resetRequests();
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of())).withFixedDelay(1200)));

        List<CompletableFuture<JsonObject>> calls = IntStream.range(0, callers).mapToObj(i -> probe().postAsync("session", query("customer",
                CUSTOMER))).toList();

        // Before the first answer: all eight requests reached Paddle while every one was still waiting.
        await().atMost(Duration.ofMillis(1000)).until(() -> PADDLE.getAllServeEvents().size() == callers);
        assertThat(calls).allSatisfy(call -> assertThat(call.join().getString("overview", "")).isEqualTo(link("overview", null)));
    }

    @Test
    void garbageJsonIsAnUnexpectedResponseNotALink() {
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"data\": [oops")));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void linkToAForeignOriginIsRefused() {
        String body = portalSessionBody(CUSTOMER, List.of()).replace(PaddleStub.origin(), "https://portal.evil.example");
        PADDLE.stubFor(post(SESSIONS).willReturn(created(body)));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        assertThat(error.getString("message")).contains("https://portal.evil.example", "not an allowed portal origin").doesNotContain(PaddleStub.TOKEN);
    }

    @Test
    void linkForASubscriptionThatWasNotAskedForIsRefused() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of(subscription(1), subscription(9))))));

        JsonObject error = session(subscription(1));

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        assertThat(error.getString("message")).contains(subscription(9), "not requested");
    }

    @Test
    void sessionForAnotherCustomerIsRefused() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody("ctm_01jcdaf4zgm2fxw3nc0e4fn137", List.of()))));

        JsonObject error = session();

        assertThat(error.getString("message")).contains("ctm_01jcdaf4zgm2fxw3nc0e4fn137", CUSTOMER);
    }

    @Test
    void asyncVariantReturnsBeforePaddleAnswers() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of(subscription(5)))).withFixedDelay(1000)));

        JsonObject session = probe().post("session-async", query("customer", CUSTOMER, "subscription", subscription(5)));

        assertThat(session.getString("overview")).isEqualTo(link("overview", null));
        assertThat(session.getJsonNumber("returnedAfterMillis").longValue()).isLessThan(500);
    }

    @Test
    void asyncVariantCompletesExceptionally() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(404, fixture("python-sdk__client-test__404_not_found__extracted.json"))));

        JsonObject error = probe().post("session-async", query("customer", CUSTOMER));

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(404);
    }

    @Test
    void sessionToStringHidesTheToken() {
        stubSession(List.of(subscription(1)));

        JsonObject session = session(subscription(1));

        assertThat(session.getString("toString")).contains("cpls_01h4ge9r64c22exjsx0fy8b48b").doesNotContain(PaddleStub.TOKEN);
    }
}
