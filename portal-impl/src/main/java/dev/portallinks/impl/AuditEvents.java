package dev.portallinks.impl;

import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the audit events, first to the synchronous observers (one that throws stops the link: an audit that must not
 * miss a link fails closed), then to the asynchronous ones (whose failures are logged, never seen by the customer).
 */
@ApplicationScoped
public class AuditEvents {

    private static final Logger LOG = Logger.getLogger(AuditEvents.class.getName());

    @Inject
    Event<PortalLinkIssued> issued;

    @Inject
    Event<PortalLinkRefused> refused;

    /** @param event a link handed out */
    public void issued(PortalLinkIssued event) {
        issued.fire(event);
        issued.fireAsync(event).exceptionally(failure -> logFailed(event, failure));
    }

    /** @param event a link refused */
    public void refused(PortalLinkRefused event) {
        refused.fire(event);
        refused.fireAsync(event).exceptionally(failure -> logFailed(event, failure));
    }

    private static <T> T logFailed(Object event, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "An asynchronous observer of " + event.getClass().getSimpleName() + " failed");
        return null;
    }
}
