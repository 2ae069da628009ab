package dev.portallinks.benchmarks.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The rendering benchmark's server-side state: one customer with the most subscriptions a session may carry. */
@Named("benchAccount")
@ApplicationScoped
public class BenchAccount {

    private final List<String> subscriptions = BenchmarkIds.subscriptions(BenchmarkIds.MAX_SUBSCRIPTIONS);

    /** @return the customer's Paddle ID */
    public String getCustomer() {
        return BenchmarkIds.CUSTOMER;
    }

    /** @return the customer's 25 subscriptions */
    public List<String> getSubscriptions() {
        return subscriptions;
    }
}
