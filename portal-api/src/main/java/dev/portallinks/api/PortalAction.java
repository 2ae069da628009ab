package dev.portallinks.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A page of the Paddle customer portal that a link opens.
 *
 * <p>{@link #OVERVIEW} is the customer's home page in the portal; the other two need a subscription and
 * open that subscription's page with a form already open.
 */
public enum PortalAction {

    /** The portal's home page: subscriptions, payments, invoices. Needs no subscription. */
    OVERVIEW("overview", false),

    /** The subscription's page with the cancellation form open. */
    CANCEL_SUBSCRIPTION("cancel_subscription", true),

    /** The subscription's page with the payment-method form open. */
    UPDATE_PAYMENT_METHOD("update_subscription_payment_method", true);

    private final String paddleName;
    private final boolean needsSubscription;

    PortalAction(String paddleName, boolean needsSubscription) {
        this.paddleName = paddleName;
        this.needsSubscription = needsSubscription;
    }

    /**
     * Returns the value Paddle puts in the link's {@code action} query parameter.
     *
     * @return the name, never null
     */
    public String paddleName() {
        return paddleName;
    }

    /**
     * Tells whether links for this action belong to one subscription.
     *
     * @return true for the subscription actions
     */
    public boolean needsSubscription() {
        return needsSubscription;
    }

    /**
     * Parses an action name as page authors and Paddle write it: {@code overview},
     * {@code cancel_subscription}, {@code update_payment_method} or {@code update_subscription_payment_method}
     * (case-insensitive, {@code -} accepted for {@code _}).
     *
     * @param name the name, not null
     * @return the action, never null
     * @throws IllegalArgumentException if the name is none of these
     */
    public static PortalAction fromName(String name) {
        Objects.requireNonNull(name, "action must not be null; expected overview, cancel_subscription or update_payment_method");
        String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (PortalAction action : values()) {
            if (action.paddleName.equals(normalized) || action.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                return action;
            }
        }
        throw new IllegalArgumentException("action \"" + name + "\" is unknown; expected overview, cancel_subscription or update_payment_method");
    }
}
