/**
 * The Portal Links demo: an "Account &gt; Billing" page that lists the customer's subscriptions through
 * {@link dev.portallinks.api.PortalLinkService} and sends them to the customer portal with
 * {@code <pl:billingButtons>}, and the same page in plain HTML and JavaScript ({@code spa.html}, with its JSON from
 * {@link dev.portallinks.demo.SubscriptionsServlet}) that uses the redirect endpoint, with
 * {@link dev.portallinks.demo.DemoCustomerResolver} saying who asks. Runs on the embedded Paddle simulator
 * ({@link dev.portallinks.demo.simulator}) unless {@code PADDLE_API_KEY} is set.
 */
package dev.portallinks.demo;
