package dev.portallinks.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The demo's Paddle simulator (portal-test's core, embedded in the WAR) speaks Paddle's wire format: pagination with
 * {@code after}/{@code per_page} and {@code meta.pagination}, a status filter, 201 with Paddle's envelope, and
 * Paddle's errors for a wrong key (403 invalid_token), bad or foreign IDs, more than 25 or duplicate IDs, and an
 * unknown customer.
 */
class SimulatorContractIT {

    private static final String SIMULATOR = System.getProperty("demo.url", "http://localhost:9080/") + "simulator/";
    private static final String KEY = "pdl_sdbx_apikey_01jdemosimulatorkey0000000_localonly";
    private static final String CUSTOMER = "ctm_01jdemosimulatedcustomer00";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    private static HttpResponse<String> call(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SIMULATOR + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String ids(int count, int repeatedFrom) {
        return IntStream.range(0, count).mapToObj(i -> "\"" + String.format("sub_01jdemosubscription%07d", i < repeatedFrom ? i + 1 : 1) + "\"")
                .collect(Collectors.joining(",", "{\"subscription_ids\":[", "]}"));
    }

    @Test
    void listingPagesThroughSevenSubscriptionsThreeAtATime() {
        JsonObject first = json(call("GET", "subscriptions?customer_id=" + CUSTOMER + "&per_page=50", null, KEY));
        String next = first.getJsonObject("meta").getJsonObject("pagination").getString("next");
        String after = next.replaceAll(".*[?&]after=([^&]+).*", "$1");
        JsonObject last = json(call("GET", "subscriptions?customer_id=" + CUSTOMER + "&per_page=3&after=sub_01jdemosubscription0000006", null, KEY));

        assertThat(first.getJsonArray("data")).hasSize(3);
        assertThat(first.getJsonObject("meta").getJsonObject("pagination").getBoolean("has_more")).isTrue();
        assertThat(first.getJsonObject("meta").getJsonObject("pagination").getInt("estimated_total")).isEqualTo(7);
        assertThat(after).isEqualTo("sub_01jdemosubscription0000003");
        assertThat(last.getJsonArray("data")).hasSize(1);
        assertThat(last.getJsonObject("meta").getJsonObject("pagination").getBoolean("has_more")).isFalse();
    }

    @Test
    void statusFilter() {
        JsonObject canceled = json(call("GET", "subscriptions?customer_id=" + CUSTOMER + "&status=canceled,paused", null, KEY));

        assertThat(canceled.getJsonArray("data").getValuesAs(JsonObject.class)).extracting(s -> s.getString("status"))
                .containsExactly("paused", "canceled");
    }

    @Test
    void createAnswers201WithPaddlesEnvelope() {
        HttpResponse<String> created = call("POST", "customers/" + CUSTOMER + "/portal-sessions", ids(2, 2), KEY);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject data = json(created).getJsonObject("data");
        assertThat(data.getString("id")).matches("^cpls_[a-z\\d]{26}$");
        assertThat(data.getJsonObject("urls").getJsonArray("subscriptions")).hasSize(2);
        assertThat(json(created).getJsonObject("meta").getString("request_id")).isNotBlank();
    }

    // Paddle answers a wrong key with 403 invalid_token (developer.paddle.com/errors/shared/invalid_token); the
    // demo's former simulator said 401.
    @Test
    void aWrongKeyIs403InvalidToken() {
        HttpResponse<String> badKey = call("POST", "customers/" + CUSTOMER + "/portal-sessions", "{}", "pdl_sdbx_apikey_wrong");

        assertThat(badKey.statusCode()).isEqualTo(403);
        assertThat(json(badKey).getJsonObject("error").getString("code")).isEqualTo("invalid_token");
    }

    @Test
    void moreThan25SubscriptionsIsAnInvalidField() {
        HttpResponse<String> tooMany = call("POST", "customers/" + CUSTOMER + "/portal-sessions", ids(26, 99), KEY);

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).getJsonObject("error").getString("code")).isEqualTo("invalid_field");
        assertThat(tooMany.body()).contains("at most 25");
    }

    @Test
    void duplicateSubscriptionsAre400() {
        HttpResponse<String> duplicate = call("POST", "customers/" + CUSTOMER + "/portal-sessions", ids(3, 1), KEY);

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("unique");
    }

    @Test
    void aMalformedSubscriptionIdNamesTheField() {
        HttpResponse<String> badId = call("POST", "customers/" + CUSTOMER + "/portal-sessions", "{\"subscription_ids\":[\"sub_123\"]}", KEY);

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).getJsonObject("error").getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("subscription_ids[0]");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        HttpResponse<String> unknown = call("POST", "customers/ctm_01gysfvfy7vqhpzkq8rjmrq7an/portal-sessions", "{}", KEY);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).getJsonObject("error").getString("code")).isEqualTo("not_found");
    }
}
