package dev.portallinks.readme;

import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.logging.Logger;

/** Writes who opened whose portal, or was refused, to an audit log: never a link or a token, they are not in the events. */
@ApplicationScoped
public class PortalAudit {

    private static final Logger AUDIT = Logger.getLogger("audit.portal");

    void issued(@ObservesAsync PortalLinkIssued link) {
        AUDIT.info(link::toString);
    }

    void refused(@ObservesAsync PortalLinkRefused refusal) {
        AUDIT.warning(refusal::toString);
    }
}
