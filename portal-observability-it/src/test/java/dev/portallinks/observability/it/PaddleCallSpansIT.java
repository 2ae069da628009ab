package dev.portallinks.observability.it;

import static dev.portallinks.observability.it.ObservedServer.API_KEY;
import static dev.portallinks.observability.it.ObservedServer.CUSTOMER;
import static dev.portallinks.observability.it.ObservedServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.observability.it.ObservedServer.Traced;
import dev.portallinks.observability.it.SpanCollector.CollectedSpan;
import dev.portallinks.test.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every logical Paddle call is one CLIENT span under the caller's span (here the server's span of a JAX-RS request,
 * itself under the test's span from {@code traceparent}), with the server's own Rest Client spans of its HTTP
 * requests inside it (where the server exports such spans: {@code obs.limitation.no-rest-client-spans} says it does
 * not), one span event per attempt, and the operation, attempts, outcome, last status and Paddle request ID as
 * attributes. No span of the trace carries the key, a token or a portal link. The same on every server, whether its
 * exporter sends Zipkin JSON or OTLP ({@link SpanCollector}).
 */
class PaddleCallSpansIT extends ObservedIT {

    private static final String CREATE = "Paddle createPortalSession";
    /** The server's own Rest Client spans per HTTP request to Paddle: none where the server adds none (WildFly 39, see README). */
    private static final int REST_CLIENT_SPANS_PER_REQUEST = System.getProperty("obs.limitation.no-rest-client-spans") == null ? 1 : 0;

