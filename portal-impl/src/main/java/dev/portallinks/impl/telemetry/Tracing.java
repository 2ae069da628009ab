package dev.portallinks.impl.telemetry;

import dev.portallinks.api.PaddleOperation;

/** Starts the trace of each logical Paddle call. Thread-safe. */
public interface Tracing {

    /**
     * Starts a call's trace under the caller's current context and makes it current until {@link CallTrace#end}.
     *
     * @param operation the call
     * @return its trace, never null
     */
    CallTrace start(PaddleOperation operation);

    /** @return whether spans are recorded (false: {@link #start} returns a trace that does nothing) */
    boolean records();

    /**
     * Returns an operation's name in spans and metrics: its Fault Tolerance method's name.
     *
     * @param operation the operation
     * @return {@code createPortalSession} or {@code listSubscriptions}
     */
    static String operationName(PaddleOperation operation) {
        return switch (operation) {
            case CREATE_PORTAL_SESSION -> "createPortalSession";
            case LIST_SUBSCRIPTIONS -> "listSubscriptions";
        };
    }
}
