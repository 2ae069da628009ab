package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.PaddleSimulator.PortalLink;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The per-customer link limit set to 5 ({@code paddle.portal.links-per-customer-per-minute}; the Faces tests cover the
 * default, 20, and 0): a customer asking faster gets {@code CustomerLinkLimitException} without a request to Paddle,
 * other customers are served, the link helpers do not fall back for it, and the server log gets one WARNING.
 * Each test uses its own customers: the limit outlives a test.
 */
class CustomerLinkLimitIT extends SimulatedPaddleIT {

    private static final int LIMIT = 5;
    private static final String LIMIT_EXCEPTION = "dev.portallinks.api.CustomerLinkLimitException";
    private static final String FALLBACK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("customer-link-limit", "paddle.portal.links-per-customer-per-minute=" + LIMIT,
                "paddle.portal.fallback-url=" + FALLBACK);
    }

    private static void paddleKnows(String... customers) {
        for (String customer : customers) {
            paddle().customer(customer);
        }
    }

    private List<JsonObject> sessions(String customer, int count) {
        List<JsonObject> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(probe().post("session", query("customer", customer)));
        }
        return answers;
    }

    @Test
    void aCustomerAskingFasterThanTheLimitIsRefusedWithoutACallToPaddle() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a62n1";
        paddleKnows(customer);
        Instant before = Instant.now();

        List<JsonObject> answers = sessions(customer, 12);

        assertThat(answers.subList(0, LIMIT)).allSatisfy(answer -> assertThat(issued(answer, "overview"))
                .isEqualTo(new PortalLink(customer, "overview", null)));
        assertThat(answers.subList(LIMIT, 12)).allSatisfy(answer -> {
            assertThat(answer.getString("error")).isEqualTo(LIMIT_EXCEPTION);
            assertThat(answer.getString("customer")).isEqualTo(customer);
            assertThat(answer.getInt("limitPerMinute")).isEqualTo(LIMIT);
            assertThat(answer.getInt("retryAfterSeconds")).isBetween(30, 60);
            assertThat(Instant.parse(answer.getString("retryAt"))).isAfter(before.plusSeconds(59)).isBefore(Instant.now().plusSeconds(61));
            assertThat(answer.getString("message")).contains("no request was sent to Paddle", "paddle.portal.links-per-customer-per-minute");
        });
        assertThat(sessionRequests(customer)).hasSize(LIMIT);
        assertThat(paddle().portalSessionsCreated(customer)).isEqualTo(LIMIT);
    }

    @Test
    void anotherCustomerIsServedWhileOneIsRefused() {
        String fast = "ctm_01hv8x29kz0t586xy6zn1a62n2";
        String other = "ctm_01hv8x29kz0t586xy6zn1a62n3";
        paddleKnows(fast, other);
        sessions(fast, LIMIT + 3);

        JsonObject answer = probe().post("session", query("customer", other));

        assertThat(issued(answer, "overview")).isEqualTo(new PortalLink(other, "overview", null));
        assertThat(sessionRequests(other)).hasSize(1);
    }

    @Test
    void theLinkHelpersDoNotSendARefusedCustomerToTheFallback() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a62n4";
        paddleKnows(customer);
        sessions(customer, LIMIT);

        JsonObject link = probe().post("link", query("action", "overview", "customer", customer));

        assertThat(link.getString("error")).as(link.toString()).isEqualTo(LIMIT_EXCEPTION);
    }

    @Test
    void aRefusalSpellIsOneWarningInTheServerLog() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a62n5";
        paddleKnows(customer);
        TestServer.LogMark mark = TestServer.logMark();

        sessions(customer, LIMIT + 30);

        assertThat(mark.linesSince(customer + " asked for more than " + LIMIT + " portal links within a minute",
                "Further refusals for this customer are logged at FINE")).as(mark.textSince()).isEqualTo(1);
        assertThat(sessionRequests()).hasSize(LIMIT);
    }
}
