package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PaddleFieldError;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.impl.RateLimitWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

// Paddle's error bodies from its SDKs' test suites through JSON-B into PaddleErrorEnvelope, and from there into the
// API's exceptions the way PaddleGateway.translate builds them, with the HTTP status and Retry-After of SOURCES.md.
class PaddleErrorEnvelopeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String RATE_LIMIT_DETAIL = "IP address exceeded the allowed rate limit. Retry after the number of seconds in the"
            + " Retry-After header.";
    private static final String RATE_LIMIT_DOCS = "https://developer.paddle.com/errors/shared/too_many_requests";
    private static final String PYTHON_REQUEST_ID = "f00bb3ca-399d-4686-889c-50b028f4c912";

    /**
     * One fixture and what it holds.
     *
     * @param file the fixture
     * @param status the HTTP status the SDK's test answers with
     * @param retryAfter the Retry-After header the SDK's test sends, or null
     * @param errorsArray whether the body has an {@code errors} array (possibly empty)
     */
    record Case(String file, int status, String retryAfter, String type, String code, String detail, String documentationUrl,
            boolean errorsArray, List<PaddleFieldError> fieldErrors, String requestId) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("go-sdk__testdata__too_many_requests_error.json", 429, "120", "request_error", "too_many_requests", RATE_LIMIT_DETAIL,
                        RATE_LIMIT_DOCS, false, List.of(), "9346b365-4cad-43a6-b7c1-48ff6a1c7836"),
                new Case("python-sdk__client-test__400_address_location_not_allowed__extracted.json", 400, null, "request_error",
                        "address_location_not_allowed", "Cannot create address with an unsupported location",
                        "https://developer.paddle.com/errors/addresses/address_location_not_allowed", false, List.of(), PYTHON_REQUEST_ID),
                new Case("python-sdk__client-test__400_bad_request_with_field_errors__extracted.json", 400, null, "request_error", "bad_request",
                        "Invalid request", "https://developer.paddle.com/v1/errors/shared/bad_request", true,
                        List.of(new PaddleFieldError("some_field", "Some error message")), PYTHON_REQUEST_ID),
                new Case("python-sdk__client-test__404_not_found__extracted.json", 404, null, "request_error", "not_found", "Entity not found",
                        "https://developer.paddle.com/v1/errors/shared/not_found", false, List.of(), PYTHON_REQUEST_ID),
                new Case("python-sdk__client-test__429_too_many_requests_retry-after-42__extracted.json", 429, "42", "request_error",
                        "too_many_requests", RATE_LIMIT_DETAIL, RATE_LIMIT_DOCS, false, List.of(), PYTHON_REQUEST_ID),
                new Case("node-sdk__base-resource-test__429_too_many_requests_retry-after-42__extracted.json", 429, "42", "request_error",
                        "too_many_requests", RATE_LIMIT_DETAIL, RATE_LIMIT_DOCS, false, List.of(), "req_1"),
                new Case("node-sdk__base-resource-test__409_conflict_no-retry-after__extracted.json", 409, null, "request_error", "conflict",
                        "Request conflicts with another change.", RATE_LIMIT_DOCS, false, List.of(), "req_2"),
                new Case("php-sdk__response-parser-test__409_conflict_no-meta__extracted.json", 409, null, "request_error", "conflict",
                        "Request conflicts with another change.", "https://developer.paddle.com/errors/shared/conflict", true, List.of(), null),
                new Case("php-sdk__response-parser-test__429_too_many_requests_no-meta_retry-after-42__extracted.json", 429, "42",
                        "request_error", "too_many_requests", RATE_LIMIT_DETAIL, RATE_LIMIT_DOCS, true, List.of(), null));
    }

    private static List<PaddleFieldError> fieldErrors(PaddleErrorEnvelope.Error body) {
        return body.errors == null ? List.of()
                : body.errors.stream().filter(e -> e != null && e.field != null && e.message != null)
                        .map(e -> new PaddleFieldError(e.field, e.message)).toList();
    }

    /** The 4xx and 429 branches of PaddleGateway.translate, as written there. */
    private static PortalLinkException translate(PaddleOperation operation, PaddleHttpError error, RateLimitWindow window) {
        int status = error.status();
        if (status == 429) {
            return window.open(operation, error.retryAfterHeader(), error.requestId());
        }
        PaddleErrorEnvelope.Error body = error.envelope() == null ? null : error.envelope().error;
        if (body == null) {
            return new PaddleRequestRefusedException(operation, status, null, null, "Paddle sent no error envelope", null, error.requestId(),
                    List.of());
        }
        return new PaddleRequestRefusedException(operation, status, body.type, body.code, body.detail, body.documentationUrl,
                error.requestId(), fieldErrors(body));
    }

    private static PortalLinkException translate(PaddleOperation operation, int status, PaddleErrorEnvelope envelope) {
        return translate(operation, new PaddleHttpError(status, envelope, null), new RateLimitWindow(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static PaddleErrorEnvelope envelope(String json) {
        return PaddleFixtures.JSONB.fromJson(json, PaddleErrorEnvelope.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureMapsIntoTheEnvelope(Case c) {
        PaddleErrorEnvelope envelope = PaddleFixtures.read(c.file(), PaddleErrorEnvelope.class);

        assertThat(envelope.error).isNotNull();
        assertThat(envelope.error.type).isEqualTo(c.type());
        assertThat(envelope.error.code).isEqualTo(c.code());
        assertThat(envelope.error.detail).isEqualTo(c.detail());
        assertThat(envelope.error.documentationUrl).isEqualTo(c.documentationUrl());
        assertThat(envelope.error.errors == null).as("errors array absent").isEqualTo(!c.errorsArray());
        assertThat(fieldErrors(envelope.error)).isEqualTo(c.fieldErrors());
        assertThat(envelope.meta == null ? null : envelope.meta.requestId).isEqualTo(c.requestId());
        assertThat(new PaddleHttpError(c.status(), envelope, c.retryAfter()).requestId()).isEqualTo(c.requestId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureBecomesTheApiException(Case c) {
        PaddleErrorEnvelope envelope = PaddleFixtures.read(c.file(), PaddleErrorEnvelope.class);
        PaddleHttpError error = new PaddleHttpError(c.status(), envelope, c.retryAfter());

        PortalLinkException translated = translate(PaddleOperation.CREATE_PORTAL_SESSION, error,
                new RateLimitWindow(Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThat(translated.requestId()).isEqualTo(c.requestId());
        if (c.status() == 429) {
            long seconds = Long.parseLong(c.retryAfter());
            assertThat(translated).isInstanceOfSatisfying(PaddleRateLimitedException.class, limited -> {
                assertThat(limited.answeredByPaddle()).isTrue();
                assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
                assertThat(limited.retryAt()).isEqualTo(NOW.plusSeconds(seconds));
                assertThat(limited.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
            });
            assertThat(translated.getMessage()).contains("Retry-After " + seconds + " s");
        } else {
            assertThat(translated).isInstanceOfSatisfying(PaddleRequestRefusedException.class, refused -> {
                assertThat(refused.httpStatus()).isEqualTo(c.status());
                assertThat(refused.type()).isEqualTo(c.type());
                assertThat(refused.code()).isEqualTo(c.code());
                assertThat(refused.detail()).isEqualTo(c.detail());
                assertThat(refused.documentationUrl()).isEqualTo(c.documentationUrl());
                assertThat(refused.fieldErrors()).isEqualTo(c.fieldErrors());
            });
            assertThat(translated.getMessage()).contains("HTTP " + c.status() + " " + c.code() + " - " + c.detail(),
                    "See " + c.documentationUrl());
        }
        if (c.requestId() == null) {
            assertThat(translated.getMessage()).doesNotContain("request ID");
        } else {
            assertThat(translated.getMessage()).endsWith("[Paddle request ID " + c.requestId() + "]");
        }
    }

    @Test
    void notFoundHintsAtSandboxAndLive() {
        PortalLinkException e = translate(PaddleOperation.CREATE_PORTAL_SESSION, 404,
                PaddleFixtures.read("python-sdk__client-test__404_not_found__extracted.json", PaddleErrorEnvelope.class));

        assertThat(e.getMessage()).contains("Paddle refused to create a customer portal session: HTTP 404 not_found - Entity not found",
                "exists in this Paddle environment (sandbox and live have separate data)");
    }

    @Test
    void fieldErrorsAreListed() {
        PortalLinkException e = translate(PaddleOperation.CREATE_PORTAL_SESSION, 400,
                PaddleFixtures.read("python-sdk__client-test__400_bad_request_with_field_errors__extracted.json", PaddleErrorEnvelope.class));

        assertThat(e.getMessage()).contains("HTTP 400 bad_request - Invalid request; field some_field: Some error message");
    }

    /** Not an SDK fixture: no SDK test has a 403 body; this follows the envelope of the fixtures above. */
    private static final String FORBIDDEN = """
            {
              "error": {
                "type": "request_error",
                "code": "forbidden",
                "detail": "You aren't permitted to perform this request.",
                "documentation_url": "https://developer.paddle.com/v1/errors/shared/forbidden"
              },
              "meta": {"request_id": "b15ec92e-8688-40d4-a04d-f44cbec93355"}
            }""";

    @ParameterizedTest
    @EnumSource(PaddleOperation.class)
    void forbiddenNamesThePermissionOfTheOperation(PaddleOperation operation) {
        PortalLinkException e = translate(operation, 403, envelope(FORBIDDEN));

        String permission = operation == PaddleOperation.CREATE_PORTAL_SESSION ? "customer_portal_session.write" : "subscription.read";
        assertThat(e).isInstanceOf(PaddleRequestRefusedException.class);
        assertThat(((PaddleRequestRefusedException) e).requiredPermission()).isEqualTo(permission);
        assertThat(e.getMessage()).contains("HTTP 403 forbidden", "The API key needs the " + permission + " permission");
        assertThat(e.requestId()).isEqualTo("b15ec92e-8688-40d4-a04d-f44cbec93355");
    }

    @Test
    void aMalformedKeyGetsAdviceAboutTheKeysShapeNotThePermission() {
        PortalLinkException e = translate(PaddleOperation.LIST_SUBSCRIPTIONS, 401, envelope("""
                {"error": {"type": "request_error", "code": "authentication_malformed", "detail": "Authentication header included,\
                 but incorrectly formatted.", "documentation_url": "https://developer.paddle.com/v1/errors/shared/authentication_malformed"}}"""));

        assertThat(e.getMessage()).contains("HTTP 401 authentication_malformed", "paddle.api-key (PADDLE_API_KEY) holds the whole key")
                .doesNotContain("permission");
    }

    @Test
    void bodyThatIsNotAnEnvelopeStillGivesTheStatus() {
        PortalLinkException e = translate(PaddleOperation.LIST_SUBSCRIPTIONS, 404, null);

        assertThat(e.getMessage()).contains("HTTP 404 - Paddle sent no error envelope");
        assertThat(e.requestId()).isNull();
    }

    @Test
    void incompleteFieldErrorsAreSkipped() {
        PaddleErrorEnvelope envelope = envelope("""
                {"error": {"type": "request_error", "code": "invalid_field", "detail": "Invalid request.", "errors": [
                  {"field": "subscription_ids[0]", "message": "must match ^sub_[a-z\\\\d]{26}$"},
                  {"field": null, "message": "no field"},
                  {"field": "x"},
                  null
                ]}}""");

        PortalLinkException e = translate(PaddleOperation.CREATE_PORTAL_SESSION, 400, envelope);

        assertThat(((PaddleRequestRefusedException) e).fieldErrors())
                .containsExactly(new PaddleFieldError("subscription_ids[0]", "must match ^sub_[a-z\\d]{26}$"));
    }

    @Test
    void keyEchoedInDetailIsRedacted() {
        String key = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";
        PaddleErrorEnvelope envelope = envelope("{\"error\": {\"type\": \"request_error\", \"code\": \"authentication_malformed\","
                + " \"detail\": \"Bearer " + key + " is not a valid key\"}}");

        PortalLinkException e = translate(PaddleOperation.CREATE_PORTAL_SESSION, 401, envelope);

        assertThat(e.getMessage()).doesNotContain(key).doesNotContain("UnitTestSecret");
        assertThat(((PaddleRequestRefusedException) e).detail()).doesNotContain(key);
    }
}
