package dev.portallinks.endpoint;

import static dev.portallinks.endpoint.Failures.CUSTOMER;
import static dev.portallinks.endpoint.Failures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalAuditEvent;
import dev.portallinks.api.PortalEntryPoint;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionLinks;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

// The endpoint's whole decision without a server: the checks in order and none of them reaching the service, one
// session per link with just the page's subscription, the fallback policy, one audit event per request, the answers.
class PortalEndpointTest {

    private static final SubscriptionId OWNED = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId NOT_OWNED = SubscriptionId.of("sub_01h7zcgmdc6tmwtjehp3sh7azf");
    private static final WebOrigin OWN = WebOrigin.parse("https://shop.example.com").orElseThrow();
    private static final String SPA = "https://app.example.com";
    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01h4ge9r64c22exjsx0fy8b48b";
    private static final URI FALLBACK = URI.create("https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw");
    private static final String SESSION_ID = "cpls_01h4ge9r64c22exjsx0fy8b48b";

    /** The service as the endpoint sees it: sessions (or a failure) on demand, every request remembered. */
    private static final class FakeService implements PortalLinkService {

        final List<PortalSessionRequest> requests = new ArrayList<>();
        PortalLinkException failure;
        Optional<URI> fallbackUrl = Optional.empty();
        final List<PortalAuditEvent> events = new ArrayList<>();
        RuntimeException auditFailure;

        @Override
        public PortalSession createSession(PortalSessionRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            List<SubscriptionLinks> links = request.subscriptions().stream().map(id -> new SubscriptionLinks(id,
                    URI.create(PORTAL + "?action=cancel_subscription&subscription_id=" + id + "&token=pga_secret"),
                    URI.create(PORTAL + "?action=update_subscription_payment_method&subscription_id=" + id + "&token=pga_secret"))).toList();
            return new PortalSession(SESSION_ID, request.customer(), URI.create(PORTAL + "?action=overview&token=pga_secret"), links, NOW, "req_1");
        }

        @Override
        public CompletionStage<PortalSession> createSessionAsync(PortalSessionRequest request) {
            throw new AssertionError("the endpoint answers synchronously");
        }

        @Override
        public URI link(PortalAction action, CustomerId customer, SubscriptionId subscription) {
            throw new AssertionError("link() would fire the service's own audit event (entry point SERVICE)");
        }

        @Override
        public List<SubscriptionSummary> listSubscriptions(CustomerId customer, Set<SubscriptionStatus> statuses) {
            throw new AssertionError("the endpoint lists nothing");
        }

        @Override
        public Optional<URI> fallbackUrl() {
            return fallbackUrl;
        }

        @Override
        public void audit(PortalAuditEvent event) {
            if (auditFailure != null) {
                throw auditFailure;
            }
            events.add(event);
        }
    }

