package dev.portallinks.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Tells the redirect endpoint who is asking: the application implements it as a CDI bean (exactly one), and the
 * endpoint calls it for every request. The endpoint never takes the customer from the request itself: whose portal
 * opens, and which subscriptions may be cancelled, is decided here, from the application's own server-side state.
 *
 * <p>Read who is signed in from what the browser cannot choose: the authenticated principal
 * ({@link HttpServletRequest#getUserPrincipal()}, or an injected {@code jakarta.security.enterprise.SecurityContext}),
 * or your login's HTTP session. Never from a parameter, header, cookie value or body the browser sends. Then look up
 * that user's Paddle customer and the subscriptions this user may manage in your own data:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AccountCustomerResolver implements PortalCustomerResolver {
 *
 *     @Inject
 *     AccountRepository accounts;   // your own data: user -> Paddle customer and subscriptions
 *
 *     @Override
 *     public Optional<PortalCustomer> resolve(HttpServletRequest request) {
 *         Principal user = request.getUserPrincipal();        // set by the server's authentication, never by the browser
 *         if (user == null) {
 *             return Optional.empty();                         // not signed in: the endpoint answers 401
 *         }
 *         return accounts.findByLogin(user.getName())
 *                 .map(account -> PortalCustomer.of(account.paddleCustomerId(), account.subscriptionsTheUserMayManage()));
 *     }
 * }
 * }</pre>
 *
 * <p>When the endpoint is enabled ({@code portal.endpoint.enabled}, true unless set) and no bean implements this
 * interface, or more than one does, the application fails to deploy with a message naming this interface.
 *
 * <p>Implementations are called on the request's thread, possibly concurrently for different requests; a
 * {@code @RequestScoped} or {@code @ApplicationScoped} bean (thread-safe) will do. They must not call Paddle: the
 * endpoint checks ownership before any call, so a refused request costs nothing.
 */
public interface PortalCustomerResolver {

    /**
     * Returns the signed-in user's customer and the subscriptions this user may manage.
     *
     * @param request the current request: read its principal or session, never its parameters, headers or body
     * @return the customer, or empty when nobody is signed in (the endpoint answers {@code 401})
     */
    Optional<PortalCustomer> resolve(HttpServletRequest request);
}
