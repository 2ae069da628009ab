package dev.portallinks.impl;

import dev.portallinks.api.PortalConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The library's configuration from MicroProfile Config, validated once and kept.
 *
 * <p>It is checked when the application starts: a problem is logged (SEVERE, naming the property, never the
 * key) without stopping the application, and every call then fails with the same
 * {@link PortalConfigurationException} until it is fixed.
 */
@ApplicationScoped
public class PortalLinksConfig {

    private static final Logger LOG = Logger.getLogger(PortalLinksConfig.class.getName());

    private final Config config;
    private volatile PortalLinksSettings settings;

    /** For CDI proxies. */
    protected PortalLinksConfig() {
        this.config = null;
    }

    /**
     * Creates the bean.
     *
     * @param config the application's MicroProfile Config
     */
    @Inject
    public PortalLinksConfig(Config config) {
        this.config = config;
    }

    /**
     * Returns the validated settings.
     *
     * @return the settings, never null
     * @throws PortalConfigurationException naming the property that is wrong
     */
    public PortalLinksSettings settings() {
        PortalLinksSettings current = settings;
        if (current == null) {
            current = new SettingsReader(property -> config.getOptionalValue(property, String.class)).read();
            settings = current;
        }
        return current;
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        try {
            PortalLinksSettings ready = settings();
            LOG.info(() -> "Portal Links: Paddle " + ready.environment().configName() + " API at " + ready.baseUrl()
                    + ", portal links allowed from " + ready.allowedOrigins() + ", HTTP read timeout " + ready.readTimeout().toMillis() + " ms");
            ready.notices().forEach(notice -> LOG.warning(() -> "Portal Links: " + notice));
        } catch (PortalConfigurationException invalid) {
            LOG.severe(() -> "Portal Links is not usable until its configuration is fixed: " + invalid.getMessage());
        }
    }
}
