package dev.portallinks.impl.paddle;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Remembers the HTTP status of the last answer on the calling thread, so the success log line can name it
 * although the client interface returns entities. The Rest Client calls Paddle on the caller's thread.
 */
public final class ResponseStatusRecorder implements ClientResponseFilter {

    private static final ThreadLocal<Integer> LAST_STATUS = new ThreadLocal<>();

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        LAST_STATUS.set(response.getStatus());
    }

    /**
     * Returns and forgets the status of this thread's last answer.
     *
     * @return the status, or 0 when none was recorded
     */
    public static int take() {
        Integer status = LAST_STATUS.get();
        LAST_STATUS.remove();
        return status == null ? 0 : status;
    }
}
