package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

// resetBeforeEachKnowing: whatever a test leaves behind (customers, subscriptions, missing permissions, faults, requests,
// links), the next one finds a simulator that knows the named customers only; the builder function gets the test class.
// The tests run in order: the second leaves things behind, the third looks for them.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaddleSimulatorExtensionTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String OTHER_CUSTOMER = "ctm_01h8441jn5pcwrfhwh78jqt8hk";
    private static final String SEEDED_BY_A_TEST = "ctm_01hv6y1jedq4p1n0yqn5ba3ky4";
    private static final String SUB = "sub_01h04vsc0qhwtsbsxh3422wjs4";

    private static Class<?> builtFor;
    private static String linkOfAnEarlierTest;

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(testClass -> {
        builtFor = testClass;
        return PaddleSimulator.builder();
    }).resetBeforeEachKnowing(CUSTOMER, OTHER_CUSTOMER);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(PaddleSimulator paddle, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + paddle.apiKey()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> createSession(PaddleSimulator paddle, String customer) throws IOException, InterruptedException {
        return send(paddle, HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + customer + "/portal-sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static String overviewLink(String sessionBody) {
        try (JsonReader reader = Json.createReader(new StringReader(sessionBody))) {
            return reader.readObject().getJsonObject("data").getJsonObject("urls").getJsonObject("general").getString("overview");
        }
    }

    private int listingStatus(PaddleSimulator paddle, String customer) throws IOException, InterruptedException {
        return send(paddle, HttpRequest.newBuilder(paddle.baseUrl().resolve("/subscriptions?customer_id=" + customer))).statusCode();
    }

    @Test
    @Order(1)
    void theBuilderFunctionGetsTheTestClass() {
        assertThat(builtFor).isEqualTo(PaddleSimulatorExtensionTest.class);
    }

    @Test
    @Order(2)
    void aTestLeavesDataFaultsRequestsAndLinksBehind(PaddleSimulator paddle) throws Exception {
        paddle.subscription(SEEDED_BY_A_TEST, SUB);
        HttpResponse<String> created = createSession(paddle, SEEDED_BY_A_TEST);
        linkOfAnEarlierTest = overviewLink(created.body());
        paddle.withoutPermission(PaddleSimulator.SUBSCRIPTION_READ).always(Fault.serverError(503));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(paddle.portalLink(linkOfAnEarlierTest)).isPresent();
        assertThat(createSession(paddle, CUSTOMER).statusCode()).isEqualTo(503);
        assertThat(paddle.requests()).hasSize(2);
    }

    @Test
    @Order(3)
    void theNextTestFindsTheNamedCustomersOnly(PaddleSimulator paddle) throws Exception {
        assertThat(paddle.requests()).isEmpty();
        assertThat(paddle.portalLink(linkOfAnEarlierTest)).isEmpty();

        assertThat(createSession(paddle, CUSTOMER).statusCode()).isEqualTo(201);
        assertThat(createSession(paddle, OTHER_CUSTOMER).statusCode()).isEqualTo(201);
        assertThat(createSession(paddle, SEEDED_BY_A_TEST).statusCode()).isEqualTo(404);
        assertThat(listingStatus(paddle, CUSTOMER)).isEqualTo(200);
        assertThat(paddle.requests()).hasSize(4);
    }
}
