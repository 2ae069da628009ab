package dev.portallinks.api;

import java.net.URI;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Creates authenticated links to the Paddle Billing customer portal: the customer lands signed in, on the
 * overview or straight on a subscription's cancellation or payment-method form.
 *
 * <p>Inject it and ask for a link when the customer clicks; redirect to it and forget it:
 *
 * <pre>{@code
 * @Inject
 * PortalLinkService portal;
 *
 * public Response cancel(@PathParam("subscription") String subscription) {
 *     CustomerId customer = currentUser.paddleCustomerId();          // from your server-side state
 *     SubscriptionId id = SubscriptionId.of(subscription);           // validated before any call
 *     if (!currentUser.owns(id)) {
 *         throw new ForbiddenException();                            // the request never decides whose portal opens
 *     }
 *     URI link = portal.cancelSubscriptionLink(customer, id);         // fresh session, checked link
 *     return Response.seeOther(link).header("Cache-Control", "no-store").build();
 * }
 * }</pre>
 *
 * <p><b>Rules the implementation follows.</b> Every call creates a fresh session; nothing is cached (Paddle's
 * rule: the links carry temporary sign-in tokens). Every link is checked before it is returned: allowed portal
 * origin, the customer asked about, exactly the subscriptions asked for. Failures are reported as subtypes
 * of {@link PortalLinkException}; no message contains the API key or a token. Input is validated by the value
 * types ({@link CustomerId}, {@link SubscriptionId}, {@link PortalSessionRequest}) before any network call.
 *
 * <p><b>Thread safety.</b> Implementations must be thread-safe; one instance serves all requests.
 */
public interface PortalLinkService {

    /**
     * Creates a customer portal session: the overview link and, for each subscription in the request, its
     * cancel and update-payment-method links.
     *
     * @param request the customer and 0 to 25 unique subscriptions, not null
     * @return the session, never null; its links have passed the checks
     * @throws PaddleRequestRefusedException if Paddle refused the call (4xx)
     * @throws PaddleRateLimitedException if Paddle's rate limit is in force
     * @throws CustomerLinkLimitException if this customer asked for more links within a minute than the application
     *         allows ({@code paddle.portal.links-per-customer-per-minute}); nothing was sent to Paddle
     * @throws PaddleUnavailableException if Paddle could not be used (I/O error, timeout, 5xx, circuit open, bulkhead full)
     * @throws UnexpectedPaddleResponseException if Paddle's answer was unreadable or failed the link checks
     * @throws PortalConfigurationException if the library is not configured correctly
     */
    PortalSession createSession(PortalSessionRequest request);

    /**
     * Creates a session with the overview link only.
     *
     * @param customer the customer, not null
     * @return the session, never null
     * @throws PortalLinkException as {@link #createSession(PortalSessionRequest)}
     */
    default PortalSession createSession(CustomerId customer) {
        return createSession(PortalSessionRequest.overview(customer));
    }

    /**
     * Creates a session with deep links for the given subscriptions.
     *
     * @param customer the customer, not null
     * @param subscriptions 0 to 25 unique subscriptions, not null
     * @return the session, never null
     * @throws IllegalArgumentException if there are more than 25 or duplicate subscriptions
     * @throws PortalLinkException as {@link #createSession(PortalSessionRequest)}
     */
    default PortalSession createSession(CustomerId customer, Collection<SubscriptionId> subscriptions) {
        return createSession(PortalSessionRequest.of(customer, subscriptions));
    }

    /**
     * Creates a session asynchronously. The returned stage completes with the session, or exceptionally with
     * the exceptions {@link #createSession(PortalSessionRequest)} throws. The caller's thread never waits for
     * Paddle.
     *
     * @param request the customer and 0 to 25 unique subscriptions, not null
     * @return the stage, never null
     */
    CompletionStage<PortalSession> createSessionAsync(PortalSessionRequest request);

    /**
     * Hands out one link for one request: the one way the service, the Faces components and the redirect endpoint hand
     * out links. A session is created with just the subscription needed and the action's link is picked from it.
     *
     * <p>When the failure is one a fallback applies to ({@link PortalLinkException#fallbackApplies()}: Paddle unavailable
     * or rate limited) and a fallback is set (the request's own, else {@code paddle.portal.fallback-url}), the fallback
     * is returned instead of throwing, so the customer still reaches the portal (where they sign in by e-mail). Without
     * one, or for any other failure, the exception is thrown. A {@link CustomerLinkLimitException} is always thrown: the
     * fallback is for when Paddle cannot be used, not for a script replaying clicks.
     *
     * <p>Every call fires exactly one audit event with the request's entry point: {@link PortalLinkIssued} (also for a
     * fallback) or {@link PortalLinkRefused} with {@link PortalLinkException#refusalReason()}. A synchronous observer
     * that throws stops the link. Failures are logged here once (FINE for rejections that sent nothing to Paddle,
     * WARNING otherwise). Implementations normally keep this method as it is.
     *
     * @param request what to open, for whom, from where, with which fallback; not null
     * @return the link, or the fallback that stood in for a failure; never null
     * @throws PortalLinkException as {@link #createSession(PortalSessionRequest)}, when no fallback stands in
     */
    default PortalLinkResult handOut(PortalLinkRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return LinkRecipe.handOut(this, request);
    }

