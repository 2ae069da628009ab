package dev.portallinks.it.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What {@link AuditProbe} observed, for a test in another JVM: {@code GET audit} reads the events, {@code POST audit/clear}
 * forgets them. A test WAR that adds the probe adds this too; it answers below the WAR's own JAX-RS application path.
 */
@Path("audit")
@RequestScoped
public class AuditResource {

    @Inject
    AuditProbe audit;

    /**
     * The audit events observed since the last clear.
     *
     * @return one event per line, as {@link AuditProbe#events()} gives them; empty when there are none
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String events() {
        return String.join("\n", audit.events());
    }

    /**
     * Forgets the audit events observed so far.
     *
     * @return 204
     */
    @POST
    @Path("clear")
    public Response clear() {
        audit.clear();
        return Response.noContent().build();
    }
}
