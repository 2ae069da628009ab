package dev.portallinks.demo.simulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Switches the simulator's fault mode: from the page {@code /simulator.xhtml}, or with
 * {@code POST /simulator/admin/mode/{NORMAL|SLOW|SERVER_ERROR|RATE_LIMITED}}.
 */
@Named("simulatorAdmin")
@RequestScoped
@Path("")
public class SimulatorAdmin {

    /** The admin's JAX-RS application; more specific than {@link SimulatorServlet}'s {@code /simulator/*}, so it wins. */
    @ApplicationPath("simulator/admin")
    public static class SimulatorAdminApplication extends Application {
    }

    @Inject
    DemoPaddle state;

    /** @return the modes, for the page */
    public List<DemoPaddle.Mode> getModes() {
        return List.of(DemoPaddle.Mode.values());
    }

    /** @return the current mode */
    public DemoPaddle.Mode getMode() {
        return state.mode();
    }

    /**
     * Sets the mode from the page.
     *
     * @param mode the new mode
     */
    public void use(DemoPaddle.Mode mode) {
        state.mode(mode);
    }

    /**
     * Sets the mode over HTTP.
     *
     * @param mode the mode's name
     * @return 204, or 400 for an unknown mode
     */
    @POST
    @Path("mode/{mode}")
    public Response mode(@PathParam("mode") String mode) {
        try {
            state.mode(DemoPaddle.Mode.valueOf(mode));
            return Response.noContent().build();
        } catch (IllegalArgumentException unknown) {
            return Response.status(400).entity("Unknown mode " + mode + "; use one of " + getModes()).build();
        }
    }

    /**
     * How many listings ({@code GET /subscriptions}, every page) the simulated Paddle has received: what the billing page
     * cost Paddle's rate limit so far. For the demo's own tests and for a curious visitor.
     *
     * @return the count, as plain text
     */
    @GET
    @Path("listings")
    @Produces(MediaType.TEXT_PLAIN)
    public String listings() {
        return Long.toString(state.listingRequests());
    }
}
