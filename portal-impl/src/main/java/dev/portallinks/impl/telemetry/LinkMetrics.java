package dev.portallinks.impl.telemetry;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;

/** Counts links and refusals and times Paddle calls. Thread-safe. */
public interface LinkMetrics {

    /** @param issued a link handed out, from any entry point */
    void issued(PortalLinkIssued issued);

    /** @param refused a link refused, from any entry point */
    void refused(PortalLinkRefused refused);

    /**
     * Records one logical Paddle call.
     *
     * @param operation the call
     * @param outcome how it ended
     * @param nanos how long it took, all attempts included
     */
    void paddleCall(PaddleOperation operation, PaddleCallOutcome outcome, long nanos);
}
