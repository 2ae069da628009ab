package dev.portallinks.endpoint.it.app;

import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes the audit events as an application would, synchronously and asynchronously, for the tests to read. */
@ApplicationScoped
public class AuditRecorder {

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

    /** @return every event observed since the last {@link #clear()}, one per line, "sync " or "async " first */
    public String lines() {
        return String.join("\n", events);
    }

    /** Forgets the events. */
    public void clear() {
        events.clear();
    }
}
