package dev.portallinks.endpoint;

import static dev.portallinks.endpoint.Failures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PortalLinkException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

// Each failure of the service as problem details: its own type, status and title, the endpoint's own detail (never the
// exception's message, request ID or anything secret), and a wait where waiting helps.
class ProblemTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of((Supplier<PortalLinkException>) Failures::customerLimit, ProblemType.CUSTOMER_LIMIT, 429, "customer-limit", 12L),
                Arguments.of((Supplier<PortalLinkException>) Failures::rateLimited, ProblemType.PADDLE_RATE_LIMITED, 503, "paddle-rate-limited", 30L),
                Arguments.of((Supplier<PortalLinkException>) Failures::unavailable, ProblemType.PADDLE_UNAVAILABLE, 503, "paddle-unavailable", -1L),
                Arguments.of((Supplier<PortalLinkException>) Failures::refused, ProblemType.PADDLE_REFUSED, 502, "paddle-refused", -1L),
                Arguments.of((Supplier<PortalLinkException>) Failures::unexpectedAnswer, ProblemType.UNEXPECTED_ANSWER, 502, "unexpected-answer", -1L),
                Arguments.of((Supplier<PortalLinkException>) Failures::configuration, ProblemType.CONFIGURATION, 500, "configuration", -1L));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureHasItsProblemType(Supplier<PortalLinkException> failure, ProblemType type, int status, String slug, long retryAfter) {
        Problem problem = Problem.of(failure.get(), NOW);

        assertThat(problem.type()).isEqualTo(type);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type().type()).hasToString("https://portallinks.dev/problems/" + slug);
        assertThat(problem.retryAfterSeconds()).isEqualTo(retryAfter);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void theAnswerIsProblemJsonWithoutAnythingOfTheException(Supplier<PortalLinkException> failure, ProblemType type, int status, String slug,
            long retryAfter) {
        PortalLinkException exception = failure.get();
        EndpointResponse answer = EndpointResponse.problem(Problem.of(exception, NOW));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body()).startsWith("{\"type\":\"https://portallinks.dev/problems/" + slug + "\",\"title\":\"" + type.title() + "\",\"status\":"
                + status + ",\"detail\":\"").doesNotContain(exception.getMessage(), Failures.REQUEST_ID, "token", "pga_", "paddle.api-key", "Exception");
        assertThat(answer.headers()).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
        if (retryAfter >= 0) {
            assertThat(answer.headers()).containsEntry("Retry-After", Long.toString(retryAfter));
            assertThat(answer.body()).endsWith(",\"retryAfter\":" + retryAfter + "}").contains("try again in " + retryAfter + " seconds");
        } else {
            assertThat(answer.headers()).doesNotContainKey("Retry-After");
            assertThat(answer.body()).doesNotContain("retryAfter");
        }
    }

    @Test
    void theWaitIsRoundedUpAndNeverZero() {
        // 11.2 s left: a client told 11 would come back early.
        assertThat(Problem.of(Failures.customerLimit(), NOW).retryAfterSeconds()).isEqualTo(12);
        assertThat(Problem.of(Failures.rateLimited(), NOW.plusSeconds(60)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void theEndpointsOwnRefusalsHaveTheirTypes() {
        assertThat(Stream.of(Problem.notSignedIn(), Problem.crossSiteRequest(), Problem.notPermitted(), Problem.notFound(), Problem.methodNotAllowed(),
                Problem.internalError()).map(problem -> problem.status() + " " + problem.type().type())).containsExactly(
                        "401 https://portallinks.dev/problems/not-signed-in", "403 https://portallinks.dev/problems/cross-site-request",
                        "403 https://portallinks.dev/problems/not-permitted", "404 https://portallinks.dev/problems/not-found",
                        "405 https://portallinks.dev/problems/method-not-allowed", "500 https://portallinks.dev/problems/internal-error");
        assertThat(EndpointResponse.problem(Problem.methodNotAllowed()).headers()).containsEntry("Allow", "POST");
    }
}
