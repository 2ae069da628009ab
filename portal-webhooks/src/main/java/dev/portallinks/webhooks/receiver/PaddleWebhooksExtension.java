package dev.portallinks.webhooks.receiver;

import dev.portallinks.api.PortalConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fails the deployment when the receiver's configuration is wrong: {@code paddle.webhooks.enabled=true} without a secret,
 * a malformed secret, a bad path, tolerance or limit. The message names the property, never a secret's value. The CDI
 * container finds this class through {@code META-INF/services}; applications do not use it.
 */
public class PaddleWebhooksExtension implements Extension {

    /** Called by the CDI container's {@link java.util.ServiceLoader}. */
    public PaddleWebhooksExtension() {
        // Nothing to collect: the check runs after deployment validation.
    }

    void checkConfiguration(@Observes AfterDeploymentValidation validation) {
        problem(() -> WebhookSettings.fromConfig(PaddleWebhooksExtension.class.getClassLoader())).ifPresent(validation::addDeploymentProblem);
    }

    /**
     * What is wrong with the configuration.
     *
     * @param read reads the settings
     * @return the problem, empty when the settings are fine
     */
    static Optional<DeploymentException> problem(Supplier<WebhookSettings> read) {
        try {
            read.get();
            return Optional.empty();
        } catch (PortalConfigurationException wrong) {
            return Optional.of(new DeploymentException("Portal Links webhooks: " + wrong.getMessage(), wrong));
        }
    }
}
