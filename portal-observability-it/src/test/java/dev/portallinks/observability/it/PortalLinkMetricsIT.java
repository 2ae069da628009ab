package dev.portallinks.observability.it;

import static dev.portallinks.observability.it.ObservedServer.API_KEY;
import static dev.portallinks.observability.it.ObservedServer.CUSTOMER;
import static dev.portallinks.observability.it.ObservedServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The library's metrics on {@code /metrics} (application scope) follow the links handed out and refused and the Paddle
 * calls: counters by action, entry point and fallback, refusals by reason, the call timer by operation and outcome,
 * the rate-limit window's seconds; beside Fault Tolerance's own. None of them names a customer, a key or a token.
 * Skipped on a server without MicroProfile Metrics ({@code obs.limitation.no-metrics} says why).
 */
@DisabledIfSystemProperty(named = "obs.limitation.no-metrics", matches = ".+", disabledReason = "the server has no MicroProfile Metrics")
class PortalLinkMetricsIT extends ObservedIT {

    private static final String ISSUED = "portallinks_links_issued_total";
    private static final String REFUSED = "portallinks_links_refused_total";
    /** The call timer as the server's Prometheus output names it: {@code portallinks_paddle_calls_seconds} on Liberty, without the unit on Payara. */
    private static final String TIMER = System.getProperty("obs.metrics.timer");
    private static final String CALLS = TIMER + "_count";
    private static final String CALLS_SECONDS = TIMER + "_sum";
    private static final String WINDOW = "portallinks_paddle_rate_limit_remaining_seconds";

    @Test
    void aLinkCountsAsIssuedByActionAndItsCallIsTimed() {
        PrometheusText before = PrometheusText.scrape();

        call("POST", "link", "action", "overview", "customer", CUSTOMER);

        PrometheusText after = PrometheusText.scrape();
        assertThat(after.value(ISSUED, "action", "overview", "entry_point", "service", "fallback", "false"))
                .isEqualTo(before.value(ISSUED, "action", "overview", "entry_point", "service", "fallback", "false") + 1);
        assertThat(after.value(CALLS, "operation", "createPortalSession", "outcome", "succeeded"))
                .isEqualTo(before.value(CALLS, "operation", "createPortalSession", "outcome", "succeeded") + 1);
        assertThat(after.value(ISSUED, "action", "overview", "entry_point", "service", "fallback", "true"))
                .isEqualTo(before.value(ISSUED, "action", "overview", "entry_point", "service", "fallback", "true"));
        assertThat(after.value(CALLS_SECONDS, "operation", "createPortalSession", "outcome", "succeeded"))
                .isGreaterThan(before.value(CALLS_SECONDS, "operation", "createPortalSession", "outcome", "succeeded"));
    }

    @Test
    void theFallbackUrlCountsAsIssuedWithFallbackAndTheCallAsFailed() {
        paddle().always(Fault.serverError(503));
        PrometheusText before = PrometheusText.scrape();

        String link = call("POST", "link", "action", "overview", "customer", CUSTOMER).answer().getString("link");

        PrometheusText after = PrometheusText.scrape();
        assertThat(link).startsWith("https://customer-portal.paddle.com/cpl_");
        assertThat(after.value(ISSUED, "action", "overview", "entry_point", "service", "fallback", "true"))
                .isEqualTo(before.value(ISSUED, "action", "overview", "entry_point", "service", "fallback", "true") + 1);
        assertThat(after.value(CALLS, "operation", "createPortalSession", "outcome", "server_error"))
                .isEqualTo(before.value(CALLS, "operation", "createPortalSession", "outcome", "server_error") + 1);
    }

    @Test
    void aRefusalCountsByItsReason() {
        paddle().withoutPermission(PaddleSimulator.PORTAL_SESSION_WRITE);
        PrometheusText before = PrometheusText.scrape();

        String error = call("POST", "link", "action", "overview", "customer", CUSTOMER).answer().getString("error");

        PrometheusText after = PrometheusText.scrape();
        assertThat(error).isEqualTo("dev.portallinks.api.PaddleRequestRefusedException");
        assertThat(after.value(REFUSED, "reason", "paddle_refused", "entry_point", "service"))
                .isEqualTo(before.value(REFUSED, "reason", "paddle_refused", "entry_point", "service") + 1);
        assertThat(after.value(CALLS, "operation", "createPortalSession", "outcome", "refused"))
                .isEqualTo(before.value(CALLS, "operation", "createPortalSession", "outcome", "refused") + 1);
    }

    @Test
    void theRateLimitWindowIsAGaugeOfSecondsLeft() {
        assertThat(PrometheusText.scrape().value(WINDOW)).isZero();
        paddle().nextCalls(1, Fault.rateLimited(Duration.ofSeconds(3)));

        call("POST", "session", "customer", CUSTOMER);

        assertThat(PrometheusText.scrape().value(WINDOW)).isGreaterThan(0).isLessThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusText.scrape().value(WINDOW) == 0);
    }

    @Test
    void faultTolerancesOwnMetricsAreThereTooAndNoMetricNamesASecretOrACustomer() {
        call("POST", "link", "action", "overview", "customer", CUSTOMER);

        String text = PrometheusText.scrapeAll().text();

        assertThat(text).contains("ft_invocations_total", "method=\"dev.portallinks.impl.PaddleGateway.createPortalSession\"", ISSUED, CALLS, WINDOW);
        assertThat(text).doesNotContain(API_KEY, "pga_", "token", CUSTOMER, "sub_");
    }
}
