package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.faces.it.app.Account;
import dev.portallinks.it.TestServer;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import dev.portallinks.test.RecordedRequest;
import dev.portallinks.test.SimulatedSubscription;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the component's integration tests: the test WAR on the test server chosen by the build (Arquillian, client mode),
 * the real PortalLinkService in it, the Paddle simulator (portal-test) here on 127.0.0.1 at the port the server was
 * given, and helpers to set the server-side state and the simulator's data together.
 */
@ExtendWith(ArquillianExtension.class)
abstract class FacesIT {

    /** The customer of every test page. */
    static final String CUSTOMER = Account.CUSTOMER;

    /**
     * Paddle, one simulator per test class (started before the first test calls the server, closed after the last);
     * before each test it forgets everything and knows {@link #CUSTOMER} only.
     */
    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(FacesDeployments.PADDLE_PORT).apiKey(FacesDeployments.API_KEY)).resetBeforeEachKnowing(CUSTOMER);

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL deploymentUrl;

    @BeforeAll
    static void paddleIsWhereTheDeploymentsLookForIt() {
        // The deployments were built before it started: they must name the very origin it hands out links on.
        assertThat(paddle().origin()).isEqualTo(FacesDeployments.PADDLE_ORIGIN);
    }

    /** @return the class's Paddle simulator */
    static PaddleSimulator paddle() {
        return PADDLE.simulator();
    }

    /**
     * A valid Paddle subscription ID, distinct per index.
     *
     * @param index 0 to 99
     * @return the ID
     */
    static String subscription(int index) {
        if (index < 0 || index > 99) {
            throw new IllegalArgumentException("index must be 0 to 99, not " + index);
        }
        return String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", index);
    }

    /** @return the deployment's base URL, ending with '/' */
    String base() {
        String url = TestServer.onLoopback(deploymentUrl).toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * Asserts a click was refused: the page again with the "no longer available" message, no redirect, no token, no
     * call to Paddle.
     *
     * @param response the answer to the click
     */
    static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("no longer available").doesNotContain("token=");
        assertThat(paddle().apiCalls()).isEmpty();
    }

    /**
     * Asserts a request never reached Paddle and sent the browser nowhere (whatever error page Faces answered).
     *
     * @param response the answer
     */
    static void assertNeverReachedPaddle(HttpResponse<String> response) {
        assertThat(response.statusCode()).isNotEqualTo(303);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(paddle().apiCalls()).isEmpty();
    }

    /**
     * The requests for a portal session of this customer that reached Paddle, answered or not.
     *
     * @param customer the customer
     * @return the requests, oldest first
     */
    static List<RecordedRequest> portalSessionRequests(String customer) {
        return paddle().requests().stream().filter(RecordedRequest::isPortalSession)
                .filter(request -> request.path().equals("/customers/" + customer + "/portal-sessions")).toList();
    }

    /**
     * Asserts Paddle was asked exactly {@code times} times for a portal session of this customer, each time with the
     * body {@code {"subscription_ids": [...]}} naming exactly these subscriptions in this order, and created every one
     * of them (so each carried the deployment's API key: the simulator refuses any other).
     *
     * @param times how many sessions
     * @param customer the customer
     * @param subscriptions the subscriptions of each session; none for the overview
     */
    static void assertPortalSessions(int times, String customer, String... subscriptions) {
        JsonObject expected = Json.createObjectBuilder().add("subscription_ids", Json.createArrayBuilder(List.of(subscriptions))).build();
        assertThat(portalSessionRequests(customer)).hasSize(times).allSatisfy(request -> assertThat(json(request.body())).isEqualTo(expected));
        assertThat(paddle().portalSessionsCreated(customer, subscriptions)).isEqualTo(times);
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * Asserts a link is one the simulator issued for {@link #CUSTOMER} in Paddle's form, opening this action (and
     * subscription).
     *
     * @param link e.g. the redirect's {@code Location}, or where the browser landed
     * @param action Paddle's action name
     * @param subscription the subscription, or null for the overview
     */
    static void assertOpensPortal(String link, String action, String subscription) {
        assertThat(link).matches(Pattern.quote(paddle().origin()) + "/cpl_[a-z0-9]{26}\\?action=" + action
                + (subscription == null ? "" : "&subscription_id=" + subscription) + "&token=[A-Za-z0-9_-]+");
        assertThat(paddle().portalLink(link)).hasValue(new PaddleSimulator.PortalLink(CUSTOMER, action, subscription));
    }

    /**
     * GETs a page of this deployment, as a browser would on its first visit.
     *
     * @param page the page, relative to the deployment
     * @return the answer
     */
    HttpResponse<String> getPage(String page) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + page)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Replaces {@link #CUSTOMER}'s subscriptions on the server, and makes them known to Paddle as this customer's
     * (active ones; the simulator only ever adds, until the next test).
     *
     * @param subscriptions the subscriptions
     */
    void subscriptions(List<String> subscriptions) {
        subscriptions.forEach(id -> paddle().subscription(CUSTOMER, id));
        state("subscriptions", subscriptions.stream().map(s -> "subscription=" + s).collect(Collectors.joining("&")));
    }

    /**
     * Sets a subscription's status on the server (and a scheduled cancellation, or null), as Paddle's listing would show,
     * and the same at Paddle.
     *
     * @param subscription the subscription
     * @param status Paddle's status name
     * @param cancelsAt when a scheduled cancellation takes effect, or null for none
     */
    void status(String subscription, String status, String cancelsAt) {
        SimulatedSubscription atPaddle = paddle().subscription(CUSTOMER, subscription).status(status);
        if (cancelsAt != null) {
            atPaddle.scheduledChange("cancel", Instant.parse(cancelsAt));
        }
        state("status", "subscription=" + subscription + "&status=" + status + (cancelsAt == null ? "" : "&cancelsAt=" + cancelsAt));
    }

    /**
     * Removes one subscription on the server, as if it had ended since the page was rendered: Paddle has it as canceled.
     *
     * @param subscription the subscription
     */
    void removeSubscription(String subscription) {
        paddle().subscription(CUSTOMER, subscription).status("canceled");
        state("remove", "subscription=" + URLEncoder.encode(subscription, StandardCharsets.UTF_8));
    }

    /**
     * Changes the server-side state through the test application's {@code api/state} resource.
     *
     * @param path the resource path below {@code api/state/}
     * @param query the query string, possibly empty
     */
    void state(String path, String query) {
        post("api/state/" + path + "?" + query);
    }

    /**
     * POSTs nothing to the test application, which must answer 204.
     *
     * @param path the path and query below the deployment, e.g. {@code api/audit/clear}
     */
    void post(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