    /**
     * Returns one fresh link for one action ({@link #handOut} with the entry point {@link PortalEntryPoint#SERVICE}):
     * a session is created with just the subscription needed; a configured {@code paddle.portal.fallback-url} stands
     * in for a failure that allows it; one audit event is fired.
     *
     * @param action the page to open, not null
     * @param customer the customer, not null
     * @param subscription the subscription; not null for the subscription actions, ignored (may be null) for
     *        {@link PortalAction#OVERVIEW}
     * @return the link (or the configured fallback URL), never null
     * @throws PortalLinkException as {@link #createSession(PortalSessionRequest)}
     */
    default URI link(PortalAction action, CustomerId customer, SubscriptionId subscription) {
        PortalLinkResult result = handOut(PortalLinkRequest.of(action, customer, subscription, PortalEntryPoint.SERVICE));
        return result instanceof PortalLinkResult.Link link ? link.uri() : URI.create(((PortalLinkResult.Fallback) result).target());
    }

    /**
     * Returns a fresh authenticated link to the portal's overview page.
     *
     * @param customer the customer, not null
     * @return the link, never null
     * @throws PortalLinkException as {@link #link(PortalAction, CustomerId, SubscriptionId)}
     */
    default URI overviewLink(CustomerId customer) {
        return link(PortalAction.OVERVIEW, customer, null);
    }

    /**
     * Returns a fresh authenticated link to the subscription's cancellation form.
     *
     * @param customer the customer, not null
     * @param subscription the customer's subscription, not null
     * @return the link, never null
     * @throws PortalLinkException as {@link #link(PortalAction, CustomerId, SubscriptionId)}
     */
    default URI cancelSubscriptionLink(CustomerId customer, SubscriptionId subscription) {
        return link(PortalAction.CANCEL_SUBSCRIPTION, customer, Objects.requireNonNull(subscription, "subscription must not be null"));
    }

    /**
     * Returns a fresh authenticated link to the subscription's payment-method form.
     *
     * @param customer the customer, not null
     * @param subscription the customer's subscription, not null
     * @return the link, never null
     * @throws PortalLinkException as {@link #link(PortalAction, CustomerId, SubscriptionId)}
     */
    default URI updatePaymentMethodLink(CustomerId customer, SubscriptionId subscription) {
        return link(PortalAction.UPDATE_PAYMENT_METHOD, customer, Objects.requireNonNull(subscription, "subscription must not be null"));
    }

    /**
     * Lists a customer's subscriptions ({@code GET /subscriptions?customer_id=…}), following Paddle's
     * pagination to the end.
     *
     * @param customer the customer, not null
     * @param statuses the statuses to include, not null; empty means all
     * @return the subscriptions in Paddle's order, never null
     * @throws IllegalArgumentException if {@code statuses} contains {@link SubscriptionStatus#UNKNOWN}
     * @throws PaddleRequestRefusedException if Paddle refused (a 403 names the {@code subscription.read} permission)
     * @throws PortalLinkException otherwise as {@link #createSession(PortalSessionRequest)}
     */
    List<SubscriptionSummary> listSubscriptions(CustomerId customer, Set<SubscriptionStatus> statuses);

    /**
     * Lists all of a customer's subscriptions, whatever their status.
     *
     * @param customer the customer, not null
     * @return the subscriptions, never null
     * @throws PortalLinkException as {@link #listSubscriptions(CustomerId, Set)}
     */
    default List<SubscriptionSummary> listSubscriptions(CustomerId customer) {
        return listSubscriptions(customer, EnumSet.noneOf(SubscriptionStatus.class));
    }

    /**
     * The fallback portal URL the application configured ({@code paddle.portal.fallback-url}), which {@link #handOut}
     * uses when the request has no fallback of its own.
     *
     * @return the URL, or empty when none is configured
     */
    default Optional<URI> fallbackUrl() {
        return Optional.empty();
    }

    /**
     * Fires an audit event ({@link PortalLinkIssued} or {@link PortalLinkRefused}) to the application's CDI observers:
     * first the synchronous ones (one that throws stops the link: an audit that must not miss a link fails closed,
     * so call this before handing the link out), then the asynchronous ones (their failures are logged). For
     * entry points' own refusals ({@link PortalLinkRefused#notPermitted}) and for code that hands out a link of a
     * session from {@link #createSession}; {@link #handOut} and {@link #link} fire their own.
     *
     * @param event the event, not null
     */
    default void audit(PortalAuditEvent event) {
        Objects.requireNonNull(event, "event must not be null");
    }
}
