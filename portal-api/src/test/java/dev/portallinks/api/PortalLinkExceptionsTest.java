package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

// Covers the PortalLinkException subtypes: getters, messages with remedies, request IDs and redaction of secrets.
class PortalLinkExceptionsTest {

    private static final String REQUEST_ID = "b15ec92e-8688-40d4-a04d-af44e3ad1c8f";
    private static final String API_KEY = "pdl_sdbx_apikey_01abcdefSECRET";
    private static final String DOCS = "https://developer.paddle.com/errors/shared/forbidden";

    private static PaddleRequestRefusedException refused(PaddleOperation operation, int status, String code, String detail,
            String requestId, List<PaddleFieldError> fieldErrors) {
        return new PaddleRequestRefusedException(operation, status, "request_error", code, detail, DOCS, requestId, fieldErrors);
    }

    @Test
    void requestRefusedHasItsGetters() {
        List<PaddleFieldError> errors = List.of(new PaddleFieldError("subscription_ids[0]", "must be a subscription ID"));

        PaddleRequestRefusedException e = new PaddleRequestRefusedException(PaddleOperation.CREATE_PORTAL_SESSION, 400,
                "request_error", "invalid_field", "Invalid request.", DOCS, REQUEST_ID, errors);

        assertThat(e).isInstanceOf(PortalLinkException.class).isInstanceOf(RuntimeException.class);
        assertThat(e.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("request_error");
        assertThat(e.code()).isEqualTo("invalid_field");
        assertThat(e.detail()).isEqualTo("Invalid request.");
        assertThat(e.documentationUrl()).isEqualTo(DOCS);
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.fieldErrors()).isEqualTo(errors);
        assertThat(e.requiredPermission()).isEqualTo("customer_portal_session.write");
        assertThat(e.getCause()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "CREATE_PORTAL_SESSION, 403, forbidden, customer_portal_session.write",
        "LIST_SUBSCRIPTIONS, 403, forbidden, subscription.read",
        "LIST_SUBSCRIPTIONS, 400, forbidden, subscription.read"
    })
    void forbiddenNamesThePermissionTheKeyNeeds(PaddleOperation operation, int status, String code, String permission) {
        PaddleRequestRefusedException e = refused(operation, status, code, "You aren't permitted to perform this request.", null, List.of());

        assertThat(e.getMessage())
                .startsWith("Paddle refused to " + operation.description() + ": HTTP " + status)
                .contains("The API key needs the " + permission + " permission");
        assertThat(e.requiredPermission()).isEqualTo(permission);
    }

    @ParameterizedTest
    @CsvSource({
        "403, authentication_malformed, the whole key as Paddle showed it",
        "401, authentication_missing, removed the Authorization header",
        "401, invalid_token, wrong, revoked, expired",
        "403, authentication_failed, wrong, revoked, expired",
        "401, , wrong, revoked, expired"
    })
    void keyProblemsGetAdviceForTheCodeNotThePermissionHint(int status, String code, String advice) {
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, status, code, null, null, List.of());

