package dev.portallinks.endpoint;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalEntryPoint;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkRefused;
import dev.portallinks.api.PortalLinkRequest;
import dev.portallinks.api.PortalLinkResult;
import dev.portallinks.api.PortalLinkService;
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
 * request, who is signed in, ownership), then the link from {@link PortalLinkService#handOut} (which applies the fallback
 * policy and fires the audit event), and the answer. Nothing reaches Paddle before every check has passed.
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
            signedIn.ifPresent(who -> notPermitted(who.customer(), route.action(), route.validSubscription().orElse(null)));
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
            notPermitted(who.customer(), route.action(), subscription.orElse(null));
            return EndpointResponse.problem(Problem.notPermitted());
        }
        return issue(who.customer(), route.action(), subscription.get(), format);
    }

    /**
     * The checks have passed: the service hands out the link, or the configured fallback, and fires the audit event;
     * a failure without a fallback becomes its problem.
     */
    private EndpointResponse issue(CustomerId customer, PortalAction action, SubscriptionId subscription, AnswerFormat format) {
        PortalLinkResult result;
        try {
            result = service.get().handOut(PortalLinkRequest.of(action, customer, subscription, PortalEntryPoint.ENDPOINT));
        } catch (PortalLinkException failure) {
            return EndpointResponse.problem(Problem.of(failure, clock.instant()));
        }
        URI target = result instanceof PortalLinkResult.Link link ? link.uri() : URI.create(((PortalLinkResult.Fallback) result).target());
        return EndpointResponse.link(target, format);
    }

    private void notPermitted(CustomerId customer, PortalAction action, SubscriptionId subscription) {
        service.get().audit(new PortalLinkRefused(customer, action, subscription, PortalLinkRefused.Reason.NOT_PERMITTED, PortalEntryPoint.ENDPOINT,
                clock.instant()));
    }

    private static String quotedPath(EndpointRequest request) {
        return "path " + (request.pathInfo() == null ? "(the base)" : LogText.quoted(request.pathInfo()));
    }
}
