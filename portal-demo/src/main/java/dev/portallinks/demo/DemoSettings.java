package dev.portallinks.demo;

import dev.portallinks.api.CustomerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The demo's own settings: which customer the page is for, and whether the simulator is in use. */
@ApplicationScoped
public class DemoSettings {

    private static final Logger LOG = Logger.getLogger(DemoSettings.class.getName());

    @Inject
    @ConfigProperty(name = "portal.demo.customer-id")
    Optional<String> customerId;

    @Inject
    @ConfigProperty(name = "portal.demo.simulator", defaultValue = "false")
    boolean simulator;

    @Inject
    @ConfigProperty(name = "HTTP_PORT", defaultValue = "9080")
    String httpPort;

    /**
     * Returns the customer the billing page is for.
     *
     * @return the customer, or empty when PORTAL_DEMO_CUSTOMER_ID is missing or invalid
     */
    public Optional<CustomerId> customer() {
        try {
            return customerId.filter(id -> !id.isBlank()).map(CustomerId::of);
        } catch (IllegalArgumentException invalid) {
            LOG.warning(() -> "PORTAL_DEMO_CUSTOMER_ID is invalid: " + invalid.getMessage());
            return Optional.empty();
        }
    }

    /** @return whether the embedded Paddle simulator answers instead of Paddle */
    public boolean simulator() {
        return simulator;
    }

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.info(() -> "Portal Links demo is ready: open http://localhost:" + httpPort + "/ ("
                + (simulator ? "embedded Paddle simulator" : "Paddle API, customer " + customerId.orElse("not set: PORTAL_DEMO_CUSTOMER_ID")) + ")");
    }
}
