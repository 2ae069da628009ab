package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleExample;
import dev.portallinks.test.PaddleSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The injected PortalLinkService on each test server against the Paddle simulator: happy paths, the exact request,
 * Paddle's errors, retries, timeouts, unreadable answers and link checks. The circuit breaker is given a high volume
 * threshold here so that failure scenarios do not open it for the next test (CircuitBreakerIT covers it). The
 * simulator pages listings by 2, so a listing of 5 follows Paddle's cursor across three pages. (ConnectionResetIT:
 * connections reset by Paddle.)
 */
@SimulatedPaddleIT.PagesOf(2)
class PortalSessionIT extends SimulatedPaddleIT {

    private static final String PADDLE_ERROR_CLASS = "dev.portallinks.api.";
    /**
     * What README promises per attempt of a GET whose connection closes without an answer: 1, except on Payara, whose
     * HttpURLConnection resends a GET once (2); the build says which server this is.
     */
    private static final int REQUESTS_PER_GET_ATTEMPT = Integer.getInteger("it.transport.requests-per-get-attempt");
    /** The form of the request IDs in the simulator's answers. */
    private static final String REQUEST_ID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Where {@link Fault#linkOnForeignHost()} points the overview link. */
    private static final String FOREIGN_ORIGIN = "https://portal.invalid";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("portal-session", "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold=1000");
    }

    private JsonObject session(String... subscriptions) {
        List<String> pairs = new ArrayList<>(List.of("customer", CUSTOMER));
        for (String subscription : subscriptions) {
            pairs.add("subscription");
            pairs.add(subscription);
        }
        return probe().post("session", query(pairs.toArray(String[]::new)));
    }

