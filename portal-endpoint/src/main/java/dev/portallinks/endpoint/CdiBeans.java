package dev.portallinks.endpoint;

import dev.portallinks.api.PortalLinkService;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The application's beans the endpoint uses, looked up for each request (the servlet is no CDI bean): the service and
 * the customer resolver. The deployment check ({@link PortalEndpointExtension}) has made sure there is exactly one of each.
 */
final class CdiBeans {

    private CdiBeans() {
    }

    /** @return the application's {@link PortalLinkService} */
    static PortalLinkService service() {
        Instance<PortalLinkService> candidates = CDI.current().select(PortalLinkService.class);
        if (!candidates.isResolvable()) {
            throw new IllegalStateException("No single PortalLinkService bean: add dev.portallinks:portal-impl (or another implementation)");
        }
        return candidates.get();
    }

    /**
     * Asks the application's {@link PortalCustomerResolver} who is signed in.
     *
     * @param request the current request, for the resolver
     * @return what the resolver answered
     */
    static Optional<PortalCustomer> currentCustomer(HttpServletRequest request) {
        // A handle, so a @Dependent resolver is destroyed after the request; for a normal-scoped one closing does nothing.
        try (Instance.Handle<PortalCustomerResolver> resolver = CDI.current().select(PortalCustomerResolver.class).getHandle()) {
            return resolver.get().resolve(request);
        }
    }
}