    private final FakeService service = new FakeService();
    private final List<PortalAuditEvent> events = service.events;
    private final PortalEndpoint endpoint = new PortalEndpoint(new CrossSiteGuard(Set.of(WebOrigin.parse(SPA).orElseThrow()), false), () -> service,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private Supplier<Optional<PortalCustomer>> signedIn = () -> Optional.of(PortalCustomer.of(CUSTOMER, OWNED));
    private int resolverCalls;

    private EndpointResponse post(String path) {
        return request("POST", path, "same-origin", null, null);
    }

    private EndpointResponse request(String method, String path, String secFetchSite, String origin, String accept) {
        return endpoint.handle(new EndpointRequest(method, path, secFetchSite, origin, accept, OWN), () -> {
            resolverCalls++;
            return signedIn.get();
        });
    }

    private static void assertProtective(EndpointResponse answer) {
        assertThat(answer.headers()).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
    }

    private static void assertProblem(EndpointResponse answer, int status, String slug) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).startsWith("{\"type\":\"https://portallinks.dev/problems/" + slug + "\"").doesNotContain("token", "pga_");
        assertThat(answer.headers()).doesNotContainKey("Location");
        assertProtective(answer);
    }

    private PortalLinkIssued theIssuedEvent() {
        assertThat(events).hasSize(1).first().isInstanceOf(PortalLinkIssued.class);
        return (PortalLinkIssued) events.get(0);
    }

    private PortalLinkRefused theRefusedEvent() {
        assertThat(events).hasSize(1).first().isInstanceOf(PortalLinkRefused.class);
        return (PortalLinkRefused) events.get(0);
    }

    // --------------------------------------------------------------------------------------------------- Links

    @Test
    void theOverviewIsASeeOtherToAFreshOverviewLink() {
        EndpointResponse answer = post("/overview");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.headers()).containsEntry("Location", PORTAL + "?action=overview&token=pga_secret");
        assertThat(answer.body()).isEmpty();
        assertProtective(answer);
        assertThat(service.requests).containsExactly(PortalSessionRequest.overview(CUSTOMER));
        // The service's recipe dates the event it fires, not the endpoint's clock.
        assertThat(theIssuedEvent()).usingRecursiveComparison().ignoringFields("issuedAt").isEqualTo(new PortalLinkIssued(CUSTOMER,
                PortalAction.OVERVIEW, null, SESSION_ID, "req_1", false, PortalEntryPoint.ENDPOINT, NOW));
    }

    @Test
    void cancellingAnOwnedSubscriptionAsksForASessionWithJustIt() {
        signedIn = () -> Optional.of(PortalCustomer.of(CUSTOMER, NOT_OWNED, OWNED));

        EndpointResponse answer = post("/subscriptions/" + OWNED + "/cancel");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.headers().get("Location")).isEqualTo(PORTAL + "?action=cancel_subscription&subscription_id=" + OWNED + "&token=pga_secret");
        assertThat(service.requests).containsExactly(PortalSessionRequest.of(CUSTOMER, OWNED));
        assertThat(theIssuedEvent().subscription()).isEqualTo(OWNED);
        assertThat(theIssuedEvent().action()).isEqualTo(PortalAction.CANCEL_SUBSCRIPTION);
    }

    @Test
    void aFrontEndThatAsksForJsonGetsTheLinkAsJson() {
        EndpointResponse answer = request("POST", "/subscriptions/" + OWNED + "/update-payment-method", "same-origin", null, "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"url\":\"" + PORTAL + "?action=update_subscription_payment_method&subscription_id=" + OWNED
                + "&token=pga_secret\"}");
        assertThat(answer.headers()).doesNotContainKey("Location");
        assertProtective(answer);
        assertThat(theIssuedEvent().action()).isEqualTo(PortalAction.UPDATE_PAYMENT_METHOD);
    }

    @Test
    void anAllowedOtherOriginGetsTheLinkAndMayReadIt() {
        EndpointResponse answer = request("POST", "/overview", "cross-site", SPA, "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("Access-Control-Allow-Origin", SPA).containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Vary", "Origin");
        assertThat(post("/overview").headers()).doesNotContainKey("Access-Control-Allow-Origin");
    }

    // ------------------------------------------------------------------------------ Refusals: nothing reaches Paddle

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "post"})
    void anythingButPostIsNotAllowedAndAsksNobody(String method) {
        EndpointResponse answer = request(method, "/overview", "same-origin", null, null);

        assertProblem(answer, 405, "method-not-allowed");
        assertThat(answer.headers()).containsEntry("Allow", "POST");
        assertThat(resolverCalls).isZero();
        assertThat(service.requests).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aPathThatNamesNoPageIsNotFound() {
        assertProblem(post("/subscriptions/" + OWNED + "/pause"), 404, "not-found");
        assertProblem(post(null), 404, "not-found");
        assertThat(service.requests).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void nobodySignedInIsUnauthorizedWithoutAnEvent() {
        signedIn = Optional::empty;

        assertProblem(post("/overview"), 401, "not-signed-in");
        assertThat(service.requests).isEmpty();
        assertThat(events).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"cancel, CANCEL_SUBSCRIPTION", "update-payment-method, UPDATE_PAYMENT_METHOD"})
    void aSubscriptionTheUserMayNotManageIsForbiddenWithoutAskingPaddle(String page, PortalAction action) {
        assertProblem(post("/subscriptions/" + NOT_OWNED + "/" + page), 403, "not-permitted");

        assertThat(service.requests).isEmpty();
        assertThat(theRefusedEvent()).isEqualTo(new PortalLinkRefused(CUSTOMER, action, NOT_OWNED,
                PortalLinkRefused.Reason.NOT_PERMITTED, PortalEntryPoint.ENDPOINT, NOW));
    }

    @Test
    void aMalformedSubscriptionIsForbiddenAndItsTextStaysOutOfTheEvent() {
        assertProblem(post("/subscriptions/sub_<script>/cancel"), 403, "not-permitted");

        assertThat(service.requests).isEmpty();
        assertThat(theRefusedEvent().subscription()).isNull();
        assertThat(theRefusedEvent().reason()).isEqualTo(PortalLinkRefused.Reason.NOT_PERMITTED);
    }

    @Test
    void aCustomerWithoutSubscriptionsMayOpenTheOverviewOnly() {
        signedIn = () -> Optional.of(PortalCustomer.of(CUSTOMER));

        assertProblem(post("/subscriptions/" + OWNED + "/cancel"), 403, "not-permitted");
        assertThat(post("/overview").status()).isEqualTo(303);
    }

    @Test
    void aCrossSiteRequestIsForbiddenAndAuditedForTheSignedInCustomer() {
        EndpointResponse answer = request("POST", "/subscriptions/" + OWNED + "/cancel", "cross-site", "https://evil.example.net", "application/json");

        assertProblem(answer, 403, "cross-site-request");
        assertThat(service.requests).isEmpty();
        assertThat(theRefusedEvent()).isEqualTo(new PortalLinkRefused(CUSTOMER, PortalAction.CANCEL_SUBSCRIPTION, OWNED,
                PortalLinkRefused.Reason.NOT_PERMITTED, PortalEntryPoint.ENDPOINT, NOW));
    }

    @Test
    void aCrossSiteRequestWithNobodySignedInIsForbiddenWithoutAnEvent() {
        signedIn = Optional::empty;

        assertProblem(request("POST", "/overview", null, "https://evil.example.net", null), 403, "cross-site-request");
        assertThat(events).isEmpty();
    }

    @Test
    void aPostWithoutSecFetchSiteOrOriginIsForbidden() {
        assertProblem(request("POST", "/overview", null, null, null), 403, "cross-site-request");
        assertThat(service.requests).isEmpty();
    }

    @Test
    void withoutSecFetchSiteTheOwnOriginIsServed() {
        assertThat(request("POST", "/overview", null, "https://shop.example.com", null).status()).isEqualTo(303);
    }

    // ------------------------------------------------------------------------------------------- Failures, fallback

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of((Supplier<PortalLinkException>) Failures::customerLimit, 429, "customer-limit", PortalLinkRefused.Reason.CUSTOMER_LIMIT),
                Arguments.of((Supplier<PortalLinkException>) Failures::rateLimited, 503, "paddle-rate-limited", PortalLinkRefused.Reason.PADDLE_RATE_LIMITED),
                Arguments.of((Supplier<PortalLinkException>) Failures::unavailable, 503, "paddle-unavailable", PortalLinkRefused.Reason.PADDLE_UNAVAILABLE),
                Arguments.of((Supplier<PortalLinkException>) Failures::refused, 502, "paddle-refused", PortalLinkRefused.Reason.PADDLE_REFUSED),
                Arguments.of((Supplier<PortalLinkException>) Failures::unexpectedAnswer, 502, "unexpected-answer", PortalLinkRefused.Reason.UNEXPECTED_ANSWER),
                Arguments.of((Supplier<PortalLinkException>) Failures::configuration, 500, "configuration", PortalLinkRefused.Reason.CONFIGURATION));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void withoutAFallbackEachFailureIsItsProblemAndOneRefusal(Supplier<PortalLinkException> failure, int status, String slug,
            PortalLinkRefused.Reason reason) {
        service.failure = failure.get();

        assertProblem(request("POST", "/subscriptions/" + OWNED + "/cancel", "same-origin", null, "application/json"), status, slug);
        assertThat(theRefusedEvent()).usingRecursiveComparison().ignoringFields("refusedAt").isEqualTo(new PortalLinkRefused(CUSTOMER,
                PortalAction.CANCEL_SUBSCRIPTION, OWNED, reason, PortalEntryPoint.ENDPOINT, NOW));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void theFallbackStandsInExactlyWhenThePolicySays(Supplier<PortalLinkException> failure, int status, String slug, PortalLinkRefused.Reason reason) {
        service.failure = failure.get();
        service.fallbackUrl = Optional.of(FALLBACK);

        EndpointResponse answer = post("/overview");

        if (service.failure.fallbackApplies()) {
            assertThat(answer.status()).isEqualTo(303);
            assertThat(answer.headers()).containsEntry("Location", FALLBACK.toString());
            assertProtective(answer);
            assertThat(theIssuedEvent()).usingRecursiveComparison().ignoringFields("issuedAt").isEqualTo(PortalLinkIssued.fallback(CUSTOMER,
                    PortalAction.OVERVIEW, null, PortalEntryPoint.ENDPOINT, NOW));
        } else {
            assertProblem(answer, status, slug);
            assertThat(theRefusedEvent().reason()).isEqualTo(reason);
        }
    }

    @Test
    void theFallbackComesAsJsonToAFrontEndThatAsksForJson() {
        service.failure = Failures.unavailable();
        service.fallbackUrl = Optional.of(FALLBACK);

        EndpointResponse answer = request("POST", "/overview", "same-origin", null, "application/json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"url\":\"" + FALLBACK + "\"}");
    }

    // ------------------------------------------------------------------------------------- The application's code fails

    @Test
    void aResolverThatThrowsIsAnInternalErrorWithoutItsMessage() {
        signedIn = () -> {
            throw new IllegalStateException("database password is hunter2");
        };

        EndpointResponse answer = post("/overview");

        assertProblem(answer, 500, "internal-error");
        assertThat(answer.body()).doesNotContain("hunter2", "IllegalStateException");
        assertThat(service.requests).isEmpty();
    }

    @Test
    void aResolverThatReturnsNullIsAnInternalError() {
        signedIn = () -> null;

        assertProblem(post("/overview"), 500, "internal-error");
        assertThat(service.requests).isEmpty();
    }

    @Test
    void aSynchronousAuditObserverThatThrowsStopsTheLink() {
        service.auditFailure = new IllegalStateException("audit store down");
        PortalEndpoint failClosed = new PortalEndpoint(new CrossSiteGuard(Set.of(), false), () -> service, Clock.fixed(NOW, ZoneOffset.UTC));

        EndpointResponse answer = failClosed.handle(new EndpointRequest("POST", "/overview", "same-origin", null, "application/json", OWN), signedIn);

        assertProblem(answer, 500, "internal-error");
        assertThat(answer.body()).doesNotContain("url");
    }
}
