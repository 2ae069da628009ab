package dev.portallinks.endpoint;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One exception of each kind the service throws, as the unit tests' service throws them; each message holds a secret-looking text. */
final class Failures {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    static final String REQUEST_ID = "b15ec92e-8688-40d4-a04d-af6bf3e4b8b4";

    private Failures() {
    }

    static CustomerLinkLimitException customerLimit() {
        return new CustomerLinkLimitException(CUSTOMER, 20, Duration.ofMillis(11_200), NOW.plusMillis(11_200));
    }

    static PaddleRateLimitedException rateLimited() {
        return new PaddleRateLimitedException(PaddleOperation.CREATE_PORTAL_SESSION, Duration.ofSeconds(30), NOW.plusSeconds(30), true, REQUEST_ID);
    }

    static PaddleUnavailableException unavailable() {
        return new PaddleUnavailableException(PaddleOperation.CREATE_PORTAL_SESSION, PaddleUnavailableException.Reason.SERVER_ERROR, 503, 3, REQUEST_ID,
                null);
    }

    static PaddleRequestRefusedException refused() {
        return new PaddleRequestRefusedException(PaddleOperation.CREATE_PORTAL_SESSION, 403, "request_error", "forbidden",
                "You aren't permitted to perform this request.", "https://developer.paddle.com/v1/errors/shared/forbidden", REQUEST_ID, List.of());
    }

    static UnexpectedPaddleResponseException unexpectedAnswer() {
        return new UnexpectedPaddleResponseException(PaddleOperation.CREATE_PORTAL_SESSION,
                "the overview link https://evil.example.net/cpl_01?token=pga_secret is not on an allowed portal origin", REQUEST_ID, null);
    }

    static PortalConfigurationException configuration() {
        return new PortalConfigurationException("paddle.api-key", "the key is missing; set PADDLE_API_KEY");
    }
}
