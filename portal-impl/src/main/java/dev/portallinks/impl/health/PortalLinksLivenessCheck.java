package dev.portallinks.impl.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of Portal Links, named {@value PortalLinksReadinessCheck#NAME}: UP whenever the check's bean answers.
 * Nothing the library can get into needs a restart (an invalid configuration or an unavailable Paddle is a
 * readiness matter, see {@link PortalLinksReadinessCheck}), and it never calls Paddle.
 */
@Liveness
@ApplicationScoped
public class PortalLinksLivenessCheck implements HealthCheck {

    /**
     * Reports UP.
     *
     * @return an UP response without data
     */
    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse(PortalLinksReadinessCheck.NAME, HealthCheckResponse.Status.UP, Optional.empty());
    }
}
