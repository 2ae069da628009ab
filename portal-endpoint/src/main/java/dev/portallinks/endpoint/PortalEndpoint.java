package dev.portallinks.endpoint;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalEntryPoint;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the endpoint does with a request, apart from the servlet API: the checks in order (method, path, cross-site
 * request, who is signed in, ownership), then a fresh session from {@link PortalLinkService}, the fallback policy, one
 * audit event, and the answer. Nothing reaches Paddle before every check has passed.
 */
final class PortalEndpoint {

    private static final Logger LOG = Logger.getLogger(PortalEndpoint.class.getName());

    private final CrossSiteGuard guard;
    private final Supplier<PortalLinkService> service;
    private final Clock clock;

    /**
     * @param guard the cross-site rule
     * @param service the service, looked up for each request that passed the checks
     * @param clock the time of events and of {@code Retry-After}
     */
    PortalEndpoint(CrossSiteGuard guard, Supplier<PortalLinkService> service, Clock clock) {
        this.guard = Objects.requireNonNull(guard, "guard must not be null");
        this.service = Objects.requireNonNull(service, "service must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * Answers one request.
     *
     * @param request what the request says
     * @param currentCustomer who is signed in, from the application's {@link PortalCustomerResolver}
     * @return the answer, never null; an unexpected failure is a {@code 500} problem (logged), never a stack trace
     */
    EndpointResponse handle(EndpointRequest request, Supplier<Optional<PortalCustomer>> currentCustomer) {
        try {
            return answer(request, currentCustomer);
        } catch (RuntimeException unexpected) {
            // A resolver or an audit observer that throws, or no PortalLinkService: no link leaves the server.
            LOG.log(Level.SEVERE, unexpected, () -> "The portal endpoint failed on " + request.method() + " " + quotedPath(request));
            return EndpointResponse.problem(Problem.internalError());
        }
    }

    private EndpointResponse answer(EndpointRequest request, Supplier<Optional<PortalCustomer>> currentCustomer) {
        if (!request.method().equals("POST")) {
            // A link or an image elsewhere can make a browser GET; minting a sign-in session takes a POST.
            return EndpointResponse.problem(Problem.methodNotAllowed());
        }
        Optional<Route> parsed = Route.parse(request.pathInfo());
        if (parsed.isEmpty()) {
            return EndpointResponse.problem(Problem.notFound());
        }
        Route route = parsed.get();
        CrossSiteGuard.Decision crossSite = guard.check(request.secFetchSite(), request.origin(), request.ownOrigin());
        // Asked even for a refused request: the audit event of the refusal names the customer when there is one.
        Optional<PortalCustomer> signedIn = Objects.requireNonNull(currentCustomer.get(), "the PortalCustomerResolver returned null instead of"
                + " an Optional");
        if (!crossSite.allowed()) {
            LOG.warning(() -> "Refused a cross-site POST to the portal endpoint, " + quotedPath(request) + signedIn.map(who -> " for customer "
                    + who.customer()).orElse("") + ": " + crossSite.explanation());
            signedIn.ifPresent(who -> refused(who.customer(), route.action(), route.validSubscription().orElse(null), PortalLinkRefused.Reason.NOT_PERMITTED));
            return EndpointResponse.problem(Problem.crossSiteRequest());
        }
        EndpointResponse answer = signedIn.map(who -> forCustomer(who, route, AnswerFormat.negotiate(request.accept())))
                .orElseGet(() -> EndpointResponse.problem(Problem.notSignedIn()));
        return crossSite.corsOriginIfAny().map(answer::readableBy).orElse(answer);
    }

    private EndpointResponse forCustomer(PortalCustomer who, Route route, AnswerFormat format) {
        if (!route.action().needsSubscription()) {
            return issue(who.customer(), route.action(), null, format);
        }
        Optional<SubscriptionId> subscription = route.validSubscription();
        if (subscription.isEmpty() || !who.mayManage(subscription.get())) {
            LOG.warning(() -> "Refused a portal link for customer " + who.customer() + ": subscription " + LogText.quoted(route.subscriptionText())
                    + (subscription.isEmpty() ? " is not a subscription ID" : " is not one this user may manage"));
            refused(who.customer(), route.action(), subscription.orElse(null), PortalLinkRefused.Reason.NOT_PERMITTED);
            return EndpointResponse.problem(Problem.notPermitted());
        }
        return issue(who.customer(), route.action(), subscription.get(), format);
    }

    /** The checks have passed: a fresh session with just the page's subscription, or the failure's answer. */
    private EndpointResponse issue(CustomerId customer, PortalAction action, SubscriptionId subscription, AnswerFormat format) {
        PortalLinkService links = service.get();
        PortalSession session;
        try {
            session = links.createSession(subscription == null ? PortalSessionRequest.overview(customer) : PortalSessionRequest.of(customer, subscription));
        } catch (PortalLinkException failure) {
            return failed(links, customer, action, subscription, format, failure);
        }
        URI link = session.link(action, subscription);
        // Before the answer: a synchronous audit observer that throws stops the link (handle() answers 500).
        links.audit(PortalLinkIssued.of(session, action, subscription, PortalEntryPoint.ENDPOINT, clock.instant()));
        return EndpointResponse.link(link, format);
    }

    /**
     * No session: the configured fallback URL when the policy allows it ({@link PortalLinkException#fallbackApplies()}:
     * Paddle unavailable or rate limited), else the problem. Rejections that sent nothing to Paddle (circuit open,
     * bulkhead full, an open {@code Retry-After} window, the per-customer limit) come by the thousand during an outage or a
     * replay, and the service has logged their cause: FINE here, as in the service and the Faces components; the rest WARNING.
     */
    private EndpointResponse failed(PortalLinkService links, CustomerId customer, PortalAction action, SubscriptionId subscription,
            AnswerFormat format, PortalLinkException failure) {
        LOG.log(failure.rejectedWithoutCallingPaddle() ? Level.FINE : Level.WARNING,
                () -> "No portal link for customer " + customer + " (" + action + "): " + failure.getMessage());
        Optional<URI> fallback = failure.fallbackApplies() ? links.fallbackUrl() : Optional.empty();
        if (fallback.isPresent()) {
            links.audit(PortalLinkIssued.fallback(customer, action, subscription, PortalEntryPoint.ENDPOINT, clock.instant()));
            return EndpointResponse.link(fallback.get(), format);
        }
        refused(customer, action, subscription, PortalLinkRefused.Reason.of(failure));
        return EndpointResponse.problem(Problem.of(failure, clock.instant()));
    }

    private void refused(CustomerId customer, PortalAction action, SubscriptionId subscription, PortalLinkRefused.Reason reason) {
        service.get().audit(new PortalLinkRefused(customer, action, subscription, reason, PortalEntryPoint.ENDPOINT, clock.instant()));
    }

    private static String quotedPath(EndpointRequest request) {
        return "path " + (request.pathInfo() == null ? "(the base)" : LogText.quoted(request.pathInfo()));
    }
}
