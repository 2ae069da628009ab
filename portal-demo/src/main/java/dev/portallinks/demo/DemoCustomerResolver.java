package dev.portallinks.demo;

import dev.portallinks.endpoint.PortalCustomer;
import dev.portallinks.endpoint.PortalCustomerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is asking, for the redirect endpoint ({@code POST portal/…}) that the plain HTML/JS page uses.
 *
 * <p><strong>The demo has no login, so this is not how an application decides.</strong> Here the "signed-in user" is
 * always the demo's configured customer ({@link DemoSettings#customer()}, the one both billing pages show), and the
 * subscriptions this user may manage are those {@link CustomerSubscriptions} listed through
 * {@code PortalLinkService.listSubscriptions} when the page loaded in this browser session ({@link ListedSubscriptions},
 * canceled ones left out). All of it is server-side state; nothing comes from the request. A session that has not
 * listed them may open the overview only.
 *
 * <p>A real application uses its login here: the authenticated principal ({@link HttpServletRequest#getUserPrincipal()})
 * or its login's session, mapped to that user's Paddle customer and subscriptions in its own data, and empty when
 * nobody is signed in. Without a login, as in this demo, anyone who can reach the page acts as its one customer.
 *
 * <p>No call to Paddle here: the endpoint checks ownership before it calls Paddle, so a refused click costs nothing.
 */
@ApplicationScoped
public class DemoCustomerResolver implements PortalCustomerResolver {

    @Inject
    DemoSettings settings;

    @Inject
    ListedSubscriptions listed;

    @Override
    public Optional<PortalCustomer> resolve(HttpServletRequest request) {
        // No customer configured is the demo's "nobody signed in": the endpoint answers 401.
        return settings.customer().map(customer -> PortalCustomer.of(customer, listed.manageable()));
    }
}
