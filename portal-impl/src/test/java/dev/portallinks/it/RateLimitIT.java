package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.fixture;
import static dev.portallinks.it.PaddleStub.json;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A 429 opens a window in which no request reaches Paddle: calls fail fast with the rate-limited exception, or
 * the link helpers answer with the configured fallback URL. Once the window ends, calls go through again. The fallback
 * stands in only where PortalLinkException#fallbackApplies says so: a refused request is thrown, fallback or not.
 */
class RateLimitIT extends PortalLinksIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";
    private static final String FALLBACK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("rate-limit", "paddle.portal.fallback-url=" + FALLBACK);
    }

    @Test
    void noCallReachesPaddleWhileTheRetryAfterWindowIsOpen() {
        String tooManyRequests = fixture("python-sdk__client-test__429_too_many_requests_retry-after-42__extracted.json");
        PADDLE.stubFor(post(SESSIONS).willReturn(json(429, tooManyRequests).withHeader("Retry-After", "3")));
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(json(429, tooManyRequests).withHeader("Retry-After", "3")));
        Instant before = Instant.now();

        JsonObject first = probe().post("session", query("customer", CUSTOMER));
        JsonObject second = probe().post("session", query("customer", CUSTOMER));
        JsonObject listing = probe().get("subscriptions", query("customer", CUSTOMER));
        JsonObject link = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(first.getString("error")).isEqualTo("dev.portallinks.api.PaddleRateLimitedException");
        assertThat(first.getBoolean("answeredByPaddle")).isTrue();
        assertThat(first.getInt("retryAfterSeconds")).isEqualTo(3);
        assertThat(Instant.parse(first.getString("retryAt"))).isAfter(before.plusSeconds(2)).isBefore(before.plusSeconds(10));
        assertThat(first.getString("requestId")).isEqualTo("f00bb3ca-399d-4686-889c-50b028f4c912");
        assertThat(second.getBoolean("answeredByPaddle")).isFalse();
        assertThat(second.getString("message")).contains("no request was sent");
        assertThat(listing.getString("error")).isEqualTo("dev.portallinks.api.PaddleRateLimitedException");
        assertThat(link.getString("link")).isEqualTo(FALLBACK);
        assertThat(PADDLE.getAllServeEvents()).hasSize(1);

        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> probe().post("session", query("customer", CUSTOMER)).containsKey("overview"));
        PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
        assertThat(Instant.now()).isAfter(before.plusSeconds(2));
    }

    @Test
    void aRefusedRequestIsThrownEvenWithAFallbackConfigured() {
        PADDLE.stubFor(post(SESSIONS).willReturn(json(403, "{\"error\":{\"type\":\"request_error\",\"code\":\"forbidden\",\"detail\":"
                + "\"You aren't permitted to perform this request.\"},\"meta\":{\"request_id\":\"r-403\"}}")));

        JsonObject link = probe().post("link", query("action", "overview", "customer", CUSTOMER));

        assertThat(link.containsKey("link")).isFalse();
        assertThat(link.getString("error")).isEqualTo("dev.portallinks.api.PaddleRequestRefusedException");
        assertThat(link.getInt("httpStatus")).isEqualTo(403);
    }
}
