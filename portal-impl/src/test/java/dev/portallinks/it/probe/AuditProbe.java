package dev.portallinks.it.probe;

import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes the audit events, synchronously and asynchronously, as an application would: in the probe WAR (the
 * service's events) and, through the test-jar, in the Faces and endpoint test WARs (the components' and the endpoint's
 * events), which read them through {@link AuditResource}.
 */
@ApplicationScoped
public class AuditProbe {

    private final List<String> events = new CopyOnWriteArrayList<>();

    void issued(@Observes PortalLinkIssued event) {
        events.add("sync " + event);
    }

    void issuedAsync(@ObservesAsync PortalLinkIssued event) {
        events.add("async " + event);
    }

    void refused(@Observes PortalLinkRefused event) {
        events.add("sync " + event);
    }

    void refusedAsync(@ObservesAsync PortalLinkRefused event) {
        events.add("async " + event);
    }

    /** @return the events observed so far, oldest first, each "sync " or "async " and its toString() */
    public List<String> events() {
        return List.copyOf(events);
    }

    /** Forgets them. */
    public void clear() {
        events.clear();
    }
}
