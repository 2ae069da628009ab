package dev.portallinks.impl;

import dev.portallinks.api.PortalAuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the audit events, first to the synchronous observers (one that throws stops the link: an audit that must not
 * miss a link fails closed), then to the asynchronous ones (whose failures are logged, never seen by the customer).
 * Observers of {@code PortalLinkIssued}, {@code PortalLinkRefused} and {@link PortalAuditEvent} are resolved by the
 * event's runtime type. Every event also counts in the library's metrics ({@link PortalTelemetry}), whichever entry
 * point fired it.
 */
@ApplicationScoped
public class AuditEvents {

    private static final Logger LOG = Logger.getLogger(AuditEvents.class.getName());

    @Inject
    Event<PortalAuditEvent> events;

    @Inject
    PortalTelemetry telemetry;

    /** @param event a link handed out or refused */
    public void fire(PortalAuditEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        events.fire(event);
        // Counted once the synchronous observers let it through: a link an audit observer stopped was not handed out.
        telemetry.count(event);
        events.fireAsync(event).exceptionally(failure -> {
            LOG.log(Level.WARNING, failure, () -> "An asynchronous observer of " + event.getClass().getSimpleName() + " failed");
            return null;
        });
    }
}
