package dev.portallinks.faces.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test application's server-side state: the signed-in customer and their subscriptions, as an
 * application's own bean would hold them. Tests change it through {@link StateResource}, never through the page.
 */
@Named("account")
@ApplicationScoped
public class Account {

    /** The customer every test page is for. */
    public static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    private final List<String> subscriptions = new CopyOnWriteArrayList<>();

    /** @return the customer's Paddle ID */
    public String getCustomer() {
        return CUSTOMER;
    }

    /** @return the customer's subscriptions */
    public List<String> getSubscriptions() {
        return List.copyOf(subscriptions);
    }

    /** @return the first subscription, for the single button, or null */
    public String getFirst() {
        return subscriptions.isEmpty() ? null : subscriptions.get(0);
    }

    void replace(List<String> replacement) {
        subscriptions.clear();
        subscriptions.addAll(replacement);
    }

    boolean remove(String subscription) {
        return subscriptions.remove(subscription);
    }
}
