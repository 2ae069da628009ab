package dev.portallinks.readme;

import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.SubscriptionId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("billing")
@RequestScoped
public class BillingResource {

    @Inject PortalLinkService portal;
    @Inject CurrentAccount account;   // your own server-side state: who is signed in

    @POST @Path("cancel/{subscription}")
    public Response cancel(@PathParam("subscription") String subscription) {
        SubscriptionId id = SubscriptionId.of(subscription);            // validated before any call
        if (!account.ownsSubscription(id)) {
            throw new ForbiddenException();                              // the request never decides whose portal opens
        }
        URI link = portal.cancelSubscriptionLink(account.paddleCustomerId(), id);
        return Response.seeOther(link).header("Cache-Control", "no-store").build();
    }
}