        assertThat(e.getMessage()).contains(advice, "PADDLE_API_KEY").doesNotContain("needs the customer_portal_session.write permission");
    }

    @Test
    void aForbiddenWithoutACodeNamesTheKeyAndThePermissionWithoutClaimingTheCause() {
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 403, null, null, null, List.of());

        assertThat(e.getMessage()).contains("Paddle refused the key for this call", "customer_portal_session.write")
                .doesNotContain("The API key needs");
    }

    @Test
    void otherStatusesDoNotBlameThePermission() {
        PaddleRequestRefusedException e = refused(PaddleOperation.LIST_SUBSCRIPTIONS, 400, "bad_request", "Invalid request.", null, List.of());

        assertThat(e.getMessage()).doesNotContain("subscription.read").doesNotContain("permission");
    }

    @Test
    void unauthorizedPointsAtTheApiKeySetting() {
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 401, "authentication_failed", null, null, List.of());

        assertThat(e.getMessage()).contains("HTTP 401 authentication_failed").contains("paddle.api-key").contains("PADDLE_API_KEY");
    }

    @Test
    void aDetailEndingInAFullStopIsNotFollowedByASecondOne() {
        // Paddle's details usually end with a full stop; the advice that follows starts a sentence of its own.
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 404, "not_found",
                "Entity ctm_01grnn4zta5a1mf02jjze7y2ys not found.", null, List.of());

        assertThat(e.getMessage()).contains("not found. Check that the ID exists").doesNotContain("..");
    }

    @Test
    void notFoundPointsAtTheEnvironment() {
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 404, "not_found",
                "Entity ctm_01grnn4zta5a1mf02jjze7y2ys not found", null, List.of());

        assertThat(e.getMessage())
                .contains("HTTP 404 not_found - Entity ctm_01grnn4zta5a1mf02jjze7y2ys not found")
                .contains("sandbox and live have separate data")
                .contains("See " + DOCS);
    }

    @Test
    void messageWithoutOptionalPartsStaysReadable() {
        PaddleRequestRefusedException e = new PaddleRequestRefusedException(PaddleOperation.LIST_SUBSCRIPTIONS, 409, null, null, null, null,
                null, List.of());

        assertThat(e.getMessage()).isEqualTo("Paddle refused to list subscriptions: HTTP 409");
        assertThat(e.type()).isNull();
        assertThat(e.code()).isNull();
        assertThat(e.detail()).isNull();
        assertThat(e.documentationUrl()).isNull();
        assertThat(e.requestId()).isNull();
    }

    @Test
    void fieldErrorsAppearInTheMessage() {
        List<PaddleFieldError> errors = List.of(
                new PaddleFieldError("subscription_ids[0]", "does not match ^sub_[a-z\\d]{26}$"),
                new PaddleFieldError("customer_id", "is required"));

        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 400, "invalid_field", "Invalid request.", null, errors);

        assertThat(e.getMessage())
                .contains("; field subscription_ids[0]: does not match ^sub_[a-z\\d]{26}$")
                .contains("; field customer_id: is required");
        assertThat(e.fieldErrors()).extracting(PaddleFieldError::field).containsExactly("subscription_ids[0]", "customer_id");
    }

    @Test
    void fieldErrorsAreCopiedAndUnmodifiable() {
        List<PaddleFieldError> errors = new ArrayList<>(List.of(new PaddleFieldError("customer_id", "is required")));

        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 400, "invalid_field", null, null, errors);
        errors.clear();

        assertThat(e.fieldErrors()).hasSize(1);
        assertThatThrownBy(() -> e.fieldErrors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requestIdAppearsInMessageAndGetter() {
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 404, "not_found", null, REQUEST_ID, List.of());

        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.getMessage()).endsWith(" [Paddle request ID " + REQUEST_ID + "]");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingRequestIdIsNull(String requestId) {
        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 404, "not_found", null, requestId, List.of());

        assertThat(e.requestId()).isNull();
        assertThat(e.getMessage()).doesNotContain("request ID");
    }

    @Test
    void secretsInTheDetailAreRedactedEverywhere() {
        String detail = "bad key " + API_KEY + " for https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw"
                + "?action=overview&token=pga_secretvalue123 and Bearer abc123secret";

        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 400, "bad_request", detail, REQUEST_ID, List.of());

        for (String text : List.of(e.getMessage(), e.toString(), e.detail())) {
            assertThat(text)
                    .doesNotContain("01abcdefSECRET", "pdl_sdbx_apikey", "pga_secretvalue123", "abc123secret")
                    .contains("bad key [redacted] for", "token=[redacted]", "Bearer [redacted]");
        }
        assertThat(e.getMessage()).contains(REQUEST_ID);
    }

    @Test
    void secretsInFieldErrorsAreRedacted() {
        PaddleFieldError error = new PaddleFieldError("api_key", "key " + API_KEY + " is malformed");

        PaddleRequestRefusedException e = refused(PaddleOperation.CREATE_PORTAL_SESSION, 400, "invalid_field", null, null, List.of(error));

        assertThat(error.message()).isEqualTo("key [redacted] is malformed");
        assertThat(e.getMessage()).contains("; field api_key: key [redacted] is malformed").doesNotContain("SECRET");
        assertThat(e.fieldErrors().get(0).message()).doesNotContain("SECRET");
    }

    @Test
    void fieldErrorRejectsNullsNamingTheField() {
        assertThatThrownBy(() -> new PaddleFieldError(null, "is required"))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("field must not be null");
        assertThatThrownBy(() -> new PaddleFieldError("customer_id", null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("message must not be null");
    }

    @Test
    void requestRefusedSurvivesSerialization() throws Exception {
        PaddleRequestRefusedException e = refused(PaddleOperation.LIST_SUBSCRIPTIONS, 403, "forbidden", "no",
                REQUEST_ID, List.of(new PaddleFieldError("customer_id", "is required")));

        PaddleRequestRefusedException copy = RoundTrip.copy(e);

        assertThat(copy.getMessage()).isEqualTo(e.getMessage());
        assertThat(copy.requestId()).isEqualTo(REQUEST_ID);
        assertThat(copy.operation()).isEqualTo(PaddleOperation.LIST_SUBSCRIPTIONS);
        assertThat(copy.fieldErrors()).isEqualTo(e.fieldErrors());
    }

    @Test
    void rateLimitedAnsweredByPaddle() {
        Instant retryAt = Instant.parse("2024-10-01T12:00:30Z");

        PaddleRateLimitedException e = new PaddleRateLimitedException(PaddleOperation.CREATE_PORTAL_SESSION, Duration.ofSeconds(30),
                retryAt, true, REQUEST_ID);

        assertThat(e.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.retryAt()).isEqualTo(retryAt);
        assertThat(e.answeredByPaddle()).isTrue();
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.getMessage())
                .contains("cannot create a customer portal session until 2024-10-01T12:00:30Z")
                .contains("Retry-After 30 s")
                .doesNotContain("no request was sent")
                .endsWith("[Paddle request ID " + REQUEST_ID + "]");
    }

    @Test
    void rateLimitedLocallySaysNoRequestWasSent() {
        Instant retryAt = Instant.parse("2024-10-01T12:01:00Z");

        PaddleRateLimitedException e = new PaddleRateLimitedException(PaddleOperation.LIST_SUBSCRIPTIONS, Duration.ofMinutes(1),
                retryAt, false, null);

        assertThat(e.answeredByPaddle()).isFalse();
        assertThat(e.requestId()).isNull();
        assertThat(e.getMessage())
                .contains("cannot list subscriptions until 2024-10-01T12:01:00Z")
                .contains("Retry-After 60 s")
                .contains("no request was sent")
                .doesNotContain("request ID");
    }

    @Test
    void customerLinkLimitNamesTheCustomerTheLimitAndTheWait() {
        CustomerId customer = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
        Instant retryAt = Instant.parse("2024-10-01T12:00:42Z");

        CustomerLinkLimitException e = new CustomerLinkLimitException(customer, 20, Duration.ofSeconds(42), retryAt);

        assertThat(e).isInstanceOf(PortalLinkException.class).isNotInstanceOf(PaddleRateLimitedException.class);
        assertThat(e.customer()).isEqualTo(customer);
        assertThat(e.limitPerMinute()).isEqualTo(20);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        assertThat(e.retryAt()).isEqualTo(retryAt);
        assertThat(e.requestId()).isNull();
        assertThat(e.getMessage())
                .contains("ctm_01gysfvfy7vqhpzkq8rjmrq7an", "more than 20 portal links within a minute",
                        "paddle.portal.links-per-customer-per-minute", "no request was sent", "try again after 2024-10-01T12:00:42Z");
    }

    @Test
    void customerLinkLimitRefusesImpossibleValues() {
        CustomerId customer = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
        Instant at = Instant.parse("2024-10-01T12:00:42Z");

        assertThatThrownBy(() -> new CustomerLinkLimitException(customer, 0, Duration.ZERO, at)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limitPerMinute");
        assertThatThrownBy(() -> new CustomerLinkLimitException(customer, 5, Duration.ofSeconds(-1), at))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryAfter");
        assertThatThrownBy(() -> new CustomerLinkLimitException(null, 5, Duration.ZERO, at)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("customer");
        assertThatThrownBy(() -> new CustomerLinkLimitException(customer, 5, Duration.ZERO, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("retryAt");
    }

    @Test
    void unavailableAfterServerErrorsNamesReasonAttemptsAndStatus() {
        IOException cause = new IOException("HTTP 503");

        PaddleUnavailableException e = new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION,
                PaddleUnavailableException.Reason.SERVER_ERROR, 503, 3, REQUEST_ID, cause);

        assertThat(e.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
        assertThat(e.reason()).isEqualTo(PaddleUnavailableException.Reason.SERVER_ERROR);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.getMessage()).isEqualTo("Paddle answered with a server error when trying to create a customer portal session"
                + " (HTTP 503) after 3 attempts. Try again later [Paddle request ID " + REQUEST_ID + "]");
    }

    @Test
    void unavailableWithoutHttpAnswerLeavesTheStatusOut() {
        PaddleUnavailableException e = new PaddleUnavailableException(PaddleOperation.LIST_SUBSCRIPTIONS,
                PaddleUnavailableException.Reason.TIMEOUT, 0, 1, null, new HttpTimeoutException("request timed out"));

        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage())
                .isEqualTo("Paddle did not answer in time when trying to list subscriptions after 1 attempt. Try again later");
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void unavailableWithoutAnyRequestSaysSo() {
        PaddleUnavailableException e = new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION,
                PaddleUnavailableException.Reason.CIRCUIT_OPEN, 0, 0, null, null);

        assertThat(e.attempts()).isZero();
        assertThat(e.getMessage()).contains("circuit breaker is open and no request was sent").contains("after 0 attempts");
        assertThat(e.getCause()).isNull();
    }

    @ParameterizedTest
    @EnumSource(PaddleUnavailableException.Reason.class)
    void unavailableMessageNamesEveryReason(PaddleUnavailableException.Reason reason) {
        PaddleUnavailableException e = new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, reason, 0, 2, null, null);

        assertThat(reason.description()).isNotBlank();
        assertThat(e.getMessage()).startsWith("Paddle " + reason.description() + " when trying to").contains("after 2 attempts");
    }

    @ParameterizedTest
    @EnumSource(PaddleUnavailableException.Reason.class)
    void onlyTransientReasonsSayTryAgainLater(PaddleUnavailableException.Reason reason) {
        PaddleUnavailableException e = new PaddleUnavailableException(PaddleOperation.LIST_SUBSCRIPTIONS, reason, 0, 1, null, null);

        if (reason.isTransient()) {
            assertThat(e.getMessage()).endsWith("Try again later");
        } else {
            assertThat(e.getMessage()).doesNotContain("Try again later").contains("check paddle-api/mp-rest/");
        }
    }

    @Test
    void tlsAndProxyFailuresAreNotTransient() {
        assertThat(PaddleUnavailableException.Reason.TLS_FAILURE.isTransient()).isFalse();
        assertThat(PaddleUnavailableException.Reason.PROXY_FAILURE.isTransient()).isFalse();
        assertThat(PaddleUnavailableException.Reason.IO_ERROR.isTransient()).isTrue();
    }

    @Test
    void unexpectedResponseHasItsGettersAndRedactsTheProblem() {
        IllegalStateException cause = new IllegalStateException("unexpected token at 17");

        UnexpectedPaddleResponseException e = new UnexpectedPaddleResponseException(PaddleOperation.CREATE_PORTAL_SESSION,
                "link https://evil.example/?token=pga_secretvalue123 has the wrong origin", REQUEST_ID, cause);

        assertThat(e.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.getMessage())
                .startsWith("Paddle's answer to create a customer portal session was rejected: link https://evil.example/?token=[redacted]"
                        + " has the wrong origin")
                .contains("No link was handed out")
                .contains(REQUEST_ID)
                .doesNotContain("pga_secretvalue123");
        assertThat(e.toString()).doesNotContain("pga_secretvalue123");
    }

    @Test
    void configurationNamesThePropertyAndNeverTheKey() {
        PortalConfigurationException e = new PortalConfigurationException("paddle.api-key",
                "the key " + API_KEY + " is a sandbox key but paddle.environment is live");

        assertThat(e.property()).isEqualTo("paddle.api-key");
        assertThat(e.requestId()).isNull();
        assertThat(e.getCause()).isNull();
        assertThat(e.getMessage())
                .isEqualTo("Invalid configuration of paddle.api-key: the key [redacted] is a sandbox key but paddle.environment is live");
        assertThat(e.toString()).doesNotContain("SECRET");
    }
}
