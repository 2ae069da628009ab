package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

// What the simulator offers beyond the wire format: Paddle's own examples byte for byte, exact answers, telling what
// a link opens, a bounded record, and the same core answering inside another server (embedded).
class EmbeddedAndExamplesTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String SUB = "sub_01h04vsc0qhwtsbsxh3422wjs4";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<byte[]> createSession(PaddleSimulator paddle, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The fixture as this repository keeps it (test resources), independent of the copy inside the jar. */
    private static byte[] fixture(String file) throws IOException {
        try (InputStream in = EmbeddedAndExamplesTest.class.getClassLoader().getResourceAsStream("paddle-fixtures/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    // --------------------------------------------------------------------------------- Paddle's examples

    @ParameterizedTest
    @EnumSource(PaddleExample.class)
    void publishedExamplesAreServedByteForByteWithTheirStatusAndHeaders(PaddleExample example) throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.start()) {
            paddle.customer(CUSTOMER).nextCalls(1, Fault.publishedExample(example));

            HttpResponse<byte[]> response = createSession(paddle, "{}");

            assertThat(response.statusCode()).isEqualTo(example.status());
            assertThat(response.body()).isEqualTo(fixture(example.file()));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            example.headers().forEach((name, value) -> assertThat(response.headers().firstValue(name)).as(name).hasValue(value));
            assertThat(createSession(paddle, "{}").statusCode()).as("only the next call").isEqualTo(201);
        }
    }

    @Test
    void anExactAnswerIsSentAsWritten() throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.start()) {
            paddle.nextCalls(1, Fault.answer(202, "application/vnd.test+json", "{\"data\": \"é\"}"));

            HttpResponse<byte[]> response = createSession(paddle, "{}");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.test+json");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"data\": \"é\"}");
        }
    }

    // ------------------------------------------------------------------------------- What a link opens

    @Test
    void portalLinkTellsWhatAnIssuedLinkOpensAndRefusesChangedOnes() throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.start()) {
            paddle.subscription(CUSTOMER, SUB);
            JsonObject urls = json(createSession(paddle, "{\"subscription_ids\":[\"" + SUB + "\"]}").body()).getJsonObject("data").getJsonObject("urls");
            String cancel = urls.getJsonArray("subscriptions").getJsonObject(0).getString("cancel_subscription");
            String overview = urls.getJsonObject("general").getString("overview");

            assertThat(paddle.portalLink(cancel)).hasValue(new PaddleSimulator.PortalLink(CUSTOMER, "cancel_subscription", SUB));
            assertThat(paddle.portalLink(overview)).hasValue(new PaddleSimulator.PortalLink(CUSTOMER, "overview", null));
            assertThat(paddle.portalLink(cancel.replace("cancel_subscription", "update_subscription_payment_method"))).isEmpty();
            // One character of the token changed (to one it is not: the token is random, and was once "x" already).
            int tokenAt = cancel.indexOf("token=pga_") + "token=pga_".length();
            char changed = cancel.charAt(tokenAt) == 'x' ? 'y' : 'x';
            assertThat(paddle.portalLink(cancel.substring(0, tokenAt) + changed + cancel.substring(tokenAt + 1))).isEmpty();
            assertThat(paddle.portalLink(cancel.replaceFirst("/cpl_[a-z0-9]+", "/elsewhere"))).isEmpty();
            assertThat(paddle.portalLink("not a link")).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------- Bounded record

    @ParameterizedTest
    @ValueSource(ints = {2, 5})
    void theRecordKeepsTheLatestRequestsAndSessionsOnly(int remembered) throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.builder().rememberedRequests(remembered).start()) {
            paddle.customer(CUSTOMER);
            for (int i = 0; i < 7; i++) {
                createSession(paddle, "{\"subscription_ids\":[]}");
            }
            paddle.nextCalls(1, Fault.serverError(500));
            createSession(paddle, "{\"marker\":true}");

            assertThat(paddle.requests()).hasSize(remembered);
            assertThat(paddle.requests().get(remembered - 1).body()).isEqualTo("{\"marker\":true}");
            assertThat(paddle.portalSessionsCreated(CUSTOMER)).isEqualTo(remembered);
        }
    }

    // ------------------------------------------------------------------------------------------- Embedded

    /** An exchange as a host server would hand it over, kept in memory. */
    private static final class HostExchange implements SimulatorExchange {

        private final URI base;
        private final String method;
        private final String path;
        private final String query;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final byte[] body;
        private int status;
        private Map<String, String> answerHeaders;
        private byte[] answer;

        HostExchange(URI base, String method, String path, String query, String apiKey, String body) {
            this.base = base;
            this.method = method;
            this.path = path;
            this.query = query;
            this.body = body.getBytes(StandardCharsets.UTF_8);
            headers.put("authorization", List.of("Bearer " + apiKey));
        }

        @Override
        public URI base() {
            return base;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String rawQuery() {
            return query;
        }

        @Override
        public Map<String, List<String>> headers() {
            return headers;
        }

        @Override
        public byte[] body() {
            return body;
        }

        @Override
        public void respond(int answerStatus, Map<String, String> responseHeaders, byte[] responseBody) {
            this.status = answerStatus;
            this.answerHeaders = responseHeaders;
            this.answer = responseBody;
        }
    }

    private static final URI HOST = URI.create("http://localhost:9080/simulator");

    @Test
    void anEmbeddedSimulatorAnswersThroughItsHostWithLinksOnTheHostsOrigin() throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.builder().embedded().maxPerPage(1).start()) {
            paddle.subscription(CUSTOMER, SUB);
            paddle.subscription(CUSTOMER, "sub_01h04vsc0qhwtsbsxh3422wjs5");

            HostExchange session = new HostExchange(HOST, "POST", "/customers/" + CUSTOMER + "/portal-sessions", null, paddle.apiKey(),
                    "{\"subscription_ids\":[\"" + SUB + "\"]}");
            paddle.serve(session);
            HostExchange page = new HostExchange(HOST, "GET", "/subscriptions", "customer_id=" + CUSTOMER, paddle.apiKey(), "");
            paddle.serve(page);

            assertThat(session.status).isEqualTo(201);
            assertThat(session.answerHeaders).containsEntry("Content-Type", "application/json; charset=utf-8");
            String overview = json(session.answer).getJsonObject("data").getJsonObject("urls").getJsonObject("general").getString("overview");
            assertThat(overview).startsWith("http://localhost:9080/cpl_");
            assertThat(paddle.portalLink(overview)).hasValue(new PaddleSimulator.PortalLink(CUSTOMER, "overview", null));
            assertThat(page.status).isEqualTo(200);
            assertThat(json(page.answer).getJsonObject("meta").getJsonObject("pagination").getString("next"))
                    .startsWith("http://localhost:9080/simulator/subscriptions?");
            assertThat(paddle.requests()).extracting(RecordedRequest::path).containsExactly("/customers/" + CUSTOMER + "/portal-sessions", "/subscriptions");
            paddle.serve(new HostExchange(HOST, "GET", "/favicon.ico", null, paddle.apiKey(), ""));
            assertThat(paddle.apiCalls()).extracting(RecordedRequest::path).containsExactly("/customers/" + CUSTOMER + "/portal-sessions",
                    "/subscriptions");
            assertThat(paddle.requests()).hasSize(3);
        }
    }

    @Test
    void quantityIsSeededFromJavaAndJsonAndListed() throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.builder().embedded().start()) {
            paddle.subscription(CUSTOMER, SUB).quantity(10);
            paddle.seed("{\"customers\": [{\"id\": \"" + CUSTOMER + "\", \"subscriptions\": [{\"id\": \"sub_01h04vsc0qhwtsbsxh3422wjs5\", \"quantity\": 3}]}]}");
            HostExchange page = new HostExchange(HOST, "GET", "/subscriptions", "customer_id=" + CUSTOMER, paddle.apiKey(), "");
            paddle.serve(page);

            assertThat(json(page.answer).getJsonArray("data").getValuesAs(JsonObject.class))
                    .extracting(subscription -> subscription.getJsonArray("items").getJsonObject(0).getInt("quantity")).containsExactly(10, 3);
            assertThatThrownBy(() -> paddle.seed("{\"customers\": [{\"id\": \"" + CUSTOMER + "\", \"subscriptions\": [{\"id\": \"" + SUB
                    + "\", \"quantity\": 0}]}]}")).hasMessageContaining("customers[0].subscriptions[0].quantity");
        }
    }

    @Test
    void anEmbeddedSimulatorRefusesWhatOnlyItsOwnServerCouldDo() {
        try (PaddleSimulator paddle = PaddleSimulator.builder().embedded().start()) {
            assertThatThrownBy(paddle::origin).isInstanceOf(IllegalStateException.class).hasMessageContaining("host");
            assertThatThrownBy(() -> paddle.nextCalls(1, Fault.hang())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("own server");
            assertThatThrownBy(() -> paddle.always(Fault.closeDuringAnswer())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> paddle.nextCalls(1, Fault.resetConnection())).isInstanceOf(IllegalStateException.class);
            paddle.always(Fault.rateLimited(Duration.ofSeconds(30)));

            HostExchange refused = new HostExchange(HOST, "GET", "/subscriptions", null, paddle.apiKey(), "");
            paddle.serve(refused);
            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.answerHeaders).containsEntry("Retry-After", "30");
        } catch (IOException unexpected) {
            throw new AssertionError(unexpected);
        }
        assertThatThrownBy(() -> PaddleSimulator.builder().embedded().https().start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTPS");
    }

    private static JsonObject json(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
