package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The simulator over real HTTP on 127.0.0.1: Paddle's wire format, its errors, the faults, the record, the portal page.
class PaddleSimulatorTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String SUB = "sub_01h04vsc0qhwtsbsxh3422wjs4";
    private static final String OTHER_SUB = "sub_01h7zcgmdc6tmwtjehp3sh7azf";

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(PaddleSimulator.builder().maxPerPage(2));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PaddleSimulator paddle;

    @BeforeEach
    void seed(PaddleSimulator simulator) {
        paddle = simulator;
        paddle.reset();
        paddle.subscription(CUSTOMER, SUB);
        paddle.subscription(CUSTOMER, OTHER_SUB).status("past_due");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> createSession(String customer, String body) {
        return send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + customer + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> list(String query) {
        return send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/subscriptions?" + query)).header("Authorization", "Bearer " + paddle.apiKey()));
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String errorCode(HttpResponse<String> response) {
        return json(response).getJsonObject("error").getString("code");
    }

    // ------------------------------------------------------------------------------------------ Wire format

    @Test
    void aSessionHasLinksForExactlyTheSubscriptionsAskedFor() {
        HttpResponse<String> response = createSession(CUSTOMER, "{\"subscription_ids\":[\"" + SUB + "\"]}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject data = json(response).getJsonObject("data");
        assertThat(data.getString("id")).matches("cpls_[a-z\\d]{26}");
        assertThat(data.getString("customer_id")).isEqualTo(CUSTOMER);
        assertThat(data.getJsonObject("urls").getJsonObject("general").getString("overview"))
                .startsWith(paddle.origin() + "/cpl_").contains("?action=overview&token=pga_");
        assertThat(data.getJsonObject("urls").getJsonArray("subscriptions")).hasSize(1);
        assertThat(data.getJsonObject("urls").getJsonArray("subscriptions").getJsonObject(0).getString("cancel_subscription"))
                .contains("action=cancel_subscription&subscription_id=" + SUB + "&token=pga_");
        assertThat(json(response).getJsonObject("meta").getString("request_id")).isNotBlank();
        assertThat(paddle.portalSessionsCreated(CUSTOMER, SUB)).isEqualTo(1);
        assertThat(paddle.portalSessionsCreated(CUSTOMER)).isZero();
    }

    @Test
    void aListingPagesWithPaddlesCursor() {
        paddle.subscription(CUSTOMER, "sub_01h7zcgmdc6tmwtjehp3sh7aaa").scheduledChange("cancel", Instant.parse("2030-03-15T00:00:00Z"));

        JsonObject first = json(list("customer_id=" + CUSTOMER + "&per_page=50"));
        String next = first.getJsonObject("meta").getJsonObject("pagination").getString("next");
        JsonObject second = json(send(HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + paddle.apiKey())));

        assertThat(first.getJsonArray("data")).hasSize(2);
        assertThat(first.getJsonObject("meta").getJsonObject("pagination").getBoolean("has_more")).isTrue();
        assertThat(second.getJsonArray("data")).hasSize(1);
        assertThat(second.getJsonArray("data").getJsonObject(0).getJsonObject("scheduled_change").getString("action")).isEqualTo("cancel");
        assertThat(second.getJsonObject("meta").getJsonObject("pagination").getBoolean("has_more")).isFalse();
    }

    @Test
    void theStatusFilterKeepsOnlyThoseStatuses() {
        JsonObject pastDue = json(list("customer_id=" + CUSTOMER + "&status=past_due"));

        assertThat(pastDue.getJsonArray("data")).hasSize(1);
        assertThat(pastDue.getJsonArray("data").getJsonObject(0).getString("id")).isEqualTo(OTHER_SUB);
    }

    // ---------------------------------------------------------------------------------------------- Errors

    @Test
    void moreThan25SubscriptionsAreAnInvalidField() {
        String ids = IntStream.range(0, 26).mapToObj(i -> "\"" + String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", i) + "\"").collect(Collectors.joining(","));

        HttpResponse<String> response = createSession(CUSTOMER, "{\"subscription_ids\":[" + ids + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("invalid_field");
        assertThat(response.body()).contains("must contain at most 25 items");
    }

    @Test
    void duplicateMalformedAndForeignSubscriptionsAreInvalidFields() {
        paddle.subscription("ctm_01hp462x4578nc20acj9g956yy", "sub_01hp462x4578nc20acj9g956yy");

        HttpResponse<String> response = createSession(CUSTOMER, "{\"subscription_ids\":[\"" + SUB + "\",\"" + SUB + "\",\"sub_123\","
                + "\"sub_01hp462x4578nc20acj9g956yy\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("items must be unique", "subscription_ids[2]", "does not match pattern",
                "subscription_ids[3]", "does not belong to the customer");
        assertThat(paddle.portalSessionsCreated(CUSTOMER, SUB)).isZero();
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertThat(errorCode(createSession("ctm_01hp462x4578nc20acj9g956yy", "{}"))).isEqualTo("not_found");
    }

    @Test
    void theKeyIsCheckedAsPaddleChecksIt() {
        URI sessions = paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions");

        HttpResponse<String> missing = send(HttpRequest.newBuilder(sessions).POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(sessions).header("Authorization", paddle.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(sessions).header("Authorization", "Bearer pdl_sdbx_apikey_other")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(errorCode(missing)).isEqualTo("authentication_missing");
        assertThat(errorCode(malformed)).isEqualTo("authentication_malformed");
        assertThat(errorCode(wrong)).isEqualTo("invalid_token");
    }

    @Test
    void theSchemeOfTheKeyIsReadInAnyCaseAsPaddlesNodeSdkWritesIt() {
        HttpResponse<String> lowerCase = send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "bearer " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> otherScheme = send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Basic " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(lowerCase.statusCode()).isEqualTo(201);
        assertThat(errorCode(otherScheme)).isEqualTo("authentication_malformed");
    }

    @Test
    void aMissingPermissionIsForbiddenAndNamed() {
        paddle.withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        HttpResponse<String> response = createSession(CUSTOMER, "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("forbidden");
        assertThat(response.body()).contains("customer_portal_session.write");
        assertThat(list("customer_id=" + CUSTOMER).statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------- Faults

    @Test
    void nextCallsFaultsApplyToThatManyCallsThenPaddleIsHealthyAgain() {
        paddle.nextCalls(2, Fault.serverError(503));

        assertThat(createSession(CUSTOMER, "{}").statusCode()).isEqualTo(503);
        assertThat(createSession(CUSTOMER, "{}").statusCode()).isEqualTo(503);
        assertThat(createSession(CUSTOMER, "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void aRateLimitSaysHowLongToWait() {
        paddle.nextCalls(1, Fault.rateLimited(Duration.ofSeconds(42)));

        HttpResponse<String> response = createSession(CUSTOMER, "{}");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("42");
        assertThat(errorCode(response)).isEqualTo("too_many_requests");
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsAnIoErrorForTheClient() {
        paddle.nextCalls(1, Fault.closeBeforeAnswer());

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void aConnectionClosedDuringTheAnswerCutsTheBody() {
        paddle.nextCalls(1, Fault.closeDuringAnswer());

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void aHangingPaddleAnswersNothingUntilTheClientGivesUp() {
        paddle.nextCalls(1, Fault.hang());

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/subscriptions")).timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + paddle.apiKey()).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void garbageAndHtmlAreWhatAProxyMightSend() {
        paddle.nextCalls(1, Fault.garbage()).nextCalls(1, Fault.htmlErrorPage(502));

        HttpResponse<String> garbage = createSession(CUSTOMER, "{}");
        HttpResponse<String> html = createSession(CUSTOMER, "{}");

        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).startsWith("{\"data\": [this is not json");
        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    @Test
    void wrongLinksAreWhatTheLibraryMustRefuse() {
        paddle.nextCalls(1, Fault.linkOnForeignHost()).nextCalls(1, Fault.linkForUnrequestedSubscription())
                .nextCalls(1, Fault.sessionForAnotherCustomer());
        String body = "{\"subscription_ids\":[\"" + SUB + "\"]}";

        JsonObject foreign = json(createSession(CUSTOMER, body)).getJsonObject("data");
        JsonObject unrequested = json(createSession(CUSTOMER, body)).getJsonObject("data");
        JsonObject otherCustomer = json(createSession(CUSTOMER, body)).getJsonObject("data");

        assertThat(foreign.getJsonObject("urls").getJsonObject("general").getString("overview")).startsWith("https://portal.invalid/cpl_");
        assertThat(unrequested.getJsonObject("urls").getJsonArray("subscriptions")).hasSize(2);
        assertThat(otherCustomer.getString("customer_id")).isNotEqualTo(CUSTOMER).matches("ctm_[a-z\\d]{26}");
    }

    // ------------------------------------------------------------------------------------ Record and portal

    @Test
    void requestsAreRecordedWithTheKeyMasked() {
        createSession(CUSTOMER, "{\"subscription_ids\":[\"" + SUB + "\"]}");

        RecordedRequest request = paddle.requests().get(0);
        assertThat(request.isPortalSession()).isTrue();
        assertThat(request.body()).isEqualTo("{\"subscription_ids\":[\"" + SUB + "\"]}");
        assertThat(request.header("Authorization")).startsWith("Bearer pdl_sdbx_apikey_").endsWith("[masked]")
                .doesNotContain(paddle.apiKey().substring(20));
        assertThat(paddle.receivedNothingFor(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void theLinksOpenTheSimulatedPortalOnlyWithTheIssuedToken() {
        String link = json(createSession(CUSTOMER, "{\"subscription_ids\":[\"" + SUB + "\"]}")).getJsonObject("data").getJsonObject("urls")
                .getJsonArray("subscriptions").getJsonObject(0).getString("update_subscription_payment_method");

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(link)));
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(link.replaceAll("token=pga_.*", "token=pga_forged"))));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(CUSTOMER, "update_subscription_payment_method", SUB);
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void theConfigurationNamesTheSimulatorForTheLibrary() {
        assertThat(System.getProperty("paddle.base-url")).isEqualTo(paddle.origin());
        assertThat(System.getProperty("paddle.api-key")).isEqualTo(paddle.apiKey());
        assertThat(paddle.serverEnv()).contains("PADDLE_BASE_URL=" + paddle.origin() + "\n", "PADDLE_PORTAL_ALLOWED_ORIGINS=" + paddle.origin());
    }
}
