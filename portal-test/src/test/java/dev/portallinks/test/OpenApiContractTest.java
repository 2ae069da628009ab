package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// Every answer the simulator sends (and every request body it accepts) checked against Paddle's OpenAPI description:
// the 201 and 200 schemas of the two operations and the error schema of their "default" answers.
class OpenApiContractTest {

    private static final String SESSIONS = "/customers/{customer_id}/portal-sessions";
    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final OpenApiDescription PADDLE_API = OpenApiDescription.paddle();

    @RegisterExtension
    static final PaddleSimulatorExtension EXTENSION = new PaddleSimulatorExtension(PaddleSimulator.builder().maxPerPage(3));

    private final HttpClient http = HttpClient.newHttpClient();
    private PaddleSimulator paddle;

    @BeforeEach
    void seed(PaddleSimulator simulator) {
        paddle = simulator;
        paddle.reset();
        IntStream.range(0, 26).forEach(i -> paddle.subscription(CUSTOMER, subscription(i)));
        paddle.subscription(CUSTOMER, subscription(1)).status("past_due").scheduledChange("cancel", Instant.parse("2030-03-15T00:00:00Z"));
        paddle.subscription(CUSTOMER, subscription(2)).status("canceled").nextBilledAt(null);
        paddle.subscription(CUSTOMER, subscription(3)).status("paused").scheduledChange("resume", Instant.parse("2030-04-01T00:00:00Z"));
    }

    private static String subscription(int i) {
        return String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", i);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + paddle.apiKey()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String body(int subscriptions) {
        return "{\"subscription_ids\":[" + IntStream.range(0, subscriptions).mapToObj(i -> "\"" + subscription(i) + "\"")
                .collect(Collectors.joining(",")) + "]}";
    }

    private static void assertMatches(HttpResponse<String> answer, String path, String method) {
        Map<String, Object> schema = PADDLE_API.answer(path, method, answer.statusCode());
        assertThat(PADDLE_API.problems(answer.body(), schema)).as("%s %s answered %d: %s", method, path, answer.statusCode(), answer.body()).isEmpty();
    }

    @Test
    void portalSessionsMatchTheCreatedSchema() throws Exception {
        for (int subscriptions : new int[] {0, 1, 25}) {
            assertThat(PADDLE_API.problems(body(subscriptions), PADDLE_API.request(SESSIONS, "post"))).as("request body").isEmpty();
            HttpResponse<String> answer = post(body(subscriptions));

            assertThat(answer.statusCode()).isEqualTo(201);
            assertMatches(answer, SESSIONS, "post");
        }
    }

    @Test
    void everyPageOfTheListingMatchesTheListSchema() throws Exception {
        String next = paddle.origin() + "/subscriptions?customer_id=" + CUSTOMER;
        int pages = 0;
        boolean more = true;
        while (more && pages < 20) {
            HttpResponse<String> answer = get(next);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertMatches(answer, "/subscriptions", "get");
            next = answer.body().replaceAll(".*\"next\":\"([^\"]*)\".*", "$1");
            more = answer.body().contains("\"has_more\":true");
            pages++;
        }
        assertThat(pages).isEqualTo(9);
    }

    @Test
    void errorsMatchTheErrorSchema() throws Exception {
        paddle.nextCalls(1, Fault.serverError(503)).nextCalls(1, Fault.rateLimited(Duration.ofSeconds(30)));
        List<HttpResponse<String>> errors = List.of(post("{}"), post("{}"), post(body(26)), post("{\"subscription_ids\":[\"sub_1\",\"sub_1\"]}"),
                get(paddle.origin() + "/subscriptions?status=gone"), http.send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/subscriptions")).build(),
                        HttpResponse.BodyHandlers.ofString()));
        paddle.withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);
        HttpResponse<String> forbidden = post("{}");

        assertThat(errors).extracting(HttpResponse::statusCode).containsExactly(503, 429, 400, 400, 400, 403);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        for (HttpResponse<String> error : errors) {
            assertMatches(error, SESSIONS, "post");
        }
        assertMatches(forbidden, SESSIONS, "post");
    }

    @Test
    void theCheckFindsWhatIsWrong() {
        Map<String, Object> created = PADDLE_API.answer(SESSIONS, "post", 201);
        String wrong = "{\"data\":{\"id\":\"cpls_x\",\"customer_id\":\"" + CUSTOMER + "\",\"urls\":{\"general\":{}},\"created_at\":\"yesterday\"},\"meta\":{}}";

        List<String> problems = PADDLE_API.problems(wrong, created);

        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("$.data.id:"))
                .anySatisfy(problem -> assertThat(problem).startsWith("$.data.created_at:"))
                .anySatisfy(problem -> assertThat(problem).contains("required"));
    }
}
