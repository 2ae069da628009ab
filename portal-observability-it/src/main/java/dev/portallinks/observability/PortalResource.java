package dev.portallinks.observability;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The caller whose span a Paddle call's span must sit under: each request is traced by the server (MicroProfile
 * Telemetry's JAX-RS instrumentation) and calls the injected {@link PortalLinkService}, answering what it returned or
 * threw as JSON.
 */
@Path("portal")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PortalResource {

    @Inject
    PortalLinkService portal;

    /**
     * One link, as an application's own resource would ask for it (audit event and metrics included).
     *
     * @param action Paddle's action name
     * @param customer the customer
     * @param subscription the subscription, or null
     * @return {@code {"link": …}} or the failure
     */
    @POST
    @Path("link")
    public JsonObject link(@QueryParam("action") String action, @QueryParam("customer") String customer,
            @QueryParam("subscription") String subscription) {
        return outcome(() -> Json.createObjectBuilder().add("link", portal.link(PortalAction.fromName(action), CustomerId.of(customer),
                subscription == null ? null : SubscriptionId.of(subscription)).toString()).build());
    }

    /**
     * One session.
     *
     * @param customer the customer
     * @return {@code {"id": …, "requestId": …, "overview": …}} or the failure
     */
    @POST
    @Path("session")
    public JsonObject session(@QueryParam("customer") String customer) {
        return outcome(() -> {
            PortalSession session = portal.createSession(PortalSessionRequest.overview(CustomerId.of(customer)));
            return Json.createObjectBuilder().add("id", session.id()).add("requestId", String.valueOf(session.requestId()))
                    .add("overview", session.overview().toString()).build();
        });
    }

    /**
     * A customer's subscriptions.
     *
     * @param customer the customer
     * @return {@code {"count": n}} or the failure
     */
    @GET
    @Path("subscriptions")
    public JsonObject subscriptions(@QueryParam("customer") String customer) {
        return outcome(() -> Json.createObjectBuilder().add("count", portal.listSubscriptions(CustomerId.of(customer), Set.of()).size()).build());
    }

    private static JsonObject outcome(Supplier<JsonObject> call) {
        try {
            return call.get();
        } catch (PortalLinkException failure) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("error", failure.getClass().getName());
            if (failure instanceof PaddleUnavailableException unavailable) {
                json.add("reason", unavailable.reason().name()).add("attempts", unavailable.attempts());
            }
            return json.build();
        }
    }
}
