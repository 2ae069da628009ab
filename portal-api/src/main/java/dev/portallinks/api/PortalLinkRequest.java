package dev.portallinks.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One request for a portal link, as {@link PortalLinkService#handOut} takes it: the page, whose portal, from which entry
 * point, and the fallback that entry point offers. Customer and subscription come from the server-side state of the
 * entry point, never from the browser's request. Immutable and validated at construction.
 *
 * <pre>{@code
 * PortalLinkResult result = portal.handOut(PortalLinkRequest.of(PortalAction.CANCEL_SUBSCRIPTION, customer, subscription,
 *         PortalEntryPoint.SERVICE));
 * }</pre>
 *
 * @param action the page to open, not null
 * @param customer the customer, not null
 * @param subscription the subscription whose page opens; not null for the subscription actions, null for
 *        {@link PortalAction#OVERVIEW} (a subscription given with the overview is dropped)
 * @param entryPoint where the link is asked for: the audit event names it, not null
 * @param fallback where to send the customer instead when the failure allows a fallback
 *        ({@link PortalLinkException#fallbackApplies()}), before the configured {@code paddle.portal.fallback-url}: an
 *        absolute URL, or whatever the entry point knows how to follow (the Faces components take a context path or a
 *        navigation outcome too); null for none
 */
public record PortalLinkRequest(PortalAction action, CustomerId customer, SubscriptionId subscription, PortalEntryPoint entryPoint, String fallback) {

    /**
     * Validates the request.
     *
     * @throws NullPointerException naming the missing field
     */
    public PortalLinkRequest {
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(entryPoint, "entryPoint must not be null");
        if (action.needsSubscription()) {
            Objects.requireNonNull(subscription, () -> "subscription must not be null for " + action);
        } else {
            subscription = null;
        }
        fallback = fallback == null || fallback.isBlank() ? null : fallback.strip();
    }

    /**
     * A request without a fallback of its own (the configured one still applies).
     *
     * @param action the page to open, not null
     * @param customer the customer, not null
     * @param subscription the subscription; not null for the subscription actions
     * @param entryPoint where the link is asked for, not null
     * @return the request
     */
    public static PortalLinkRequest of(PortalAction action, CustomerId customer, SubscriptionId subscription, PortalEntryPoint entryPoint) {
        return new PortalLinkRequest(action, customer, subscription, entryPoint, null);
    }

    /**
     * Returns the request's own fallback.
     *
     * @return the fallback, or empty when the request has none
     */
    public Optional<String> fallbackIfAny() {
        return Optional.ofNullable(fallback);
    }

    /**
     * Returns the Paddle session this link needs ({@link PortalSessionRequest#forAction}).
     *
     * @return the session request, never null
     */
    public PortalSessionRequest sessionRequest() {
        return PortalSessionRequest.forAction(action, customer, subscription);
    }
}
