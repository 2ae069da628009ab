package dev.portallinks.demo;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The "Account &gt; Billing" page: the customer's subscriptions, listed once per view through
 * {@link CustomerSubscriptions}, kept on the server for the billing buttons. Failures become a friendly message, never
 * a stack trace.
 */
@Named("billing")
@ViewScoped
public class BillingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CustomerSubscriptions listings;

    @Inject
    DemoSettings settings;

    private List<SubscriptionSummary> subscriptions;
    private String problem;

    /** @return the customer's Paddle ID (server-side state for the buttons), or null when not configured */
    public CustomerId getCustomer() {
        return settings.customer().orElse(null);
    }

    /** @return whether the simulator is in use */
    public boolean isSimulator() {
        return settings.simulator();
    }

    /** @return the subscriptions, loaded on first use in this view; empty when they could not be loaded */
    public List<SubscriptionSummary> getSubscriptions() {
        if (subscriptions == null) {
            CustomerSubscriptions.Listing listing = listings.list(texts());
            problem = listing.problem();
            subscriptions = listing.subscriptions();
        }
        return subscriptions;
    }

    /** @return a friendly explanation of why the subscriptions could not be loaded, or null */
    public String getProblem() {
        getSubscriptions();
        return problem;
    }

    /**
     * @param subscription a row
     * @return its product names
     */
    public String products(SubscriptionSummary subscription) {
        return texts().products(subscription);
    }

    /**
     * @param subscription a row
     * @return its status in words
     */
    public String status(SubscriptionSummary subscription) {
        return texts().status(subscription);
    }

    /**
     * @param subscription a row
     * @return a CSS modifier for its status
     */
    public String statusClass(SubscriptionSummary subscription) {
        return SubscriptionTexts.statusClass(subscription);
    }

    /**
     * @param subscription a row
     * @return when it is billed next, or a dash
     */
    public String nextBilling(SubscriptionSummary subscription) {
        return texts().nextBilling(subscription);
    }

    /**
     * @param subscription a row
     * @return the price of one period, formatted for the view's locale
     */
    public String price(SubscriptionSummary subscription) {
        return texts().price(subscription);
    }

    private static SubscriptionTexts texts() {
        return new SubscriptionTexts(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
}
