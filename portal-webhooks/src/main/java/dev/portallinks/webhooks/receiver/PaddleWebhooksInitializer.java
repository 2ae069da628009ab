package dev.portallinks.webhooks.receiver;

import dev.portallinks.api.PortalConfigurationException;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Registers the webhook receiver when the application starts: a servlet at {@code /{paddle.webhooks.path}} (default
 * {@code /paddle/webhooks}) when the receiver is enabled (see the package {@code dev.portallinks.webhooks} for the
 * configuration). The server finds this class through {@code META-INF/services}; applications do not use it.
 *
 * <p>A servlet registered here, rather than a Jakarta REST resource, because its path comes from configuration, it reads
 * the raw bytes the signature covers, and it can be left out altogether. A wrong {@code paddle.webhooks.*} value, or a path
 * another servlet has, fails the deployment with a message naming the property; so does a server without Jakarta
 * Concurrency's default managed executor, on which the events are fired.
 */
public final class PaddleWebhooksInitializer implements ServletContainerInitializer {

    /** The servlet's name in the application, e.g. for a {@code <filter-mapping>} by servlet name. */
    public static final String SERVLET_NAME = "dev.portallinks.webhooks.PaddleWebhooks";

    private static final Logger LOG = Logger.getLogger(PaddleWebhooksInitializer.class.getName());

    /** Called by the server's {@link java.util.ServiceLoader}. */
    public PaddleWebhooksInitializer() {
        // Stateless: everything happens in onStartup.
    }

    /**
     * Registers the servlet, when enabled.
     *
     * @param classes unused (no {@code @HandlesTypes})
     * @param context the application
     * @throws ServletException when the configuration is wrong, the path is taken or there is no managed executor
     */
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        WebhookSettings settings;
        try {
            settings = WebhookSettings.fromConfig(context.getClassLoader());
        } catch (PortalConfigurationException wrong) {
            throw new ServletException("Portal Links webhooks: " + wrong.getMessage(), wrong);
        }
        if (!settings.enabled()) {
            LOG.info(() -> "Portal Links webhooks: no receiver in " + context.getContextPath() + " (no " + WebhookSettings.SECRETS + " set, or "
                    + WebhookSettings.ENABLED + "=false)");
            return;
        }
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, new WebhookServlet(settings, WebhookServlet.lookUpExecutor()));
        if (registration == null) {
            throw new ServletException("Portal Links webhooks: the application already has a servlet named " + SERVLET_NAME);
        }
        registration.setLoadOnStartup(1);
        Set<String> taken = registration.addMapping(settings.servletMapping());
        if (!taken.isEmpty()) {
            throw new ServletException("Portal Links webhooks: " + taken + " is already mapped to another servlet; choose another path with "
                    + WebhookSettings.PATH + " (now \"" + settings.path() + "\"), or set " + WebhookSettings.ENABLED + "=false");
        }
        LOG.info(() -> "Portal Links webhooks: receiving Paddle's notifications at " + context.getContextPath() + settings.servletMapping() + " ("
                + settings + ")");
    }
}
