package dev.portallinks.cluster;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A customer's click on a billing page served by this server: one overview link from the injected
 * {@link PortalLinkService}, answered as JSON with the link or the refusal the application would show.
 */
@Path("click")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClickResource {

    @Inject
    PortalLinkService portal;

    /**
     * One click.
     *
     * @param customer the customer
     * @return {@code {"link": …}}, or {@code {"error": <exception class>, "retryAt": …}} with {@code answeredByPaddle}
     *         for a rate-limited call and {@code limitPerMinute} for the per-customer limit
     */
    @POST
    public JsonObject click(@QueryParam("customer") String customer) {
        try {
            return Json.createObjectBuilder().add("link", portal.link(PortalAction.OVERVIEW, CustomerId.of(customer), null).toString()).build();
        } catch (PortalLinkException refused) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("error", refused.getClass().getName()).add("message", refused.getMessage());
            if (refused instanceof PaddleRateLimitedException limited) {
                json.add("retryAt", limited.retryAt().toString()).add("answeredByPaddle", limited.answeredByPaddle());
            } else if (refused instanceof CustomerLinkLimitException limit) {
                json.add("retryAt", limit.retryAt().toString()).add("limitPerMinute", limit.limitPerMinute());
            }
            return json.build();
        }
    }
}
