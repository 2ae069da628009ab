/**
 * The Portal Links demo: an "Account &gt; Billing" page that lists the customer's subscriptions through
 * {@link dev.portallinks.api.PortalLinkService} and sends them to the customer portal with
 * {@code <pl:billingButtons>}. Runs on the embedded Paddle simulator ({@link dev.portallinks.demo.simulator})
 * unless {@code PADDLE_API_KEY} is set.
 */
package dev.portallinks.demo;
