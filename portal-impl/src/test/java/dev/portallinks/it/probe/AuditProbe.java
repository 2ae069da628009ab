package dev.portallinks.it.probe;

import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the service's audit events, synchronously and asynchronously, as an application would. */
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
    List<String> events() {
        return List.copyOf(events);
    }

    /** Forgets them. */
    void clear() {
        events.clear();
    }
}
