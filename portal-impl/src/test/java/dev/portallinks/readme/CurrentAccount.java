package dev.portallinks.readme;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/**
 * README's "your own server-side state": in an application, who is signed in (from the session or the security
 * context) and what they own (from its database). Here: one customer who owns one subscription.
 */
@RequestScoped
public class CurrentAccount {

    /** The signed-in customer. */
    public static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    /** Their subscription. */
    public static final String SUBSCRIPTION = "sub_01h04vsc0qhwtsbsxh3422wjs4";

    /** @return the signed-in customer's Paddle ID */
    public CustomerId paddleCustomerId() {
        return CustomerId.of(CUSTOMER);
    }

    /**
     * @param subscription a subscription
     * @return whether the signed-in customer owns it
     */
    public boolean ownsSubscription(SubscriptionId subscription) {
        return Set.of(SubscriptionId.of(SUBSCRIPTION)).contains(subscription);
    }
}
