package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The one recipe of {@link PortalLinkService#handOut}: session, link, one audit event; fallback or refusal on failure. */
class HandOutTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final SubscriptionId SUB = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** A service whose sessions and failures the test decides; audit events are recorded. */
    private static final class ScriptedService implements PortalLinkService {
        final List<PortalSessionRequest> requests = new ArrayList<>();
        final List<PortalAuditEvent> events = new ArrayList<>();
        PortalLinkException failure;
        Optional<URI> configuredFallback = Optional.empty();
        RuntimeException auditFailure;

        @Override
        public PortalSession createSession(PortalSessionRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            List<SubscriptionLinks> links = request.subscriptions().stream().map(id -> new SubscriptionLinks(id,
                    URI.create(PORTAL + "?action=cancel_subscription&subscription_id=" + id + "&token=pga_x"),
                    URI.create(PORTAL + "?action=update_subscription_payment_method&subscription_id=" + id + "&token=pga_x"))).toList();
            return new PortalSession("cpls_01j7zbyqs3vah3aafp4jf62qaw", request.customer(), URI.create(PORTAL + "?action=overview&token=pga_x"),
                    links, NOW, "req_1");
        }

        @Override
        public CompletionStage<PortalSession> createSessionAsync(PortalSessionRequest request) {
            throw new AssertionError("not used");
        }

        @Override
        public List<SubscriptionSummary> listSubscriptions(CustomerId customer, Set<SubscriptionStatus> statuses) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<URI> fallbackUrl() {
            return configuredFallback;
        }

        @Override
        public void audit(PortalAuditEvent event) {
            if (auditFailure != null) {
                throw auditFailure;
            }
            events.add(event);
        }
    }

    private final ScriptedService service = new ScriptedService();

    private static PaddleUnavailableException unavailable() {
        return new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, PaddleUnavailableException.Reason.SERVER_ERROR, 503, 3, null, null);
    }

    @Test
    void aLinkIsTheActionsLinkOfASessionWithJustItsSubscriptionAndOneIssuedEvent() {
        PortalLinkResult result = service.handOut(PortalLinkRequest.of(PortalAction.CANCEL_SUBSCRIPTION, CUSTOMER, SUB, PortalEntryPoint.FACES));

        assertThat(result).isInstanceOf(PortalLinkResult.Link.class);
        assertThat(((PortalLinkResult.Link) result).uri().toString()).contains("action=cancel_subscription", SUB.value());
        assertThat(result.toString()).doesNotContain("pga_x");
        assertThat(service.requests).containsExactly(PortalSessionRequest.of(CUSTOMER, SUB));
        assertThat(service.events).singleElement().isInstanceOfSatisfying(PortalLinkIssued.class, issued -> {
            assertThat(issued.entryPoint()).isEqualTo(PortalEntryPoint.FACES);
            assertThat(issued.fallback()).isFalse();
            assertThat(issued.subscription()).isEqualTo(SUB);
        });
    }

    @Test
    void theOverviewAsksForNoSubscriptionEvenWhenOneIsGiven() {
        service.handOut(PortalLinkRequest.of(PortalAction.OVERVIEW, CUSTOMER, SUB, PortalEntryPoint.ENDPOINT));

        assertThat(service.requests).containsExactly(PortalSessionRequest.overview(CUSTOMER));
    }

    @Test
    void theRequestsOwnFallbackGoesBeforeTheConfiguredOne() {
        service.failure = unavailable();
        service.configuredFallback = Optional.of(URI.create("https://example.com/configured"));

        PortalLinkResult result = service.handOut(new PortalLinkRequest(PortalAction.OVERVIEW, CUSTOMER, null, PortalEntryPoint.FACES, "/billing-help"));

        assertThat(result).isEqualTo(new PortalLinkResult.Fallback("/billing-help", service.failure));
        assertThat(service.events).singleElement().isInstanceOfSatisfying(PortalLinkIssued.class, issued -> assertThat(issued.fallback()).isTrue());
    }

    @Test
    void theConfiguredFallbackStandsInWhenTheRequestHasNone() {
        service.failure = unavailable();
        service.configuredFallback = Optional.of(URI.create("https://example.com/configured"));

        assertThat(service.link(PortalAction.OVERVIEW, CUSTOMER, null)).isEqualTo(URI.create("https://example.com/configured"));
        assertThat(service.events).singleElement().isInstanceOfSatisfying(PortalLinkIssued.class,
                issued -> assertThat(issued.entryPoint()).isEqualTo(PortalEntryPoint.SERVICE));
    }

    @Test
    void aFailureNoFallbackMayHideIsThrownWithOneRefusedEventNamingItsReason() {
        service.failure = new CustomerLinkLimitException(CUSTOMER, 20, Duration.ofSeconds(30), NOW.plusSeconds(30));
        service.configuredFallback = Optional.of(URI.create("https://example.com/configured"));

        assertThatThrownBy(() -> service.handOut(new PortalLinkRequest(PortalAction.CANCEL_SUBSCRIPTION, CUSTOMER, SUB, PortalEntryPoint.ENDPOINT,
                "/help"))).isSameAs(service.failure);
        assertThat(service.events).singleElement().isInstanceOfSatisfying(PortalLinkRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(PortalLinkRefused.Reason.CUSTOMER_LIMIT);
            assertThat(refused.entryPoint()).isEqualTo(PortalEntryPoint.ENDPOINT);
            assertThat(refused.subscription()).isEqualTo(SUB);
        });
    }

    @Test
    void withoutAnyFallbackAnUnavailablePaddleIsThrown() {
        service.failure = unavailable();

        assertThatThrownBy(() -> service.handOut(PortalLinkRequest.of(PortalAction.OVERVIEW, CUSTOMER, null, PortalEntryPoint.SERVICE)))
                .isSameAs(service.failure);
        assertThat(service.events).singleElement().isInstanceOfSatisfying(PortalLinkRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(PortalLinkRefused.Reason.PADDLE_UNAVAILABLE));
    }

    @Test
    void anUntrustedCertificateIsThrownEvenWithAConfiguredFallback() {
        service.failure = new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, PaddleUnavailableException.Reason.TLS_FAILURE, 0, 1,
                null, null);
        service.configuredFallback = Optional.of(URI.create("https://example.com/configured"));

        assertThatThrownBy(() -> service.link(PortalAction.OVERVIEW, CUSTOMER, null)).isSameAs(service.failure);
        assertThat(service.events).singleElement().isInstanceOf(PortalLinkRefused.class);
    }

    @Test
    void anAuditObserverThatThrowsStopsTheLink() {
        service.auditFailure = new IllegalStateException("audit store down");

        assertThatThrownBy(() -> service.handOut(PortalLinkRequest.of(PortalAction.OVERVIEW, CUSTOMER, null, PortalEntryPoint.SERVICE)))
                .isSameAs(service.auditFailure);
    }

    @Test
    void aSubscriptionActionNeedsItsSubscription() {
        assertThatThrownBy(() -> PortalLinkRequest.of(PortalAction.UPDATE_PAYMENT_METHOD, CUSTOMER, null, PortalEntryPoint.SERVICE))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("subscription must not be null for UPDATE_PAYMENT_METHOD");
    }
}
