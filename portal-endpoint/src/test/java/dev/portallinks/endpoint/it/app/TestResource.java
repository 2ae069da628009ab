package dev.portallinks.endpoint.it.app;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.endpoint.PortalCustomer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What the tests need of the test application besides the endpoint: a login (the audit events: portal-impl's AuditResource). */
@Path("")
@RequestScoped
public class TestResource {

    /** The test application's JAX-RS application, away from the endpoint's path. */
    @ApplicationPath("test-api")
    public static class TestApplication extends Application {
    }

    /**
     * Signs a customer in to the caller's HTTP session, as an application's login would.
     *
     * @param request the caller's request
     * @param customer the customer's Paddle ID
     * @param subscriptions the subscriptions this user may manage
     * @return 204
     */
    @POST
    @Path("sign-in")
    public Response signIn(@Context HttpServletRequest request, @QueryParam("customer") String customer,
            @QueryParam("subscription") List<String> subscriptions) {
        PortalCustomer signedIn = PortalCustomer.of(CustomerId.of(customer), subscriptions.stream().map(SubscriptionId::of).toList());
        request.getSession(true).setAttribute(SessionCustomerResolver.SIGNED_IN, signedIn);
        return Response.noContent().build();
    }
}
