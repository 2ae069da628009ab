package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// Which failures the library produced without a request to Paddle (logged at FINE by every entry point).
class RejectedWithoutCallingPaddleTest {

    private static final Instant LATER = Instant.parse("2026-12-02T12:00:30Z");

    @Test
    void theCustomerLimitAndTheOpenWindowAreRejectionsAPaddle429IsNot() {
        assertThat(new CustomerLinkLimitException(CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an"), 20, Duration.ofSeconds(30), LATER)
                .rejectedWithoutCallingPaddle()).isTrue();
        assertThat(new PaddleRateLimitedException(PaddleOperation.CREATE_PORTAL_SESSION, Duration.ofSeconds(30), LATER, false, null)
                .rejectedWithoutCallingPaddle()).isTrue();
        assertThat(new PaddleRateLimitedException(PaddleOperation.CREATE_PORTAL_SESSION, Duration.ofSeconds(30), LATER, true, null)
                .rejectedWithoutCallingPaddle()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PaddleUnavailableException.Reason.class)
    void onlyAnOpenCircuitAndAFullBulkheadSendNothing(PaddleUnavailableException.Reason reason) {
        boolean expected = reason == PaddleUnavailableException.Reason.CIRCUIT_OPEN || reason == PaddleUnavailableException.Reason.BULKHEAD_FULL;

        assertThat(new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, reason, 0, expected ? 0 : 1, null, null)
                .rejectedWithoutCallingPaddle()).isEqualTo(expected);
    }

    @Test
    void answersOfPaddlesAndConfigurationErrorsAreNotRejections() {
        assertThat(new PaddleRequestRefusedException(PaddleOperation.CREATE_PORTAL_SESSION, 403, "request_error", "forbidden", "no", null, null,
                List.of()).rejectedWithoutCallingPaddle()).isFalse();
        assertThat(new UnexpectedPaddleResponseException(PaddleOperation.CREATE_PORTAL_SESSION, "bad", null, null).rejectedWithoutCallingPaddle())
                .isFalse();
        assertThat(new PortalConfigurationException("paddle.api-key", "missing").rejectedWithoutCallingPaddle()).isFalse();
    }
}
