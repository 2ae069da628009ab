package dev.portallinks.redeploy;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.endpoint.PortalCustomer;
import dev.portallinks.endpoint.PortalCustomerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one signed-in customer of the test application and its subscriptions, from MicroProfile Config: the billing
 * page shows them ({@code #{account}}) and the redirect endpoint asks here who is clicking.
 */
@Named("account")
@ApplicationScoped
public class Account implements PortalCustomerResolver {

    @Inject
    @ConfigProperty(name = "redeploy.customer")
    String customer;

    @Inject
    @ConfigProperty(name = "redeploy.subscriptions")
    List<String> subscriptions;

    /** @return the customer's ID */
    public String getCustomer() {
        return customer;
    }

    /** @return the customer's subscription IDs */
    public List<String> getSubscriptions() {
        return subscriptions;
    }

    @Override
    public Optional<PortalCustomer> resolve(HttpServletRequest request) {
        return Optional.of(PortalCustomer.of(CustomerId.of(customer), subscriptions.stream().map(SubscriptionId::of).toList()));
    }
}
