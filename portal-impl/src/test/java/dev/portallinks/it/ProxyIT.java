package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.portallinks.it.PaddleStub.CUSTOMER;
import static dev.portallinks.it.PaddleStub.created;
import static dev.portallinks.it.PaddleStub.json;
import static dev.portallinks.it.PaddleStub.link;
import static dev.portallinks.it.PaddleStub.portalSessionBody;
import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A corporate HTTP proxy, configured with the standard {@code paddle-api/mp-rest/proxyAddress} key: a forwarding
 * proxy on loopback (WireMock) sees every request on its way to the stub Paddle, the library works through it and
 * still never logs the key; a proxy that wants credentials (407) is named as the proxy, not blamed on Paddle, and
 * not retried.
 */
class ProxyIT extends WireMockPaddleIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    /** The proxy: forwards every request it is sent to the host in its absolute URL, and keeps a journal. */
    @RegisterExtension
    static final WireMockExtension PROXY = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").port(Integer.getInteger("it.proxy.port")).enableBrowserProxying(true)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("proxy", "paddle-api/mp-rest/proxyAddress=127.0.0.1:" + Integer.getInteger("it.proxy.port"),
                "dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold=1000");
    }

    @Test
    void everyRequestGoesThroughTheProxyAndTheCallsWork() {
        PADDLE.stubFor(post(SESSIONS).willReturn(created(portalSessionBody(CUSTOMER, List.of()))));
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(json(200, SubscriptionPages.page(CUSTOMER, List.of(0, 1), null))));

        JsonObject session = probe().post("session", query("customer", CUSTOMER));
        JsonObject listing = probe().get("subscriptions", query("customer", CUSTOMER));

        assertThat(session.getString("overview", "")).as(session.toString()).isEqualTo(link("overview", null));
        assertThat(listing.getJsonArray("subscriptions")).as(listing.toString()).hasSize(2);
        List<String> proxied = PROXY.getAllServeEvents().stream().map(ServeEvent::getRequest).map(request -> request.getMethod() + " "
                + request.getAbsoluteUrl()).toList();
        assertThat(proxied).hasSize(2).anySatisfy(line -> assertThat(line).startsWith("POST " + PaddleStub.origin() + SESSIONS))
                .anySatisfy(line -> assertThat(line).startsWith("GET " + PaddleStub.origin() + "/subscriptions?"));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
        PADDLE.verify(1, getRequestedFor(urlPathEqualTo("/subscriptions")));
        assertThat(TestServer.logText()).doesNotContain(Deployments.API_KEY, "ItSecretKeyValue");
    }

    @Test
    void aProxyAskingForCredentialsIsNamedAndNotRetried() {
        PROXY.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"corporate\"")));

        JsonObject error = probe().post("session", query("customer", CUSTOMER));

        assertThat(error.getString("error")).as(error.toString()).isEqualTo("dev.portallinks.api.PaddleUnavailableException");
        assertThat(error.getString("reason")).isEqualTo("PROXY_FAILURE");
        assertThat(error.getInt("httpStatus")).isEqualTo(407);
        assertThat(error.getInt("attempts")).isEqualTo(1);
        assertThat(error.getString("message")).contains("HTTP proxy", "paddle-api/mp-rest/proxyAddress").doesNotContain("Try again later");
        assertThat(PROXY.getAllServeEvents()).hasSize(1);
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }
}
