package dev.portallinks.api;

import java.io.Serializable;

/**
 * An audit event of Portal Links: {@link PortalLinkIssued} or {@link PortalLinkRefused}. Observe this type to receive
 * both ({@code void audit(@ObservesAsync PortalAuditEvent event)}). Every event is free of links, tokens and keys.
 */
public sealed interface PortalAuditEvent extends Serializable permits PortalLinkIssued, PortalLinkRefused {

    /** @return whose portal, never null */
    CustomerId customer();

    /** @return the page asked for; null only for a refused request that named none the server offers */
    PortalAction action();

    /** @return the subscription of the page, or null */
    SubscriptionId subscription();

    /** @return where the link was asked for, never null */
    PortalEntryPoint entryPoint();
}
