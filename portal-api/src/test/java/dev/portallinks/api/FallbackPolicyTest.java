package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

// The one fallback policy (PortalLinkException#fallbackApplies), shared by the service and the Faces components:
// a fallback stands in when Paddle cannot be used right now, never when it would hide a problem or reward a script.
class FallbackPolicyTest {

    private static final Instant LATER = Instant.parse("2026-12-02T12:00:30Z");

    @ParameterizedTest
    @EnumSource(value = PaddleUnavailableException.Reason.class, names = {"IO_ERROR", "TIMEOUT", "SERVER_ERROR", "CIRCUIT_OPEN", "BULKHEAD_FULL"})
    void paddleUnavailableForATransientReasonAllowsTheFallback(PaddleUnavailableException.Reason reason) {
        assertThat(new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, reason, 0, 1, null, null).fallbackApplies()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = PaddleUnavailableException.Reason.class, names = {"TLS_FAILURE", "PROXY_FAILURE"})
    void aBrokenTrustStoreOrProxyIsNeverHiddenByTheFallback(PaddleUnavailableException.Reason reason) {
        // The operator must fix these: a fallback would send every customer to the sign-in page and hide the cause.
        assertThat(new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, reason, 0, 1, null, null).fallbackApplies()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void paddleRateLimitingAllowsTheFallbackWhetherAnsweredOrInsideTheWindow(boolean answeredByPaddle) {
        assertThat(new PaddleRateLimitedException(PaddleOperation.CREATE_PORTAL_SESSION, Duration.ofSeconds(30), LATER, answeredByPaddle, null)
                .fallbackApplies()).isTrue();
    }

    @Test
    void aCustomerOverThePerCustomerLimitWaitsInsteadOfBeingSentElsewhere() {
        assertThat(new CustomerLinkLimitException(CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an"), 20, Duration.ofSeconds(30), LATER)
                .fallbackApplies()).isFalse();
    }

    @Test
    void aRefusedRequestIsNotHiddenByTheFallback() {
        assertThat(new PaddleRequestRefusedException(PaddleOperation.CREATE_PORTAL_SESSION, 403, "request_error", "forbidden", "no", null, null,
                List.of()).fallbackApplies()).isFalse();
    }

    @Test
    void anUnexpectedAnswerIsNotHiddenByTheFallback() {
        assertThat(new UnexpectedPaddleResponseException(PaddleOperation.CREATE_PORTAL_SESSION, "garbage", null, null).fallbackApplies()).isFalse();
    }

    @Test
    void wrongConfigurationIsNotHiddenByTheFallback() {
        assertThat(new PortalConfigurationException("paddle.api-key", "missing").fallbackApplies()).isFalse();
    }
}
