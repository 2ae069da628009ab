package dev.portallinks.impl.telemetry;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Remembers the HTTP status of the last answer the Rest Client received on this thread, for the span of a call that
 * succeeded (the Rest Client interface returns the body only; error statuses come with the error). Registered only
 * while spans are recorded.
 */
public final class AnswerStatus implements ClientResponseFilter {

    // One int[] per thread, made once: nothing is allocated per call.
    private static final ThreadLocal<int[]> LAST = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        LAST.get()[0] = response.getStatus();
    }

    /**
     * Returns the status of the last answer on this thread and forgets it.
     *
     * @return the status, 0 when none was received since the last call
     */
    static int take() {
        int[] last = LAST.get();
        int status = last[0];
        last[0] = 0;
        return status;
    }
}
