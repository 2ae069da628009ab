package dev.portallinks.endpoint.it.app;

import dev.portallinks.endpoint.PortalCustomer;
import dev.portallinks.endpoint.PortalCustomerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The test application's resolver, as an application with a session-based login would write it: who is signed in is in
 * the HTTP session ({@link TestResource#signIn}, the test's stand-in for a login), never in the request's own data.
 */
@ApplicationScoped
public class SessionCustomerResolver implements PortalCustomerResolver {

    /** The session attribute the login sets. */
    static final String SIGNED_IN = SessionCustomerResolver.class.getName() + ".customer";

    @Override
    public Optional<PortalCustomer> resolve(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (PortalCustomer) session.getAttribute(SIGNED_IN));
    }
}
