package dev.portallinks.api;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way a portal link is handed out, whatever asked for it ({@link PortalLinkService#handOut}): create a session,
 * pick the link, fire {@link PortalLinkIssued}; on failure, the fallback when the policy allows it
 * ({@link PortalLinkException#fallbackApplies()}), else {@link PortalLinkRefused} and the exception. One audit event per
 * request, one log line per failure, here and nowhere else.
 */
final class LinkRecipe {

    private static final Logger LOG = Logger.getLogger(PortalLinkService.class.getName());

    private LinkRecipe() {
    }

    static PortalLinkResult handOut(PortalLinkService service, PortalLinkRequest request) {
        PortalSession session;
        try {
            session = service.createSession(request.sessionRequest());
        } catch (PortalLinkException failure) {
            return failed(service, request, failure);
        }
        URI link = session.link(request.action(), request.subscription());
        // Before the link leaves: a synchronous audit observer that throws stops it (an audit must not miss a link).
        service.audit(PortalLinkIssued.of(session, request.action(), request.subscription(), request.entryPoint(), Instant.now()));
        return new PortalLinkResult.Link(link);
    }

    /**
     * Rejections that sent nothing to Paddle (circuit open, bulkhead full, an open {@code Retry-After} window, the
     * per-customer limit) come by the thousand during an outage or a replayed click, and their cause was logged once: FINE.
     * Everything else WARNING.
     */
    private static PortalLinkResult failed(PortalLinkService service, PortalLinkRequest request, PortalLinkException failure) {
        Optional<String> fallback = failure.fallbackApplies()
                ? request.fallbackIfAny().or(() -> service.fallbackUrl().map(URI::toString))
                : Optional.empty();
        LOG.log(failure.rejectedWithoutCallingPaddle() ? Level.FINE : Level.WARNING, () -> "No portal link for customer " + request.customer()
                + " (" + request.action() + ", " + request.entryPoint() + ")" + fallback.map(target -> "; sending the customer to the fallback "
                        + Secrets.redact(target)).orElse("") + ": " + failure.getMessage());
        if (fallback.isPresent()) {
            service.audit(PortalLinkIssued.fallback(request.customer(), request.action(), request.subscription(), request.entryPoint(),
                    Instant.now()));
            return new PortalLinkResult.Fallback(fallback.get(), failure);
        }
        service.audit(new PortalLinkRefused(request.customer(), request.action(), request.subscription(), failure.refusalReason(),
                request.entryPoint(), Instant.now()));
        throw failure;
    }
}
