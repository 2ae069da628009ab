package dev.portallinks.faces.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.portallinks.faces.it.app.Account;
import dev.portallinks.it.PaddleStub;
import dev.portallinks.it.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the component's integration tests: the test WAR on the test server chosen by the build (Arquillian, client mode),
 * the real PortalLinkService in it, the stub Paddle here on 127.0.0.1, and helpers to set the server-side state.
 */
@ExtendWith(ArquillianExtension.class)
abstract class FacesIT {

    /** The customer of every test page. */
    static final String CUSTOMER = Account.CUSTOMER;

    /** The stub Paddle; its stubs and journal are reset before each test. */
    @RegisterExtension
    static final WireMockExtension PADDLE = PaddleStub.extension();

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL deploymentUrl;

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
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }

    /**
     * Asserts a request never reached Paddle and sent the browser nowhere (whatever error page Faces answered).
     *
     * @param response the answer
     */
    static void assertNeverReachedPaddle(HttpResponse<String> response) {
        assertThat(response.statusCode()).isNotEqualTo(303);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
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
     * Replaces the signed-in customer's subscriptions on the server.
     *
     * @param subscriptions the subscriptions
     */
    void subscriptions(List<String> subscriptions) {
        state("subscriptions", subscriptions.stream().map(s -> "subscription=" + s).collect(Collectors.joining("&")));
    }

    /**
     * Sets a subscription's status on the server (and a scheduled cancellation, or null), as Paddle's listing would show.
     *
     * @param subscription the subscription
     * @param status Paddle's status name
     * @param cancelsAt when a scheduled cancellation takes effect, or null for none
     */
    void status(String subscription, String status, String cancelsAt) {
        state("status", "subscription=" + subscription + "&status=" + status + (cancelsAt == null ? "" : "&cancelsAt=" + cancelsAt));
    }

    /**
     * Removes one subscription on the server, as if it had ended since the page was rendered.
     *
     * @param subscription the subscription
     */
    void removeSubscription(String subscription) {
        state("remove", "subscription=" + URLEncoder.encode(subscription, StandardCharsets.UTF_8));
    }

    private void state(String path, String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "api/state/" + path + "?" + query))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new AssertionError("state " + path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Stubs Paddle's answer for a portal session with links for exactly these subscriptions, and the stub portal page.
     *
     * @param subscriptions the subscriptions the session is for
     */
    static void paddleCreates(List<String> subscriptions) {
        paddleCreates(CUSTOMER, subscriptions);
    }

    /**
     * Stubs Paddle's answer for a portal session of this customer with links for exactly these subscriptions, and the
     * stub portal page.
     *
     * @param customer the customer
     * @param subscriptions the subscriptions the session is for
     */
    static void paddleCreates(String customer, List<String> subscriptions) {
        PADDLE.stubFor(post("/customers/" + customer + "/portal-sessions").willReturn(PaddleStub.created(PaddleStub.portalSessionBody(customer,
                subscriptions))));
        stubPortalPage();
    }

    /** Serves a page for every portal link, so the browser has somewhere to land. */
    static void stubPortalPage() {
        PADDLE.stubFor(get(urlPathMatching("/cpl_.*")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><head><title>Stub portal</title></head><body><h1 id=\"portal\">Stub Paddle portal</h1></body></html>")));
    }
}
