package dev.portallinks.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * The embedded Hazelcast member the library started in this application (through JCache, from
 * {@code hazelcast-cluster-it.xml}): how many members it sees, and a way for the test to stop it as a crash would.
 */
@Path("member")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    /**
     * The member's view of the cluster.
     *
     * @return {@code {"running": n, "members": n}}: this application's running members, and the cluster size the first
     *         of them sees (0 without one)
     */
    @GET
    public JsonObject members() {
        Set<HazelcastInstance> running = Hazelcast.getAllHazelcastInstances();
        int members = running.stream().findFirst().map(member -> member.getCluster().getMembers().size()).orElse(0);
        return Json.createObjectBuilder().add("running", running.size()).add("members", members).build();
    }

    /**
     * Stops this application's members abruptly (no graceful migration), as a crashed member would go.
     *
     * @return {@code {"stopped": n}}
     */
    @POST
    @Path("stop")
    public JsonObject stop() {
        Set<HazelcastInstance> running = Hazelcast.getAllHazelcastInstances();
        running.forEach(member -> member.getLifecycleService().terminate());
        return Json.createObjectBuilder().add("stopped", running.size()).build();
    }
}
