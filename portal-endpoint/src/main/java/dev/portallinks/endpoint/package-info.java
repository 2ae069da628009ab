/**
 * The redirect endpoint for REST and single-page front ends: {@code POST {base}/overview},
 * {@code POST {base}/subscriptions/{id}/cancel} and {@code POST {base}/subscriptions/{id}/update-payment-method} answer
 * {@code 303 See Other} to a fresh, checked Paddle portal link (or {@code {"url": …}} for {@code Accept: application/json}),
 * with {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}.
 *
 * <p>The application says who is asking by implementing {@link dev.portallinks.endpoint.PortalCustomerResolver} as a CDI
 * bean, returning a {@link dev.portallinks.endpoint.PortalCustomer}: the customer and the subscriptions this user may
 * manage. The endpoint never takes either from the request. Before any call to Paddle it refuses anything but POST (405),
 * cross-site requests (403, by {@code Sec-Fetch-Site} and {@code Origin}), a request nobody signed in made (401), and a
 * subscription that is not the user's (403). Failures are problem details (RFC 9457); the fallback policy and the audit
 * events are those of {@link dev.portallinks.api.PortalLinkService#link}, with the entry point
 * {@link dev.portallinks.api.PortalEntryPoint#ENDPOINT}.
 *
 * <p>{@link dev.portallinks.endpoint.PortalEndpointInitializer} registers the servlet at {@code portal.endpoint.path}
 * (default {@code portal}) unless {@code portal.endpoint.enabled} is false;
 * {@link dev.portallinks.endpoint.PortalEndpointExtension} fails the deployment when the resolver or the service is missing.
 */
package dev.portallinks.endpoint;
