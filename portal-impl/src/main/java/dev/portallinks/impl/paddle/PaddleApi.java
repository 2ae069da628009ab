package dev.portallinks.impl.paddle;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two Paddle Billing API endpoints the library calls.
 *
 * <p>No URL in code: the library builds the client once with the base URL from {@code paddle.base-url} or
 * {@code paddle.environment}; the {@code configKey} gives the standard Rest Client keys a stable prefix
 * ({@value #CONFIG_KEY}). Errors (HTTP 400 and above) become {@link PaddleHttpError} through
 * {@link PaddleErrorMapper}. Each method returns the {@link Response}, so the caller reads the status of a success
 * (201 or 200, for the trace) together with the body, with no side channel.
 */
@RegisterRestClient(configKey = PaddleApi.CONFIG_KEY)
@RegisterProvider(PaddleErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PaddleApi {

    /** The Rest Client configuration key. */
    String CONFIG_KEY = "paddle-api";

    /**
     * {@code POST /customers/{customer_id}/portal-sessions}.
     *
     * @param customerId the customer, already validated
     * @param body the subscription IDs
     * @return the answer; its entity is a {@link PortalSessionEnvelope}
     */
    @POST
    @Path("customers/{customer_id}/portal-sessions")
    Response createPortalSession(@PathParam("customer_id") String customerId, CreatePortalSessionBody body);

    /**
     * {@code GET /subscriptions?customer_id=…}, one page.
     *
     * @param customerId the customer, already validated
     * @param status comma-separated statuses, or null for all
     * @param after the cursor from the previous page's {@code next}, or null for the first page
     * @param perPage the page size, 1 to 200
     * @return the answer; its entity is a {@link SubscriptionListEnvelope}
     */
    @GET
    @Path("subscriptions")
    Response listSubscriptions(@QueryParam("customer_id") String customerId, @QueryParam("status") String status,
            @QueryParam("after") String after, @QueryParam("per_page") int perPage);
}
