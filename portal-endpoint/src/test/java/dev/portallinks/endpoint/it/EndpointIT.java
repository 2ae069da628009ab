package dev.portallinks.endpoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.it.TestServer;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the endpoint's integration tests: the test WAR on the test server chosen by the build (Arquillian, client mode),
 * the real PortalLinkService in it, the Paddle simulator (portal-test) on 127.0.0.1 at the port the server was given, and
 * a browser-like client: its own cookies (so its own HTTP session, i.e. its own login), and the headers a browser sets.
 */
@ExtendWith(ArquillianExtension.class)
abstract class EndpointIT {

    /** The customer the tests sign in, unless a test signs in another. */
    static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    /** Paddle, one simulator per test class; before each test it forgets everything and knows {@link #CUSTOMER} only. */
    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(EndpointDeployments.PADDLE_PORT).apiKey(EndpointDeployments.API_KEY)).resetBeforeEachKnowing(CUSTOMER);

    private static final Pattern TOKEN = Pattern.compile("token=([^&\"]+)");

    @ArquillianResource
    URL deploymentUrl;

    /** A fresh browser per test: no cookies, so nobody signed in. */
    HttpClient browser;

    @BeforeAll
    static void paddleIsWhereTheDeploymentsLookForIt() {
        // The deployments were built before it started: they must name the very origin it hands out links on.
        assertThat(paddle().origin()).isEqualTo(EndpointDeployments.PADDLE_ORIGIN);
    }

    @BeforeEach
    void freshBrowser() {
        browser = newBrowser();
    }

    /** @return the class's Paddle simulator */
    static PaddleSimulator paddle() {
        return PADDLE.simulator();
    }

    /** @return a browser of its own: its own cookies, so its own HTTP session, nobody signed in */
    static HttpClient newBrowser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager()).build();
    }

    /**
     * A valid Paddle subscription ID, distinct per index.
     *
     * @param index 0 to 99
     * @return the ID
     */
    static String subscription(int index) {
        return String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", index);
    }

    /** @return the deployment's base URL, on 127.0.0.1, ending with '/' */
    String base() {
        String url = TestServer.onLoopback(deploymentUrl).toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /** @return the origin a page of this application has, e.g. {@code http://127.0.0.1:9080} */
    String ownOrigin() {
        URI base = URI.create(base());
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    /**
     * Signs this test's browser in (the test application's login), as the customer with these subscriptions, which Paddle
     * then knows as the customer's.
     *
     * @param customer the customer
     * @param subscriptions the subscriptions the user may manage
     */
    void signIn(String customer, String... subscriptions) {
        paddle().customer(customer);
        StringBuilder query = new StringBuilder("customer=").append(customer);
        for (String id : subscriptions) {
            paddle().subscription(customer, id);
            query.append("&subscription=").append(URLEncoder.encode(id, StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + "test-api/sign-in?" + query)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.statusCode()).as("sign-in").isEqualTo(204);
    }

    /**
     * POSTs to the endpoint as a page of this application does: {@code Sec-Fetch-Site: same-origin} and its own {@code Origin}.
     *
     * @param path the path below the deployment, e.g. {@code portal/overview}
     * @param extraHeaders more headers, name and value alternating
     * @return the answer
     */
    HttpResponse<String> postFromOwnPage(String path, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of("Sec-Fetch-Site", "same-origin", "Origin", ownOrigin()));
        headers.addAll(List.of(extraHeaders));
        return request("POST", path, headers.toArray(String[]::new));
    }

    /**
     * Sends a request to this deployment with exactly these headers.
     *
     * @param method the method
     * @param path the path below the deployment
     * @param headers name and value alternating
     * @return the answer
     */
    HttpResponse<String> request(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Forgets the audit events the test application observed so far. */
    void clearAudit() {
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "test-api/audit/clear")).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(204);
    }

    /**
     * Waits for the asynchronous observer, then returns the audit events: each must have come exactly once to each observer.
     *
     * @param events how many events the request(s) fired
     * @return the synchronous observer's lines
     */
    List<String> auditEvents(int events) {
        await().atMost(Duration.ofSeconds(10)).until(() -> auditLines().stream().filter(line -> line.startsWith("async ")).count(), count -> count >= events);
        List<String> lines = auditLines();
        assertThat(lines).hasSize(2 * events).noneMatch(line -> line.contains("pga_") || line.contains("token") || line.contains("http"));
        List<String> sync = lines.stream().filter(line -> line.startsWith("sync ")).map(line -> line.substring("sync ".length())).toList();
        List<String> async = lines.stream().filter(line -> line.startsWith("async ")).map(line -> line.substring("async ".length())).toList();
        assertThat(async).containsExactlyInAnyOrderElementsOf(sync);
        return sync;
    }

    private List<String> auditLines() {
        String body = send(HttpRequest.newBuilder(URI.create(base() + "test-api/audit")).GET()).body();
        return body.isEmpty() ? List.of() : body.lines().toList();
    }

    /**
     * Asserts every answer of the endpoint's protective headers.
     *
     * @param answer the answer
     */
    static void assertProtective(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    /**
     * Asserts an answer is problem details of this type and status, with the protective headers and nothing secret.
     *
     * @param answer the answer
     * @param status the status
     * @param type the problem type's last segment
     */
    static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).startsWith("{\"type\":\"https://portallinks.dev/problems/" + type + "\",\"title\":\"").contains("\"status\":" + status)
                .contains("\"detail\":\"").doesNotContain("token", "pga_", EndpointDeployments.API_KEY, "Exception", "\tat ");
        assertProtective(answer);
    }

    /**
     * Asserts nothing of the endpoint answers at a path: a GET is the server's own 404 (the endpoint would answer its 405
     * problem), and a POST gets neither a link nor a problem of the endpoint's (the server's default servlet answers it:
     * 404, or 405 on WildFly) and never reaches Paddle.
     *
     * @param path the path below the deployment
     */
    void assertNoEndpointAt(String path) {
        assertThat(request("GET", path, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(404);
        HttpResponse<String> post = postFromOwnPage(path, "Accept", "application/json");
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(post.headers().firstValue("Location")).isEmpty();
        assertThat(post.body()).doesNotContain("portallinks.dev/problems", "\"url\"");
        assertThat(paddle().requests()).isEmpty();
    }

    /**
     * The sign-in token of a link the endpoint handed out.
     *
     * @param link the link
     * @return its token
     */
    static String token(String link) {
        Matcher token = TOKEN.matcher(link);
        assertThat(token.find()).as("a token in " + link).isTrue();
        return token.group(1);
    }
}
