package dev.portallinks.endpoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulator.PortalLink;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The endpoint configured: at another path ({@code portal.endpoint.path}), with a fallback URL
 * ({@code paddle.portal.fallback-url}) and a per-customer link limit. The fallback stands in only where the policy says
 * (Paddle unavailable), the limit is a 429 problem with {@code Retry-After} and no call to Paddle.
 */
class ConfiguredEndpointIT extends EndpointIT {

    private static final String PATH = "api/billing/portal-links";
    private static final String FALLBACK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final int LIMIT = 2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return EndpointDeployments.war("configured-endpoint", Map.of("portal.endpoint.path", "/" + PATH + "/", "paddle.portal.fallback-url", FALLBACK,
                "paddle.portal.links-per-customer-per-minute", Integer.toString(LIMIT)));
    }

    @Test
    void theEndpointAnswersAtTheConfiguredPath() {
        signIn(CUSTOMER, subscription(0));
        clearAudit();

        HttpResponse<String> answer = postFromOwnPage(PATH + "/subscriptions/" + subscription(0) + "/cancel");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertProtective(answer);
        assertThat(paddle().portalLink(answer.headers().firstValue("Location").orElseThrow()))
                .hasValue(new PortalLink(CUSTOMER, "cancel_subscription", subscription(0)));
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkIssued[", "entryPoint=ENDPOINT");
    }

    @Test
    void theDefaultPathIsNotTheEndpoint() {
        signIn(CUSTOMER);
        paddle().clearFaultsAndRequests();

        assertNoEndpointAt("portal/overview");
    }

    @Test
    void anUnavailablePaddleSendsTheCustomerToTheFallback() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a6201";
        signIn(customer);
        clearAudit();
        paddle().always(Fault.serverError(503));

        HttpResponse<String> redirected = postFromOwnPage(PATH + "/overview");
        HttpResponse<String> asJson = postFromOwnPage(PATH + "/overview", "Accept", "application/json");

        assertThat(redirected.statusCode()).isEqualTo(303);
        assertThat(redirected.headers().firstValue("Location")).hasValue(FALLBACK);
        assertProtective(redirected);
        assertThat(asJson.statusCode()).isEqualTo(200);
        assertThat(asJson.body()).isEqualTo("{\"url\":\"" + FALLBACK + "\"}");
        assertProtective(asJson);
        assertThat(auditEvents(2)).allSatisfy(event -> assertThat(event).contains("PortalLinkIssued[", "customer=" + customer, "action=OVERVIEW",
                "sessionId=null", "fallback=true", "entryPoint=ENDPOINT"));
    }

    @Test
    void aRefusalByPaddleGetsItsProblemNotTheFallback() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a6202";
        signIn(customer);
        clearAudit();
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);

        assertProblem(postFromOwnPage(PATH + "/overview"), 502, "paddle-refused");
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkRefused[", "reason=PADDLE_REFUSED");
    }

    @Test
    void aCustomerOverTheLimitGetsAProblemWithRetryAfterAndNoCallToPaddle() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a6203";
        signIn(customer);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(postFromOwnPage(PATH + "/overview").statusCode()).isEqualTo(303);
        }
        paddle().clearFaultsAndRequests();
        clearAudit();

        HttpResponse<String> answer = postFromOwnPage(PATH + "/overview");

        assertProblem(answer, 429, "customer-limit");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(answer.body()).contains("\"retryAfter\":" + retryAfter);
        assertThat(paddle().requests()).isEmpty();
        assertThat(auditEvents(1)).singleElement().asString().contains("PortalLinkRefused[", "customer=" + customer, "reason=CUSTOMER_LIMIT");
    }
}