    /** The spans of a call's trace once the server's span for the request (the last to end) has arrived. */
    private static List<CollectedSpan> spansOf(Traced traced) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> SpanCollector.trace(traced.traceId()),
                spans -> spans.stream().anyMatch(span -> traced.callerSpanId().equals(span.parentId())));
    }

    private static CollectedSpan serverSpan(Traced traced, List<CollectedSpan> spans) {
        return spans.stream().filter(span -> traced.callerSpanId().equals(span.parentId())).findFirst().orElseThrow();
    }

    /** Zipkin writes span names in lower case, OTLP as they are. */
    private static List<CollectedSpan> named(List<CollectedSpan> spans, String name) {
        return spans.stream().filter(span -> span.name().equalsIgnoreCase(name)).toList();
    }

    private static List<CollectedSpan> childrenOf(CollectedSpan parent, List<CollectedSpan> spans) {
        return spans.stream().filter(span -> parent.id().equals(span.parentId())).toList();
    }

    /** The one Paddle span of the trace, a CLIENT span whose parent is the server's span of the test's request. */
    private static CollectedSpan paddleSpan(Traced traced, String name) {
        List<CollectedSpan> spans = spansOf(traced);
        assertThat(named(spans, name)).as("spans named %s in %s", name, spans).hasSize(1);
        CollectedSpan paddle = named(spans, name).get(0);
        assertThat(paddle.kind()).isEqualTo("CLIENT");
        assertThat(paddle.scope()).as("instrumentation scope").isEqualTo("dev.portallinks");
        assertThat(paddle.parentId()).as("the caller's span").isEqualTo(serverSpan(traced, spans).id());
        assertNoSecrets(spans, traced);
        return paddle;
    }

    /**
     * No span of the trace carries the key or a token (the server's own Rest Client spans have the request URL, with the
     * customer in its path); the library's spans carry no URL and no customer either.
     */
    private static void assertNoSecrets(List<CollectedSpan> spans, Traced traced) {
        Optional<String> link = Optional.ofNullable(traced.answer().getString("link", traced.answer().getString("overview", null)));
        assertThat(spans).flatMap(CollectedSpan::texts).noneMatch(text -> text.contains(API_KEY) || text.contains("SpanSecret")
                || text.contains("pga_") || text.contains("token") || link.filter(text::contains).isPresent());
        assertThat(spans).filteredOn(span -> span.name().startsWith("paddle ")).flatMap(CollectedSpan::texts)
                .noneMatch(text -> text.contains("://") || text.contains(CUSTOMER) || text.contains("Bearer"));
    }

    private static List<CollectedSpan> restClientSpans(CollectedSpan paddle, Traced traced) {
        return childrenOf(paddle, spansOf(traced)).stream().filter(span -> span.kind().equals("CLIENT")).toList();
    }

    @Test
    void aSessionIsOneClientSpanUnderTheCallersSpanWithTheHttpRequestInside() {
        Traced traced = call("POST", "session", "customer", CUSTOMER);

        CollectedSpan paddle = paddleSpan(traced, CREATE);

        assertThat(traced.answer().getString("id")).startsWith("cpls_");
        assertThat(paddle.tags()).containsEntry("paddle.operation", "createPortalSession").containsEntry("paddle.attempts", "1")
                .containsEntry("paddle.outcome", "succeeded").containsEntry("http.response.status_code", "201")
                .containsEntry("paddle.request_id", traced.answer().getString("requestId")).doesNotContainKey("error.type");
        assertThat(paddle.status()).isEqualTo("UNSET");
        assertThat(paddle.events()).hasSize(1).allSatisfy(event -> assertThat(event).contains("paddle.attempt", "succeeded"));
        assertThat(restClientSpans(paddle, traced)).as("the server's Rest Client span of the request to Paddle, in %s", spansOf(traced)).hasSize(REST_CLIENT_SPANS_PER_REQUEST);
    }

    @Test
    void retriesAreAttemptsOfTheOneSpan() {
        paddle().nextCalls(2, Fault.serverError(503));

        Traced traced = call("POST", "link", "action", "overview", "customer", CUSTOMER);

        CollectedSpan paddle = paddleSpan(traced, CREATE);
        assertThat(traced.answer().getString("link")).contains("/cpl_");
        assertThat(paddle.tags()).containsEntry("paddle.attempts", "3").containsEntry("paddle.outcome", "succeeded")
                .containsEntry("http.response.status_code", "201");
        assertThat(paddle.events()).hasSize(3);
        assertThat(paddle.events().subList(0, 2)).allSatisfy(event -> assertThat(event).contains("503", "server_error"));
        assertThat(paddle.events().get(2)).contains("succeeded").doesNotContain("503");
        assertThat(restClientSpans(paddle, traced)).hasSize(3 * REST_CLIENT_SPANS_PER_REQUEST);
    }

    @Test
    void aFailedCallIsAnErrorSpanWithItsOutcomeAndLastStatus() {
        paddle().always(Fault.serverError(503));

        Traced traced = call("POST", "session", "customer", CUSTOMER);

        CollectedSpan paddle = paddleSpan(traced, CREATE);
        assertThat(traced.answer().getString("reason")).isEqualTo("SERVER_ERROR");
        assertThat(paddle.tags()).containsEntry("paddle.attempts", "3").containsEntry("paddle.outcome", "server_error")
                .containsEntry("http.response.status_code", "503").containsEntry("error.type", "dev.portallinks.api.PaddleUnavailableException");
        assertThat(paddle.status()).isEqualTo("ERROR");
    }

    @Test
    void anOpenCircuitIsAnErrorSpanWithoutAttemptsOrRequests() {
        paddle().always(Fault.serverError(503));

        // The server's circuit opens when its last 4 attempts failed (server.env): the second call at the latest fails fast.
        Traced traced = await().atMost(Duration.ofSeconds(20)).until(() -> call("POST", "session", "customer", CUSTOMER),
                answer -> answer.answer().getInt("attempts", -1) == 0);

        CollectedSpan paddle = paddleSpan(traced, CREATE);
        assertThat(traced.answer().getString("reason")).isEqualTo("CIRCUIT_OPEN");
        assertThat(paddle.tags()).containsEntry("paddle.attempts", "0").containsEntry("paddle.outcome", "circuit_open")
                .doesNotContainKeys("http.response.status_code", "paddle.request_id");
        assertThat(paddle.status()).isEqualTo("ERROR");
        assertThat(paddle.events()).isEmpty();
        assertThat(restClientSpans(paddle, traced)).isEmpty();
    }

    @Test
    void a429IsRateLimitedAndTheOpenWindowRefusesWithoutARequest() {
        paddle().nextCalls(1, Fault.rateLimited(Duration.ofSeconds(3)));

        Traced answered = call("POST", "session", "customer", CUSTOMER);
        Traced refused = call("POST", "session", "customer", CUSTOMER);

        CollectedSpan limited = paddleSpan(answered, CREATE);
        assertThat(limited.tags()).containsEntry("paddle.attempts", "1").containsEntry("paddle.outcome", "rate_limited")
                .containsEntry("http.response.status_code", "429").containsEntry("error.type", "dev.portallinks.api.PaddleRateLimitedException");
        assertThat(limited.status()).isEqualTo("ERROR");
        assertThat(limited.events()).singleElement().asString().contains("429", "rate_limited");
        CollectedSpan windowOpen = paddleSpan(refused, CREATE);
        assertThat(windowOpen.tags()).containsEntry("paddle.attempts", "0").containsEntry("paddle.outcome", "rate_limited")
                .doesNotContainKey("http.response.status_code");
        assertThat(restClientSpans(windowOpen, refused)).isEmpty();
        assertThat(paddle().apiCalls()).hasSize(1);
    }

    @Test
    void aListingPageIsAListSubscriptionsSpan() {
        paddle().subscription(CUSTOMER, "sub_01h04vsc0qhwtsbsxh3422w001");

        Traced traced = call("GET", "subscriptions", "customer", CUSTOMER);

        CollectedSpan paddle = paddleSpan(traced, "Paddle listSubscriptions");
        assertThat(traced.answer().getInt("count")).isEqualTo(1);
        assertThat(paddle.tags()).containsEntry("paddle.operation", "listSubscriptions").containsEntry("paddle.attempts", "1")
                .containsEntry("http.response.status_code", "200").containsEntry("paddle.outcome", "succeeded");
    }

    @Test
    void noSpanOfTheRunCarriesTheKeyOrAToken() {
        call("POST", "link", "action", "overview", "customer", CUSTOMER);

        List<CollectedSpan> all = SpanCollector.all();

        assertThat(all).isNotEmpty();
        assertThat(all).flatMap(CollectedSpan::texts).noneMatch(text -> text.contains(API_KEY) || text.contains("pga_") || text.contains("token="));
        assertThat(all).filteredOn(span -> span.name().startsWith("paddle ")).extracting(CollectedSpan::tags).extracting(Map::keySet)
                .allSatisfy(keys -> assertThat(keys).isSubsetOf("paddle.operation", "paddle.attempts", "paddle.outcome", "paddle.request_id",
                        "http.response.status_code", "error.type"));
    }
}
