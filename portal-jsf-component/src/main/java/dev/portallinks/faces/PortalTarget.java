package dev.portallinks.faces;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;

/**
 * What a click resolved to, from server-side state only.
 *
 * @param action the portal page
 * @param customer the customer, from the component's {@code customer} expression
 * @param subscription the subscription from the component's server-side set, or null for the overview
 */
record PortalTarget(PortalAction action, CustomerId customer, SubscriptionId subscription) {
}
