package dev.portallinks.impl.telemetry;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;

/** Traces and metrics off: every method does nothing and allocates nothing, so the call path costs what it did without them. */
public enum NoTelemetry implements Tracing, CallTrace, LinkMetrics {

    /** The one instance. */
    INSTANCE;

    @Override
    public CallTrace start(PaddleOperation operation) {
        return this;
    }

    @Override
    public boolean records() {
        return false;
    }

    @Override
    public void answered(int attempt, int httpStatus, String requestId) {
        // off
    }

    @Override
    public void failed(int attempt, int httpStatus, String requestId, PaddleCallOutcome outcome, boolean retryable) {
        // off
    }

    @Override
    public void end(int attempts, RuntimeException failure) {
        // off
    }

    @Override
    public void issued(PortalLinkIssued issued) {
        // off
    }

    @Override
    public void refused(PortalLinkRefused refused) {
        // off
    }

    @Override
    public void paddleCall(PaddleOperation operation, PaddleCallOutcome outcome, long nanos) {
        // off
    }
}
