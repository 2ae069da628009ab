package dev.portallinks.faces.it.app;

import dev.portallinks.api.SubscriptionStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Lets a test set the server-side state before it drives the browser. Not part of any page. */
@Path("state")
@RequestScoped
public class StateResource {

    @Inject
    Account account;

    /** The test application's JAX-RS application. */
    @ApplicationPath("api")
    public static class StateApplication extends Application {
    }

    /**
     * Replaces the subscriptions.
     *
     * @param subscriptions the new subscriptions
     * @return 204
     */
    @POST
    @Path("subscriptions")
    public Response replace(@QueryParam("subscription") List<String> subscriptions) {
        account.replace(subscriptions);
        return Response.noContent().build();
    }

    /**
     * Signs a customer in to the caller's HTTP session, as an application's login would: that session's pages and
     * clicks are theirs from now on.
     *
     * @param request the caller's request
     * @param customer the customer's Paddle ID
     * @return 204
     */
    @POST
    @Path("sign-in")
    public Response signIn(@Context HttpServletRequest request, @QueryParam("customer") String customer) {
        request.getSession(true).setAttribute(Account.SIGNED_IN, customer);
        return Response.noContent().build();
    }

    /**
     * Sets a subscription's status and, optionally, a scheduled cancellation, as Paddle's listing would show them.
     *
     * @param subscription the subscription
     * @param status Paddle's status name, e.g. {@code past_due}
     * @param cancelsAt when a scheduled cancellation takes effect (ISO-8601), or absent
     * @return 204
     */
    @POST
    @Path("status")
    public Response status(@QueryParam("subscription") String subscription, @QueryParam("status") String status,
            @QueryParam("cancelsAt") String cancelsAt) {
        account.status(subscription, SubscriptionStatus.fromPaddleName(status), cancelsAt == null ? null : Instant.parse(cancelsAt));
        return Response.noContent().build();
    }

    /**
     * Removes one subscription.
     *
     * @param subscription the subscription
     * @return 204, or 404 when it was not there
     */
    @POST
    @Path("remove")
    public Response remove(@QueryParam("subscription") String subscription) {
        return account.remove(subscription) ? Response.noContent().build() : Response.status(404).build();
    }

    /**
     * Tells how often the {@code <f:ajax listener>} was called.
     *
     * @return the count, as text
     */
    @GET
    @Path("listener-calls")
    public String listenerCalls() {
        return Integer.toString(account.listenerCalls());
    }
}
