package dev.portallinks.readme;

import dev.portallinks.endpoint.PortalCustomer;
import dev.portallinks.endpoint.PortalCustomerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/** Who is asking, for the redirect endpoint: the signed-in user's Paddle customer and subscriptions, from your own data. */
@ApplicationScoped
public class AccountCustomerResolver implements PortalCustomerResolver {

    @Inject
    AccountRepository accounts;   // your own data: user -> Paddle customer and subscriptions

    @Override
    public Optional<PortalCustomer> resolve(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();        // set by the server's authentication, never by the browser
        if (user == null) {
            return Optional.empty();                         // not signed in: 401
        }
        return accounts.findByLogin(user.getName())
                .map(account -> PortalCustomer.of(account.paddleCustomerId(), account.subscriptionsTheUserMayManage()));
    }
}
