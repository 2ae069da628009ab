package dev.portallinks.benchmarks.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * The benchmark endpoints the driver calls over HTTP on 127.0.0.1. Every load round is bounded in calls and time
 * ({@link LoadRunner.Round}); the same runner drives the service and each baseline.
 */
@Path("")
@ApplicationScoped
public class BenchmarkResource {

    @Inject
    ServiceCaller service;

    @Inject
    BareRestClientCaller restClient;

    @Inject
    JdkHttpClientCaller jdkClient;

    /**
     * Runs one round inside the server.
     *
     * @param implementation {@code service}, {@code rest-client} or {@code jdk-client}
     * @param threads concurrent callers
     * @param subscriptions subscriptions per session
     * @param maxCalls the most calls
     * @param maxMillis the most time
     * @param pauseMillis each caller's pause after a call
     * @param pauseJitterMillis the random ± variation of that pause
     * @return the round's numbers
     * @throws InterruptedException if interrupted
     */
    @POST
    @Path("load")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject load(@QueryParam("impl") String implementation, @QueryParam("threads") @DefaultValue("1") int threads,
            @QueryParam("subscriptions") @DefaultValue("1") int subscriptions, @QueryParam("maxCalls") @DefaultValue("1000") long maxCalls,
            @QueryParam("maxMillis") @DefaultValue("1000") long maxMillis, @QueryParam("pauseMillis") @DefaultValue("0") long pauseMillis,
            @QueryParam("pauseJitterMillis") @DefaultValue("0") long pauseJitterMillis) throws InterruptedException {
        LoadRunner.Round round;
        try {
            round = new LoadRunner.Round(threads, subscriptions, maxCalls, maxMillis, pauseMillis, pauseJitterMillis);
            BenchmarkIds.subscriptions(subscriptions);
        } catch (IllegalArgumentException invalid) {
            throw new BadRequestException(invalid.getMessage());
        }
        return LoadRunner.run(caller(implementation), round);
    }

    /**
     * A plain endpoint that does nothing: shows whether the server's request threads still answer.
     *
     * @return {@code ok}
     */
    @GET
    @Path("ping")
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "ok";
    }

    /**
     * The server process: its pid (for /proc/pid/stat), Java version and processors.
     *
     * @return the information
     */
    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject info() {
        Runtime runtime = Runtime.getRuntime();
        return Json.createObjectBuilder()
                .add("pid", ProcessHandle.current().pid())
                .add("javaVersion", System.getProperty("java.version"))
                .add("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"))
                .add("availableProcessors", runtime.availableProcessors())
                .add("maxHeapBytes", runtime.maxMemory())
                .build();
    }

    /**
     * Heap in use after garbage collection, for the memory benchmark.
     *
     * @return used heap bytes after {@code System.gc()}
     * @throws InterruptedException if interrupted
     */
    @GET
    @Path("heap")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject heap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return Json.createObjectBuilder().add("usedBytes", heap.getUsed()).add("committedBytes", heap.getCommitted()).build();
    }

    private PortalSessionCaller caller(String implementation) {
        if (implementation == null) {
            throw new BadRequestException("impl is required: service, rest-client or jdk-client");
        }
        return switch (implementation) {
            case "service" -> service;
            case "rest-client" -> restClient;
            case "jdk-client" -> jdkClient;
            default -> throw new BadRequestException("impl must be service, rest-client or jdk-client");
        };
    }
}
