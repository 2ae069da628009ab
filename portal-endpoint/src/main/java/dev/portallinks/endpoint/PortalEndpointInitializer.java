package dev.portallinks.endpoint;

import dev.portallinks.api.PortalConfigurationException;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.time.Clock;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Registers the redirect endpoint when the application starts: a servlet at {@code /{portal.endpoint.path}/*}, unless
 * {@code portal.endpoint.enabled} is false. The server finds this class through {@code META-INF/services}; applications
 * do not use it.
 *
 * <p>A servlet registered here, rather than a Jakarta REST resource, because its path comes from configuration and it can
 * be left out altogether: a resource's {@code @Path} is fixed at compile time, and it would join whatever REST
 * application the application has (or lack one). This works alike on every servlet container.
 *
 * <p>A wrong {@code portal.endpoint.*} value, or a path another servlet already has, fails the deployment with a message
 * naming the property.
 */
public final class PortalEndpointInitializer implements ServletContainerInitializer {

    /** The servlet's name in the application, e.g. for a {@code <filter-mapping>} of the application's by servlet name. */
    public static final String SERVLET_NAME = "dev.portallinks.endpoint.PortalEndpoint";

    private static final Logger LOG = Logger.getLogger(PortalEndpointInitializer.class.getName());

    /** Called by the server's {@link java.util.ServiceLoader}. */
    public PortalEndpointInitializer() {
        // Stateless: everything happens in onStartup.
    }

    /**
     * Registers the servlet, when enabled.
     *
     * @param classes unused (no {@code @HandlesTypes})
     * @param context the application
     * @throws ServletException when the configuration is wrong or the path is taken
     */
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        EndpointSettings settings;
        try {
            settings = EndpointSettings.fromConfig(context.getClassLoader());
        } catch (PortalConfigurationException wrong) {
            throw new ServletException("Portal Links redirect endpoint: " + wrong.getMessage(), wrong);
        }
        if (!settings.enabled()) {
            LOG.info(() -> "Portal Links redirect endpoint is off in " + context.getContextPath() + " (" + EndpointSettings.ENABLED + "=false)");
            return;
        }
        PortalEndpoint endpoint = new PortalEndpoint(new CrossSiteGuard(settings.allowedOrigins(), settings.allowRequestsWithoutOrigin()),
                CdiBeans::service, Clock.systemUTC());
        ServletRegistration.Dynamic registration = context.addServlet(SERVLET_NAME, new PortalEndpointServlet(endpoint));
        if (registration == null) {
            throw new ServletException("Portal Links redirect endpoint: the application already has a servlet named " + SERVLET_NAME);
        }
        Set<String> taken = registration.addMapping(settings.servletMapping());
        if (!taken.isEmpty()) {
            throw new ServletException("Portal Links redirect endpoint: " + taken + " is already mapped to another servlet; choose another path with "
                    + EndpointSettings.PATH + " (now \"" + settings.path() + "\"), or set " + EndpointSettings.ENABLED + "=false");
        }
        LOG.info(() -> "Portal Links redirect endpoint at " + endpointBase(context.getContextPath(), settings.path()) + " (POST "
                + Route.OVERVIEW.substring(1) + ", subscriptions/{id}/" + Route.CANCEL + ", subscriptions/{id}/" + Route.UPDATE_PAYMENT_METHOD + ")"
                + (settings.allowedOrigins().isEmpty() ? "" : "; other origins allowed: " + settings.allowedOrigins()));
    }

    /**
     * Where the endpoint answers, as the start-up line shows it: {@code /shop/portal/}, or {@code /portal/} under the
     * root context, whichever way the server writes that ({@code ""}, as the specification says, or {@code "/"}).
     */
    static String endpointBase(String contextPath, String path) {
        String context = contextPath == null ? "" : contextPath;
        while (context.endsWith("/")) {
            context = context.substring(0, context.length() - 1);
        }
        return context + "/" + path + "/";
    }
}
