package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// The audit events: valid by construction, serializable, and never holding a link or a token.
class AuditEventsTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01grnn4zta5a1mf02jjze7y2ys");
    private static final SubscriptionId SUB = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final String SESSION = "cpls_01h4ge9r64c22exjsx0fy8b48b";
    private static final String TOKEN = "pga_AuditTokenMustNeverAppear0123";
    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static PortalSession session() {
        SubscriptionLinks links = new SubscriptionLinks(SUB,
                URI.create(PORTAL + "?action=cancel_subscription&subscription_id=" + SUB + "&token=" + TOKEN),
                URI.create(PORTAL + "?action=update_subscription_payment_method&subscription_id=" + SUB + "&token=" + TOKEN));
        return new PortalSession(SESSION, CUSTOMER, URI.create(PORTAL + "?action=overview&token=" + TOKEN), List.of(links), NOW, "req-1");
    }

    @Test
    void anIssuedLinkNamesCustomerPageSessionAndRequestButNeverTheLinkOrToken() throws Exception {
        PortalLinkIssued issued = PortalLinkIssued.of(session(), PortalAction.CANCEL_SUBSCRIPTION, SUB, PortalEntryPoint.FACES, NOW);

        assertThat(issued.customer()).isEqualTo(CUSTOMER);
        assertThat(issued.subscriptionIfAny()).hasValue(SUB);
        assertThat(issued.sessionId()).isEqualTo(SESSION);
        assertThat(issued.paddleRequestId()).isEqualTo("req-1");
        assertThat(issued.fallback()).isFalse();
        assertThat(issued.toString()).contains(CUSTOMER.value(), SUB.value(), SESSION, "FACES").doesNotContain("pga_", "token", "https://");
        assertThat(new String(RoundTrip.serialize(issued), StandardCharsets.ISO_8859_1)).doesNotContain("pga_");
        assertThat(RoundTrip.deserialize(RoundTrip.serialize(issued))).isEqualTo(issued);
    }

    @Test
    void aFallbackSaysSoAndHasNoPaddleSession() {
        PortalLinkIssued fallback = PortalLinkIssued.fallback(CUSTOMER, PortalAction.OVERVIEW, null, PortalEntryPoint.SERVICE, NOW);

        assertThat(fallback.fallback()).isTrue();
        assertThat(fallback.sessionId()).isNull();
        assertThat(fallback.subscriptionIfAny()).isEmpty();
    }

    @Test
    void anIssuedLinkIsValidatedAtConstruction() {
        assertThatThrownBy(() -> PortalLinkIssued.of(session(), PortalAction.OVERVIEW, SUB, PortalEntryPoint.SERVICE, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes no subscription");
        assertThatThrownBy(() -> PortalLinkIssued.fallback(CUSTOMER, PortalAction.CANCEL_SUBSCRIPTION, null, PortalEntryPoint.SERVICE, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a subscription");
        assertThatThrownBy(() -> new PortalLinkIssued(CUSTOMER, PortalAction.OVERVIEW, null, "cpls_x", null, false, PortalEntryPoint.SERVICE, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session's ID");
        assertThatThrownBy(() -> new PortalLinkIssued(CUSTOMER, PortalAction.OVERVIEW, null, SESSION, null, true, PortalEntryPoint.SERVICE, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fallback");
        assertThatThrownBy(() -> PortalLinkIssued.fallback(CUSTOMER, PortalAction.OVERVIEW, null, null, NOW)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("entryPoint");
    }

    @Test
    void aRefusalNamesItsReasonForEveryKindOfFailure() {
        Instant later = NOW.plusSeconds(30);
        assertThat((new CustomerLinkLimitException(CUSTOMER, 20, Duration.ofSeconds(30), later)).refusalReason())
                .isEqualTo(PortalLinkRefused.Reason.CUSTOMER_LIMIT);
        assertThat((new PaddleRateLimitedException(PaddleOperation.CREATE_PORTAL_SESSION, Duration.ofSeconds(30), later,
                true, null)).refusalReason()).isEqualTo(PortalLinkRefused.Reason.PADDLE_RATE_LIMITED);
        assertThat((new PaddleRequestRefusedException(PaddleOperation.CREATE_PORTAL_SESSION, 403, "request_error",
                "forbidden", "no", null, null, List.of())).refusalReason()).isEqualTo(PortalLinkRefused.Reason.PADDLE_REFUSED);
        assertThat((new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION,
                PaddleUnavailableException.Reason.TIMEOUT, 0, 1, null, null)).refusalReason()).isEqualTo(PortalLinkRefused.Reason.PADDLE_UNAVAILABLE);
        assertThat((new UnexpectedPaddleResponseException(PaddleOperation.CREATE_PORTAL_SESSION, "bad", null, null)).refusalReason())
                .isEqualTo(PortalLinkRefused.Reason.UNEXPECTED_ANSWER);
        assertThat((new PortalConfigurationException("paddle.api-key", "missing")).refusalReason())
                .isEqualTo(PortalLinkRefused.Reason.CONFIGURATION);
    }

    @Test
    void bothEventsAreAuditEventsWithTheirCommonFields() {
        List<PortalAuditEvent> events = List.of(PortalLinkIssued.of(session(), PortalAction.CANCEL_SUBSCRIPTION, SUB, PortalEntryPoint.ENDPOINT, NOW),
                new PortalLinkRefused(CUSTOMER, PortalAction.CANCEL_SUBSCRIPTION, SUB, PortalLinkRefused.Reason.CUSTOMER_LIMIT, PortalEntryPoint.ENDPOINT,
                        NOW));

        assertThat(events).allSatisfy(event -> {
            assertThat(event.customer()).isEqualTo(CUSTOMER);
            assertThat(event.action()).isEqualTo(PortalAction.CANCEL_SUBSCRIPTION);
            assertThat(event.subscription()).isEqualTo(SUB);
            assertThat(event.entryPoint()).isEqualTo(PortalEntryPoint.ENDPOINT);
        });
    }

    @Test
    void aRefusalNeedsCustomerReasonEntryPointAndTime() throws Exception {
        PortalLinkRefused refused = new PortalLinkRefused(CUSTOMER, null, null, PortalLinkRefused.Reason.NOT_PERMITTED, PortalEntryPoint.FACES, NOW);

        assertThat(RoundTrip.deserialize(RoundTrip.serialize(refused))).isEqualTo(refused);
        assertThat(Optional.ofNullable(refused.action())).isEmpty();
        assertThatThrownBy(() -> new PortalLinkRefused(null, null, null, PortalLinkRefused.Reason.NOT_PERMITTED, PortalEntryPoint.FACES, NOW))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("customer");
        assertThatThrownBy(() -> new PortalLinkRefused(CUSTOMER, null, null, null, PortalEntryPoint.FACES, NOW)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reason");
    }
}
