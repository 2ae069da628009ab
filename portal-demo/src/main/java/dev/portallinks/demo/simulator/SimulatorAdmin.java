package dev.portallinks.demo.simulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Switches the simulator's fault mode: from the page {@code /simulator.xhtml}, or with
 * {@code POST /simulator/admin/mode/{NORMAL|SLOW|SERVER_ERROR|RATE_LIMITED}}.
 */
@Named("simulatorAdmin")
@RequestScoped
@Path("admin")
public class SimulatorAdmin {

    @Inject
    SimulatorState state;

    /** @return the modes, for the page */
    public List<SimulatorState.Mode> getModes() {
        return List.of(SimulatorState.Mode.values());
    }

    /** @return the current mode */
    public SimulatorState.Mode getMode() {
        return state.mode();
    }

    /**
     * Sets the mode from the page.
     *
     * @param mode the new mode
     */
    public void use(SimulatorState.Mode mode) {
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
            state.mode(SimulatorState.Mode.valueOf(mode));
            return Response.noContent().build();
        } catch (IllegalArgumentException unknown) {
            return Response.status(400).entity("Unknown mode " + mode + "; use one of " + getModes()).build();
        }
    }
}
