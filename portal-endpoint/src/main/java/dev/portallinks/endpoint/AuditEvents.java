package dev.portallinks.endpoint;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the endpoint's audit events ({@code PortalLinkIssued}, {@code PortalLinkRefused}) through CDI, as the service and
 * the Faces components do: first to the synchronous observers (one that throws stops the link, so an audit that must not
 * miss a link fails closed), then to the asynchronous ones (whose failures are logged, never shown to the customer).
 * The servlet is no CDI bean, hence the bean manager's event.
 */
final class AuditEvents {

    private static final Logger LOG = Logger.getLogger(AuditEvents.class.getName());

    private AuditEvents() {
    }

    /** @param event the event, never holding a link or token */
    static void fire(Object event) {
        // Observers are resolved by the event object's runtime type.
        Event<Object> events = CDI.current().getBeanManager().getEvent();
        events.fire(event);
        events.fireAsync(event).exceptionally(failure -> {
            LOG.log(Level.WARNING, failure, () -> "An asynchronous observer of " + event.getClass().getSimpleName() + " failed");
            return null;
        });
    }
}
