package dev.portallinks.impl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// The outcome in spans and metrics names the API's exception category; every unavailable reason has its own.
class PaddleCallOutcomeTest {

    private static final PaddleOperation OPERATION = PaddleOperation.CREATE_PORTAL_SESSION;

    @Test
    void noFailureIsSuccess() {
        assertThat(PaddleCallOutcome.of(null)).isEqualTo(PaddleCallOutcome.SUCCEEDED);
        assertThat(PaddleCallOutcome.SUCCEEDED.tag()).isEqualTo("succeeded");
    }

    @ParameterizedTest
    @EnumSource(PaddleUnavailableException.Reason.class)
    void eachUnavailableReasonIsItsOwnOutcome(PaddleUnavailableException.Reason reason) {
        PaddleCallOutcome outcome = PaddleCallOutcome.of(new PaddleUnavailableException(OPERATION, reason, 0, 1, null, null));

        String expected = reason == PaddleUnavailableException.Reason.TIMEOUT ? "timed_out" : reason.name().toLowerCase(Locale.ROOT);
        assertThat(outcome.tag()).isEqualTo(expected);
    }

    @Test
    void theOtherCategories() {
        assertThat(PaddleCallOutcome.of(new PaddleRateLimitedException(OPERATION, Duration.ofSeconds(1), Instant.EPOCH, true, null)))
                .isEqualTo(PaddleCallOutcome.RATE_LIMITED);
        assertThat(PaddleCallOutcome.of(new PaddleRequestRefusedException(OPERATION, 403, "request_error", "forbidden", "no", null, null, List.of())))
                .isEqualTo(PaddleCallOutcome.REFUSED);
        assertThat(PaddleCallOutcome.of(new UnexpectedPaddleResponseException(OPERATION, "odd", null, null)))
                .isEqualTo(PaddleCallOutcome.UNEXPECTED_ANSWER);
        assertThat(PaddleCallOutcome.of(new IllegalStateException("a bug"))).isEqualTo(PaddleCallOutcome.OTHER_ERROR);
        assertThat(PaddleCallOutcome.values()).extracting(PaddleCallOutcome::tag).doesNotHaveDuplicates()
                .allSatisfy(tag -> assertThat(tag).matches("[a-z_]+"));
    }

    @Test
    void aConfigurationFailureIsConfiguration() {
        assertThat(PaddleCallOutcome.of(new PortalConfigurationException("paddle.api-key", "missing"))).isEqualTo(PaddleCallOutcome.CONFIGURATION);
    }
}