    /**
     * Reads one of Paddle's bodies (see paddle-fixtures/SOURCES.md) that the simulator does not serve as a {@link PaddleExample}.
     *
     * @param name the file name
     * @return its text
     */
    private static String fixture(String name) {
        try (InputStream in = PortalSessionIT.class.getClassLoader().getResourceAsStream("paddle-fixtures/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void overviewSessionSendsPaddlesHeadersAndAnEmptySubscriptionList() {
        JsonObject session = session();

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(session.getJsonArray("subscriptions")).isEmpty();
        assertThat(session.getString("requestId")).matches(REQUEST_ID_FORM);
        assertThat(sessionRequests()).singleElement().satisfies(request -> {
            // The simulator answered, so the key was exactly the WAR's (another one is 403 invalid_token); it records the key's start only.
            assertThat(request.header("Authorization")).startsWith("Bearer pdl_sdbx_apikey_");
            assertThat(request.header("Paddle-Version")).isEqualTo("1");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(json(request.body())).isEqualTo(json(fixture("python-sdk__portal-sessions__request_create_empty.json")));
        });
    }

    @Test
    void cancelLinkIsTheCheckedLinkForThatSubscriptionOnly() {
        String subscription = subscription(1);
        paddle().subscription(CUSTOMER, subscription);

        JsonObject answer = probe().post("link", query("action", "cancel_subscription", "customer", CUSTOMER, "subscription", subscription));

        assertThat(issued(answer, "link")).isEqualTo(portalLink("cancel_subscription", subscription));
        assertThat(sessionRequests()).singleElement().satisfies(request -> assertThat(json(request.body()))
                .isEqualTo(Json.createObjectBuilder().add("subscription_ids", Json.createArrayBuilder().add(subscription)).build()));
        assertThat(paddle().portalSessionsCreated(CUSTOMER, subscription)).isEqualTo(1);
    }

    @Test
    void updatePaymentMethodLinkOpensThePaymentForm() {
        String subscription = subscription(2);
        paddle().subscription(CUSTOMER, subscription);

        JsonObject answer = probe().post("link", query("action", "update_payment_method", "customer", CUSTOMER, "subscription", subscription));

        assertThat(issued(answer, "link")).isEqualTo(portalLink("update_subscription_payment_method", subscription));
    }

    @Test
    void overviewLinkNeedsNoSubscription() {
        JsonObject answer = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(issued(answer, "link")).isEqualTo(portalLink("overview", null));
    }

    @Test
    void theSessionRequestCarriesItsLengthAndIsNotChunked() {
        // A proxy, firewall or stub that needs Content-Length must get it on every server (Payara's HttpURLConnection
        // included, which streams the body so that it is never resent).
        session(subscription(0), subscription(1));

        assertThat(sessionRequests()).singleElement().satisfies(request -> {
            assertThat(request.header("Transfer-Encoding")).as("Transfer-Encoding").isNull();
            assertThat(request.header("Content-Length")).as("Content-Length")
                    .isEqualTo(Integer.toString(request.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(Json.createReader(new StringReader(request.body())).readObject().getJsonArray("subscription_ids")
                    .getValuesAs(JsonString::getString)).containsExactly(subscription(0), subscription(1));
        });
    }

    @Test
    void twentyFiveSubscriptionsInOneSession() {
        List<String> subscriptions = IntStream.range(0, 25).mapToObj(SimulatedPaddleIT::subscription).toList();
        subscriptions.forEach(subscription -> paddle().subscription(CUSTOMER, subscription));

        JsonObject session = session(subscriptions.toArray(String[]::new));

        assertThat(session.getJsonArray("subscriptions")).hasSize(25);
        assertThat(issued(session.getJsonArray("subscriptions").getJsonObject(24), "cancel"))
                .isEqualTo(portalLink("cancel_subscription", subscriptions.get(24)));
        assertThat(sessionRequests()).hasSize(1);
        assertThat(paddle().portalSessionsCreated(CUSTOMER, subscriptions.toArray(String[]::new))).isEqualTo(1);
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
        assertThat(paddle().requests()).isEmpty();
    }

    @Test
    void listingFollowsPaddlesPaginationAcrossThreePages() {
        IntStream.range(0, 5).forEach(i -> paddle().subscription(CUSTOMER, subscription(i)).status(i % 2 == 0 ? "active" : "past_due")
                .product("AeroEdit Pro " + i).price("Monthly (per seat)", 6000, "USD"));

        JsonObject answer = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(answer.getJsonArray("subscriptions").getValuesAs(JsonObject.class)).as(answer.toString()).extracting(s -> s.getString("id"))
                .containsExactly(subscription(0), subscription(1), subscription(2), subscription(3), subscription(4));
        assertThat(answer.getJsonArray("subscriptions").getJsonObject(0).getString("subtotal")).isEqualTo("USD 60.00");
        assertThat(listingRequests()).hasSize(3).allSatisfy(request -> {
            assertThat(parameters(request)).containsEntry("customer_id", CUSTOMER).containsEntry("per_page", "200");
            assertThat(request.header("Authorization")).startsWith("Bearer pdl_sdbx_apikey_");
        });
    }

    @Test
    void listingPassesTheStatusFilter() {
        paddle().subscription(CUSTOMER, subscription(0)).status("past_due");

        JsonObject answer = probe().get("subscriptions", query("customer", CUSTOMER, "status", "past_due", "status", "active"));

        assertThat(answer.getJsonArray("subscriptions")).as(answer.toString()).hasSize(1);
        assertThat(listingRequests()).singleElement().satisfies(request -> assertThat(parameters(request)).containsEntry("status", "active,past_due"));
    }

    @Test
    void badRequestCarriesPaddlesFieldErrorsAndIsNotRetried() {
        paddle().always(Fault.publishedExample(PaddleExample.BAD_REQUEST));

        JsonObject error = session(subscription(1));

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(400);
        assertThat(error.getString("code")).isEqualTo("bad_request");
        assertThat(error.getString("type")).isEqualTo("request_error");
        assertThat(error.getString("documentationUrl")).isEqualTo("https://developer.paddle.com/v1/errors/shared/bad_request");
        assertThat(error.getString("requestId")).isEqualTo("f00bb3ca-399d-4686-889c-50b028f4c912");
        assertThat(error.getJsonArray("fieldErrors").getJsonObject(0).getString("field")).isEqualTo("some_field");
        assertThat(error.getString("message")).contains("some_field", "Some error message");
        assertThat(sessionRequests()).hasSize(1);
    }

    @Test
    void forbiddenNamesThePermissionTheKeyNeeds() {
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE).withoutPermission(PaddleSimulator.SUBSCRIPTION_READ);

        JsonObject create = session();
        JsonObject list = probe().get("subscriptions", query("customer", CUSTOMER));

        // The simulator's detail names the permission too; the library's own advice follows it.
        assertThat(create.getString("code")).isEqualTo("forbidden");
        assertThat(create.getString("permission")).isEqualTo("customer_portal_session.write");
        assertThat(create.getString("message")).contains("HTTP 403", "customer_portal_session.write permission: grant it");
        assertThat(list.getString("permission")).isEqualTo("subscription.read");
        assertThat(list.getString("message")).contains("subscription.read permission: grant it");
    }

    @Test
    void unauthorizedNamesTheKeyToCheckAndIsNotRetried() {
        paddle().always(Fault.error(401, "authentication_malformed"));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(401);
        assertThat(error.getString("message")).contains("HTTP 401", "paddle.api-key").doesNotContain(Deployments.API_KEY);
        assertThat(sessionRequests()).hasSize(1);
    }

    @Test
    void notFoundPointsAtTheEnvironment() {
        paddle().always(Fault.publishedExample(PaddleExample.NOT_FOUND));

        JsonObject error = session();

        assertThat(error.getString("code")).isEqualTo("not_found");
        assertThat(error.getInt("httpStatus")).isEqualTo(404);
        assertThat(error.getString("message")).contains("sandbox and live");
    }

    @Test
    void conflictIsRefusedWithoutRetry() {
        // Paddle's PHP SDK's 409 without meta, so without a request ID (PaddleExample.CONFLICT has one).
        paddle().always(Fault.answer(409, "application/json", fixture("php-sdk__response-parser-test__409_conflict_no-meta__extracted.json")));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getString("code")).isEqualTo("conflict");
        assertThat(error.getString("requestId")).isEqualTo("null");
        assertThat(sessionRequests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUntilPaddleAnswers() {
        paddle().nextCalls(1, Fault.serverError(502)).nextCalls(1, Fault.answer(503, "application/json", "{}"));

        JsonObject session = session();

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(sessionRequests()).hasSize(3);
    }

    @Test
    void exhaustedRetriesReportTheLastServerError() {
        paddle().always(Fault.serverError(500));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("SERVER_ERROR");
        assertThat(error.getInt("httpStatus")).isEqualTo(500);
        assertThat(error.getInt("attempts")).isEqualTo(3);
        assertThat(sessionRequests()).hasSize(3);
    }

    @Test
    void htmlErrorPagesAreClassifiedByStatus() {
        paddle().nextCalls(1, Fault.htmlErrorPage(502)).always(Fault.htmlErrorPage(401));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(401);
        assertThat(error.getString("message")).contains("no error envelope", "paddle.api-key");
        assertThat(sessionRequests()).hasSize(2);
    }

    @Test
    void slowPaddleTimesOutOnceAndIsNotRetried() {
        paddle().always(Fault.slow(Duration.ofMillis(3500)));

        JsonObject error = session();

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("TIMEOUT");
        assertThat(error.getInt("attempts")).isEqualTo(1);
        // Whichever timer fired first (the read timeout or Fault Tolerance's), the exception is not wrapped in itself.
        assertThat(error.getJsonArray("causes").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .doesNotContain(PADDLE_ERROR_CLASS + "PaddleUnavailableException");
        assertThat(sessionRequests()).hasSize(1);
    }

    @Test
    void aTimeoutLeavesTheCallersThreadUsable() {
        // The read timeout and the Fault Tolerance timeout are both 2000 ms here (the defaults): whichever fires
        // first, the server thread must come back uninterrupted, so the next call in the same request works.
        paddle().nextCalls(1, Fault.hang());

        JsonObject answer = probe().post("session-twice", query("customer", CUSTOMER));

        assertThat(answer.getJsonObject("first").getString("reason")).isEqualTo("TIMEOUT");
        assertThat(issued(answer.getJsonObject("second"), "overview")).isEqualTo(portalLink("overview", null));
        assertThat(answer.getBoolean("interruptedAfter")).isFalse();
        assertThat(answer.getBoolean("sleepWorksAfter")).isTrue();
        assertThat(sessionRequests()).hasSize(2);
    }

    @Test
    void aConnectionClosedWithoutAnswerIsSentOncePerAttempt() {
        // The HTTP clients under the Rest Client would resend on their own (Apache HttpClient: a GET 3 more times;
        // HttpURLConnection: once): the library's retry is the only one, so Paddle sees what attempts() reports.
        paddle().always(Fault.closeBeforeAnswer());

        JsonObject error = session();

        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        assertThat(sessionRequests()).hasSize(3);
    }

    @Test
    void aListingWhoseConnectionIsClosedWithoutAnswerSendsTheDocumentedRequestsPerAttempt() {
        paddle().always(Fault.closeBeforeAnswer());

        JsonObject error = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(error.getString("reason")).isEqualTo("IO_ERROR");
        assertThat(error.getInt("attempts")).isEqualTo(3);
        assertThat(listingRequests()).hasSize(3 * REQUESTS_PER_GET_ATTEMPT);
    }

    @Test
    void concurrentCallsAreInFlightTogether() {
        // The HTTP client keeps a pool of connections: eight callers at once are eight requests at once, not a queue.
        int callers = 8;
        session(); // warm: the client is built on first use, and the server's threads are started
        paddle().clearFaultsAndRequests();
        paddle().always(Fault.slow(Duration.ofMillis(1200)));

        List<CompletableFuture<JsonObject>> calls = IntStream.range(0, callers).mapToObj(i -> probe().postAsync("session", query("customer",
                CUSTOMER))).toList();

        // Before the first answer: all eight requests reached Paddle while every one was still waiting.
        await().atMost(Duration.ofMillis(1000)).until(() -> sessionRequests().size() == callers);
        assertThat(calls).allSatisfy(call -> assertThat(issued(call.join(), "overview")).isEqualTo(portalLink("overview", null)));
    }

    @Test
    void garbageJsonIsAnUnexpectedResponseNotALink() {
        paddle().always(Fault.garbage());

        JsonObject error = session();

        assertThat(error.getString("error", "")).as(error.toString()).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        assertThat(sessionRequests()).hasSize(1);
    }

    @Test
    void linkToAForeignOriginIsRefused() {
        paddle().always(Fault.linkOnForeignHost());

        JsonObject error = session();

        assertThat(error.getString("error", "")).as(error.toString()).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        // No token at all: every portal token starts with pga_.
        assertThat(error.getString("message")).contains("overview points to " + FOREIGN_ORIGIN, "not an allowed portal origin")
                .doesNotContain("pga_");
    }

    @Test
    void linkForASubscriptionThatWasNotAskedForIsRefused() {
        paddle().subscription(CUSTOMER, subscription(1));
        paddle().always(Fault.linkForUnrequestedSubscription());

        JsonObject error = session(subscription(1));

        assertThat(error.getString("error", "")).as(error.toString()).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        // The simulator adds links for a random subscription after the requested one.
        assertThat(error.getString("message")).containsPattern("subscriptions\\[1] is for subscription sub_[a-z\\d]{26}, which was not requested")
                .doesNotContain(subscription(1) + ", which was not requested");
    }

    @Test
    void sessionForAnotherCustomerIsRefused() {
        paddle().always(Fault.sessionForAnotherCustomer());

        JsonObject error = session();

        assertThat(error.getString("error", "")).as(error.toString()).isEqualTo(PADDLE_ERROR_CLASS + "UnexpectedPaddleResponseException");
        assertThat(error.getString("message")).containsPattern("customer_id is ctm_[a-z\\d]{26} but the session was requested for " + CUSTOMER)
                .doesNotContain("customer_id is " + CUSTOMER);
    }

    @Test
    void asyncVariantReturnsBeforePaddleAnswers() {
        paddle().subscription(CUSTOMER, subscription(5));
        paddle().always(Fault.slow(Duration.ofMillis(1000)));

        JsonObject session = probe().post("session-async", query("customer", CUSTOMER, "subscription", subscription(5)));

        assertThat(issued(session, "overview")).isEqualTo(portalLink("overview", null));
        assertThat(session.getJsonNumber("returnedAfterMillis").longValue()).isLessThan(500);
    }

    @Test
    void asyncVariantCompletesExceptionally() {
        paddle().always(Fault.publishedExample(PaddleExample.NOT_FOUND));

        JsonObject error = probe().post("session-async", query("customer", CUSTOMER));

        assertThat(error.getString("error")).isEqualTo(PADDLE_ERROR_CLASS + "PaddleRequestRefusedException");
        assertThat(error.getInt("httpStatus")).isEqualTo(404);
    }

    @Test
    void sessionToStringHidesTheToken() {
        // Paddle's own published answer, byte for byte: its session ID, request ID and a token as Paddle writes them.
        JsonObject example = json(PaddleExample.PORTAL_SESSION_ONE_SUBSCRIPTION);
        JsonObject links = example.getJsonObject("data").getJsonObject("urls").getJsonArray("subscriptions").getJsonObject(0);
        String cancel = links.getString("cancel_subscription");
        String token = cancel.substring(cancel.indexOf("token=") + "token=".length());
        paddle().always(Fault.publishedExample(PaddleExample.PORTAL_SESSION_ONE_SUBSCRIPTION));

        JsonObject session = session(links.getString("id"));

        assertThat(session.getJsonArray("subscriptions").getJsonObject(0).getString("cancel")).isEqualTo(cancel);
        assertThat(session.getString("requestId")).isEqualTo(example.getJsonObject("meta").getString("request_id"));
        assertThat(token).startsWith("pga_");
        assertThat(session.getString("toString")).contains(example.getJsonObject("data").getString("id")).doesNotContain(token);
    }
}
