package dev.portallinks.benchmarks.driver;

import dev.portallinks.benchmarks.server.BenchmarkIds;
import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every benchmark scenario once against the benchmark WAR on a running Liberty and portal-test's
 * {@link PaddleSimulator} in this JVM (the "stub" of the reports), and writes {@code results.json} and
 * {@code summary.md}. Implementations alternate round by round; values are medians over rounds; every loop is bounded
 * in count and time. Misses a target only in the report: it asserts nothing about absolute time.
 */
public final class BenchmarkDriver {

    private static final Logger LOG = Logger.getLogger(BenchmarkDriver.class.getName());

    static final String SERVICE = "service";
    static final String REST_CLIENT = "rest-client";
    static final String JDK_CLIENT = "jdk-client";
    static final String NODE_SDK = "node-sdk";
    /** The service in a second deployment whose only difference is {@code PaddleGateway/Bulkhead/value=64}. */
    static final String SERVICE_BULKHEAD_64 = "service-bulkhead-64";
    static final String BULKHEAD_64_CONTEXT = "portal-benchmarks-bulkhead64";

    /** Rounds per combination in scenario 1, and each round's length. */
    static final int ROUNDS = 5;
    static final long ROUND_MILLIS = 1500;
    static final long WARMUP_MILLIS = 1000;
    /** The WAR's configuration, on the test class path: the simulator accepts the key the WAR calls Paddle with. */
    private static final String WAR_CONFIG = "META-INF/microprofile-config.properties";
    /** The benchmark reads counts, not the record of requests: a short record keeps the driver's heap small. */
    private static final int REMEMBERED_REQUESTS = 1000;

    private final BenchmarkServer server;
    private final BenchmarkServer bulkhead64Server;
    private final Path serverDirectory;
    private final PaddleSimulator paddle;
    private final Path nodeDirectory;
    private final Results results = new Results();
    private long serverPid;

    BenchmarkDriver(int httpPort, Path serverDirectory, PaddleSimulator paddle, Path nodeDirectory) {
        this.server = new BenchmarkServer(httpPort, "portal-benchmarks");
        this.bulkhead64Server = new BenchmarkServer(httpPort, BULKHEAD_64_CONTEXT);
        this.serverDirectory = serverDirectory;
        this.paddle = paddle;
        this.nodeDirectory = nodeDirectory;
    }

    /**
     * Runs the whole benchmark from the system properties the build sets ({@code bench.http.port},
     * {@code bench.paddle.port}, {@code bench.output.dir}, {@code bench.node.dir}).
     *
     * @return the problems met (scenarios that could not run); empty when all ran
     * @throws Exception if the run could not start
     */
    public static List<String> runFromSystemProperties() throws Exception {
        Path output = Path.of(System.getProperty("bench.output.dir", "target/benchmarks"));
        Path node = Path.of(System.getProperty("bench.node.dir", "target/node"));
        Path serverDirectory = Path.of(System.getProperty("bench.server.dir"));
        long began = System.nanoTime();
        try (PaddleSimulator paddle = startPaddle(Integer.getInteger("bench.paddle.port"))) {
            BenchmarkDriver driver = new BenchmarkDriver(Integer.getInteger("bench.http.port"), serverDirectory, paddle, node);
            driver.runAll();
            driver.results.write(output, (System.nanoTime() - began) / 1_000_000_000L);
            LOG.info(() -> "Benchmark results: " + output.resolve("results.json"));
            return driver.results.problems();
        }
    }

    /**
     * Starts the Paddle the WAR calls: on the port its {@code server.env} names, accepting the key of its configuration,
     * with the customer and the subscriptions every scenario asks about.
     */
    static PaddleSimulator startPaddle(int port) {
        PaddleSimulator paddle = PaddleSimulator.builder().port(port).apiKey(warConfig().getProperty("paddle.api-key"))
                .rememberedRequests(REMEMBERED_REQUESTS).start();
        BenchmarkIds.subscriptions(BenchmarkIds.MAX_SUBSCRIPTIONS).forEach(subscription -> paddle.subscription(BenchmarkIds.CUSTOMER, subscription));
        return paddle;
    }

    private static Properties warConfig() {
        Properties config = new Properties();
        try (InputStream in = BenchmarkDriver.class.getClassLoader().getResourceAsStream(WAR_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException(WAR_CONFIG + " of the benchmark WAR is not on the class path");
            }
            config.load(in);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return config;
    }

    /**
     * Runs the benchmark; see {@link #runFromSystemProperties()}.
     *
     * @param args none
     * @throws Exception if the run could not start
     */
    public static void main(String[] args) throws Exception {
        List<String> problems = runFromSystemProperties();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("scenarios failed: " + problems);
        }
    }

    void runAll() throws Exception {
        server.awaitReady(180);
        JsonObject info = server.info();
        serverPid = info.getJsonNumber("pid").longValue();
        describeEnvironment(info);
        deployBulkhead64Copy();
        scenario("1-service-overhead", this::serviceOverhead);
        scenario("6-memory", this::memory);
        scenario("5-connections", this::connections);
        scenario("4-rendering", this::rendering);
        scenario("3-rate-limit-window", this::rateLimitWindow);
        scenario("2-fail-fast", this::failFast);
        scenario(InJvmBenchmarks.SCENARIO, () -> InJvmBenchmarks.run(results));
        scenario(ClusterBenchmarks.SCENARIO, () -> ClusterBenchmarks.run(results));
    }

    private interface Scenario {
        void run() throws Exception;
    }

    private void scenario(String name, Scenario scenario) {
        long started = System.nanoTime();
        LOG.info(() -> "Scenario " + name + " ...");
        paddle.always(null);
        paddle.keepIdleConnectionsOpen();
        try {
            scenario.run();
        } catch (Exception | AssertionError failure) {
            results.problem(name, failure);
            LOG.log(java.util.logging.Level.WARNING, "Scenario " + name + " failed", failure);
        }
        LOG.info(() -> "Scenario " + name + " took " + (System.nanoTime() - started) / 1_000_000_000L + " s");
    }

    // ---------------------------------------------------------------- scenario 1

    /** One implementation's numbers in one round. */
    private record Measured(double callsPerSecond, double p50, double p99, double processCpuMicrosPerCall, double stubCpuMicrosPerCall,
            long failed, long stubRequests, long calls) {
    }

    private void serviceOverhead() throws Exception {
        try (NodeSdkBaseline node = new NodeSdkBaseline(nodeDirectory, paddle.origin())) {
            List<String> implementations = List.of(SERVICE, REST_CLIENT, JDK_CLIENT, NODE_SDK);
            LOG.info("Warming up every implementation (3 s each, 16 callers, 1 and 25 subscriptions)");
            for (int subscriptions : new int[] {1, 25}) {
                for (String implementation : List.of(SERVICE, REST_CLIENT, JDK_CLIENT, NODE_SDK, SERVICE_BULKHEAD_64)) {
                    measure(node, implementation, subscriptions, 16, 3000);
                }
            }
            // 64 callers last: with the default bulkhead of 20 they trip the circuit breaker (see BENCHMARKS.md).
            for (int callers : new int[] {1, 16, 64}) {
                for (int subscriptions : new int[] {1, 25}) {
                    List<String> compared = callers == 64 ? List.of(SERVICE, SERVICE_BULKHEAD_64, REST_CLIENT, JDK_CLIENT, NODE_SDK)
                            : implementations;
                    for (String implementation : compared) {
                        measure(node, implementation, subscriptions, callers, WARMUP_MILLIS);
                    }
                    Map<String, List<Measured>> rounds = new LinkedHashMap<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < compared.size(); i++) {
                            String implementation = compared.get((round + i) % compared.size());
                            Measured measured = measure(node, implementation, subscriptions, callers, ROUND_MILLIS);
                            rounds.computeIfAbsent(implementation, key -> new ArrayList<>()).add(measured);
                        }
                    }
                    reportOverhead(subscriptions, callers, rounds);
                    if (callers == 64) {
                        awaitCircuitClosed();
                    }
                }
            }
        }
    }

    /** Waits (bounded) until the service's circuit breaker lets calls through again after an overload tripped it. */
    private void awaitCircuitClosed() throws InterruptedException {
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject probe = server.load(SERVICE, Map.of("threads", 1, "subscriptions", 1, "maxCalls", 1, "maxMillis", 5000));
            if (probe.getJsonNumber("succeeded").longValue() == 1) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the circuit breaker did not close within 40 s");
    }

    /**
     * Deploys a copy of the benchmark WAR whose only difference is a bulkhead of 64 instead of 20, to show what the
     * service costs at 64 callers when the bulkhead does not reject them.
     */
    private void deployBulkhead64Copy() throws IOException, InterruptedException {
        Path dropins = serverDirectory.resolve("dropins");
        Path copy = Files.copy(dropins.resolve("portal-benchmarks.war"), serverDirectory.resolve(BULKHEAD_64_CONTEXT + ".war"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (java.nio.file.FileSystem war = java.nio.file.FileSystems.newFileSystem(copy)) {
            Path config = war.getPath("WEB-INF/classes/META-INF/microprofile-config.properties");
            Files.writeString(config, Files.readString(config) + "dev.portallinks.impl.PaddleGateway/Bulkhead/value=64\n");
        }
        Files.move(copy, dropins.resolve(BULKHEAD_64_CONTEXT + ".war"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        bulkhead64Server.awaitReady(120);
    }

    private Measured measure(NodeSdkBaseline node, String implementation, int subscriptions, int callers, long millis) throws Exception {
        PaddleSimulator.Mark stubMark = paddle.mark();
        JsonObject round;
        double processCpuMicros;
        if (NODE_SDK.equals(implementation)) {
            round = node.round(subscriptions, callers, 1_000_000, millis);
            processCpuMicros = round.getJsonNumber("cpuMicros").doubleValue();
        } else {
            long cpuBefore = ProcessCpu.micros(serverPid);
            BenchmarkServer target = SERVICE_BULKHEAD_64.equals(implementation) ? bulkhead64Server : server;
            String calling = SERVICE_BULKHEAD_64.equals(implementation) ? SERVICE : implementation;
            round = target.load(calling, Map.of("threads", callers, "subscriptions", subscriptions, "maxCalls", 1_000_000, "maxMillis", millis));
            processCpuMicros = ProcessCpu.micros(serverPid) - cpuBefore;
        }
        long stubRequests = stubMark.requests();
        double stubCpuMicros = stubMark.cpuTime().toNanos() / 1000.0;
        long calls = round.getJsonNumber("calls").longValue();
        Measured measured = new Measured(round.getJsonNumber("callsPerSecond").doubleValue(), round.getJsonNumber("p50Micros").doubleValue(),
                round.getJsonNumber("p99Micros").doubleValue(), processCpuMicros / Math.max(1, calls), stubCpuMicros / Math.max(1, calls),
                round.getJsonNumber("failed").longValue(), stubRequests, calls);
        if (millis == ROUND_MILLIS) {
            results.round("1-service-overhead", implementation, Json.createObjectBuilder(round).add("processCpuMicros", processCpuMicros)
                    .add("stubCpuMicros", stubCpuMicros).add("stubRequests", stubRequests).build());
        }
        return measured;
    }

    private void reportOverhead(int subscriptions, int callers, Map<String, List<Measured>> rounds) {
        String scenario = "1-service-overhead";
        String load = callers + (callers == 1 ? " caller, " : " callers, ") + subscriptions + (subscriptions == 1 ? " subscription" : " subscriptions");
        double service = median(rounds.get(SERVICE), Measured::callsPerSecond);
        double rest = median(rounds.get(REST_CLIENT), Measured::callsPerSecond);
        double jdk = median(rounds.get(JDK_CLIENT), Measured::callsPerSecond);
        double node = median(rounds.get(NODE_SDK), Measured::callsPerSecond);
        double restTarget = callers == 1 ? 0.95 : 0.90;
        long serviceFailures = rounds.get(SERVICE).stream().mapToLong(Measured::failed).sum();
        String failures = serviceFailures == 0 ? null : serviceFailures + " failed service calls in the rounds (see rounds[].measured.failureTypes)";
        results.add(new Results.Entry(scenario, "calls/s, " + load, service, "calls/s", REST_CLIENT, rest, service / rest,
                "ratio >= " + restTarget, service / rest >= restTarget, failures));
        if (rounds.containsKey(SERVICE_BULKHEAD_64)) {
            double wide = median(rounds.get(SERVICE_BULKHEAD_64), Measured::callsPerSecond);
            long wideFailures = rounds.get(SERVICE_BULKHEAD_64).stream().mapToLong(Measured::failed).sum();
            results.add(new Results.Entry(scenario, "calls/s, " + load + ", bulkhead raised to 64", wide, "calls/s", REST_CLIENT, rest, wide / rest,
                    "ratio >= " + restTarget, wide / rest >= restTarget, "same service, PaddleGateway/Bulkhead/value=64; " + wideFailures
                            + " failed calls"));
            double wideP99 = median(rounds.get(SERVICE_BULKHEAD_64), Measured::p99);
            double restP99ForWide = median(rounds.get(REST_CLIENT), Measured::p99);
            results.add(new Results.Entry(scenario, "p99 latency, " + load + ", bulkhead raised to 64", wideP99, "µs", REST_CLIENT, restP99ForWide,
                    wideP99 - restP99ForWide, "added p99 < 1000 µs", wideP99 - restP99ForWide < 1000, "ratio column: service minus baseline, µs"));
            double wideCpu = median(rounds.get(SERVICE_BULKHEAD_64), Measured::processCpuMicrosPerCall);
            double restCpu = median(rounds.get(REST_CLIENT), Measured::processCpuMicrosPerCall);
            results.add(new Results.Entry(scenario, "process CPU per call, " + load + ", bulkhead raised to 64", wideCpu, "µs", REST_CLIENT, restCpu,
                    wideCpu - restCpu, null, null, "ratio column: service minus baseline, µs"));
        }
        results.add(new Results.Entry(scenario, "calls/s, " + load, service, "calls/s", JDK_CLIENT, jdk, service / jdk, null, null,
                "reference only: the raw JDK client is not the floor"));
        boolean nodeTarget = callers <= 16;
        results.add(new Results.Entry(scenario, "calls/s, " + load, service, "calls/s", NODE_SDK, node, service / node,
                nodeTarget ? "ratio >= 1.0" : null, nodeTarget ? service / node >= 1.0 : null, null));
        double serviceP99 = median(rounds.get(SERVICE), Measured::p99);
        double restP99 = median(rounds.get(REST_CLIENT), Measured::p99);
        results.add(new Results.Entry(scenario, "p99 latency, " + load, serviceP99, "µs", REST_CLIENT, restP99, serviceP99 - restP99,
                "added p99 < 1000 µs", serviceFailures == 0 && serviceP99 - restP99 < 1000, serviceFailures == 0
                        ? "ratio column: service minus baseline, µs" : "not met: the service's calls failed (fast), see calls/s"));
        results.add(new Results.Entry(scenario, "p50 latency, " + load, median(rounds.get(SERVICE), Measured::p50), "µs", REST_CLIENT,
                median(rounds.get(REST_CLIENT), Measured::p50), median(rounds.get(SERVICE), Measured::p50)
                        - median(rounds.get(REST_CLIENT), Measured::p50), null, null, "ratio column: service minus baseline, µs"));
        for (String baseline : List.of(REST_CLIENT, JDK_CLIENT, NODE_SDK)) {
            double serviceCpu = median(rounds.get(SERVICE), Measured::processCpuMicrosPerCall);
            double baselineCpu = median(rounds.get(baseline), Measured::processCpuMicrosPerCall);
            results.add(new Results.Entry(scenario, "process CPU per call, " + load, serviceCpu, "µs", baseline, baselineCpu, serviceCpu - baselineCpu,
                    null, null, NODE_SDK.equals(baseline) ? "service: Liberty process; baseline: the Node process"
                            : "Liberty process CPU (utime+stime) per call; ratio column: service minus baseline, µs"));
        }
        for (String implementation : List.of(SERVICE, REST_CLIENT, JDK_CLIENT, NODE_SDK)) {
            results.value(scenario, "stub CPU per call (" + implementation + "), " + load, median(rounds.get(implementation),
                    Measured::stubCpuMicrosPerCall), "µs", null, null, "the Paddle simulator's own threads (PaddleSimulator.cpuTime()); it is not"
                            + " the bottleneck when this is well below the caller's CPU per call");
        }
    }

    private static double median(List<Measured> rounds, java.util.function.ToDoubleFunction<Measured> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    // ---------------------------------------------------------------- scenario 6

    private void memory() {
        String scenario = "6-memory";
        long calls = 100_000;
        JsonObject before = server.heap();
        JsonObject run = server.load(SERVICE, Map.of("threads", 16, "subscriptions", 1, "maxCalls", calls, "maxMillis", 150_000));
        results.round(scenario, SERVICE, run);
        JsonObject after = server.heap();
        double beforeMb = before.getJsonNumber("usedBytes").longValue() / 1048576.0;
        double afterMb = after.getJsonNumber("usedBytes").longValue() / 1048576.0;
        long made = run.getJsonNumber("calls").longValue();
        results.value(scenario, "service calls made", made, "calls", "100000", made == calls, "failed: " + run.getJsonNumber("failed"));
        results.add(new Results.Entry(scenario, "heap after GC, after the calls", afterMb, "MiB", "heap after GC before the calls", beforeMb,
                afterMb - beforeMb, "growth < 2 MiB (nothing retained)", afterMb - beforeMb < 2, "ratio column: growth in MiB"));
    }

    // ---------------------------------------------------------------- scenario 5

    private void connections() throws Exception {
        String scenario = "5-connections";
        for (String implementation : List.of(SERVICE, REST_CLIENT, JDK_CLIENT)) {
            PaddleSimulator.Mark mark = paddle.mark();
            JsonObject run = server.load(implementation, Map.of("threads", 16, "subscriptions", 1, "maxCalls", 10_000, "maxMillis", 60_000));
            results.round(scenario, implementation, run);
            long used = mark.connectionsUsed();
            long calls = run.getJsonNumber("calls").longValue();
            results.value(scenario, "TCP connections carrying " + calls + " calls, 16 callers (" + implementation + ")", used, "connections",
                    SERVICE.equals(implementation) ? "<= 50 (the pool), not one per call" : null, SERVICE.equals(implementation) ? used <= 50 : null,
                    "new connections opened meanwhile: " + mark.connectionsOpened() + "; failed calls: " + run.getJsonNumber("failed"));
        }
        int idleMillis = 1000;
        paddle.closeIdleConnectionsAfter(Duration.ofMillis(idleMillis));
        for (String implementation : List.of(SERVICE, REST_CLIENT, JDK_CLIENT)) {
            PaddleSimulator.Mark mark = paddle.mark();
            JsonObject run = server.load(implementation, Map.of("threads", 16, "subscriptions", 1, "maxCalls", 100_000, "maxMillis", 15_000,
                    "pauseMillis", idleMillis, "pauseJitterMillis", 50));
            results.round(scenario, implementation + " idle-close", run);
            long failed = run.getJsonNumber("failed").longValue();
            results.value(scenario, "failed calls, stub closes keep-alive connections idle " + idleMillis + " ms, callers pause "
                    + idleMillis + " ± 50 ms, 16 callers (" + implementation + ")", failed, "failed calls", SERVICE.equals(implementation) ? "0" : null,
                    SERVICE.equals(implementation) ? failed == 0 : null, run.getJsonNumber("calls") + " calls, "
                            + mark.connectionsOpened() + " connections opened; failures: " + run.getJsonObject("failureTypes"));
        }
        paddle.keepIdleConnectionsOpen();

        // The race itself, made deterministic: the request arrives on a connection the stub closes at that moment. One
        // such request in every 10 calls (more would trip the circuit breaker, which counts every failed attempt).
        int attempts = 20;
        for (String implementation : List.of(SERVICE, REST_CLIENT, JDK_CLIENT)) {
            long failed = 0;
            PaddleSimulator.Mark mark = paddle.mark();
            Map<String, Integer> failureTypes = new java.util.TreeMap<>();
            for (int i = 0; i < attempts; i++) {
                // read, then closed without an answer: as when Paddle closes an idle connection just as the request arrives
                paddle.nextCalls(1, Fault.closeBeforeAnswer());
                JsonObject one = server.load(implementation, Map.of("threads", 1, "subscriptions", 1, "maxCalls", 10, "maxMillis", 10_000));
                failed += one.getJsonNumber("failed").longValue();
                one.getJsonObject("failureTypes").forEach((type, count) -> failureTypes.merge(type, 1, Integer::sum));
            }
            // none left over for the next implementation
            paddle.clearFaultsAndRequests();
            results.value(scenario, "failed calls out of " + attempts * 10 + ", " + attempts + " of whose requests met a connection closed as they"
                    + " arrived (" + implementation + ")",
                    failed, "failed calls", SERVICE.equals(implementation) ? "0 (the I/O error is retried)" : null,
                    SERVICE.equals(implementation) ? failed == 0 : null, mark.requests() + " requests reached the stub; failures: "
                            + failureTypes);
        }
    }

    // ---------------------------------------------------------------- scenario 4

    private void rendering() {
        String scenario = "4-rendering";
        String billing = server.page("billing.xhtml");
        int rows = count(billing, "pl-button--cancel\"");
        results.value(scenario, "cancel buttons rendered on the billing page", rows, "buttons", "25", rows == 25, null);
        for (int i = 0; i < 300; i++) {
            server.page("billing.xhtml");
            server.page("plain.xhtml");
        }
        PaddleSimulator.Mark mark = paddle.mark();
        int perRound = 300;
        Map<String, List<double[]>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < 6; round++) {
            for (String page : round % 2 == 0 ? List.of("billing.xhtml", "plain.xhtml") : List.of("plain.xhtml", "billing.xhtml")) {
                long cpuBefore = ProcessCpu.micros(serverPid);
                long deadline = System.nanoTime() + 20_000_000_000L;
                double[] latencies = new double[perRound];
                int done = 0;
                while (done < perRound && System.nanoTime() < deadline) {
                    long started = System.nanoTime();
                    server.page(page);
                    latencies[done++] = (System.nanoTime() - started) / 1000.0;
                }
                double cpuPerRender = (ProcessCpu.micros(serverPid) - cpuBefore) / (double) done;
                double[] measured = Arrays.copyOf(latencies, done);
                Arrays.sort(measured);
                rounds.computeIfAbsent(page, key -> new ArrayList<>()).add(new double[] {measured[done / 2], cpuPerRender});
                results.round(scenario, page, Json.createObjectBuilder().add("renders", done).add("medianMicros", measured[done / 2])
                        .add("serverCpuMicrosPerRender", cpuPerRender).build());
            }
        }
        long paddleCalls = mark.requests();
        double billingLatency = medianOf(rounds.get("billing.xhtml"), 0);
        double plainLatency = medianOf(rounds.get("plain.xhtml"), 0);
        double billingCpu = medianOf(rounds.get("billing.xhtml"), 1);
        double plainCpu = medianOf(rounds.get("plain.xhtml"), 1);
        results.add(new Results.Entry(scenario, "median response time per render, 25 subscriptions", billingLatency, "µs",
                "same page without the component", plainLatency, billingLatency - plainLatency, "added < 2000 µs", billingLatency - plainLatency < 2000,
                "ratio column: added µs per render"));
        results.add(new Results.Entry(scenario, "server CPU per render, 25 subscriptions", billingCpu, "µs", "same page without the component",
                plainCpu, billingCpu - plainCpu, null, null, "ratio column: added µs of CPU per render (10 ms tick resolution, both cores;"
                        + " the target is on time, above)"));
        results.value(scenario, "calls to Paddle while rendering", paddleCalls, "requests", "0", paddleCalls == 0, null);
    }

    private static double medianOf(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(round -> round[index]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    // ---------------------------------------------------------------- scenario 3

    private void rateLimitWindow() throws InterruptedException {
        String scenario = "3-rate-limit-window";
        int retryAfter = 4;
        paddle.always(Fault.rateLimited(Duration.ofSeconds(retryAfter)));
        PaddleSimulator.Mark beforeFirst = paddle.mark();
        long windowOpened = System.nanoTime();
        JsonObject first = server.load(SERVICE, Map.of("threads", 1, "subscriptions", 1, "maxCalls", 1, "maxMillis", 10_000));
        results.round(scenario, "first call (429)", first);
        paddle.always(null);
        long firstRequests = beforeFirst.requests();
        PaddleSimulator.Mark afterFirst = paddle.mark();
        JsonObject during = server.load(SERVICE, Map.of("threads", 4, "subscriptions", 1, "maxCalls", 200_000, "maxMillis", 2500));
        results.round(scenario, "calls during the window", during);
        long reached = afterFirst.requests();
        results.value(scenario, "requests reaching Paddle during the Retry-After window (" + during.getJsonNumber("calls") + " calls in 2.5 s of a "
                + retryAfter + " s window, 4 callers)", reached, "requests", "0", reached == 0, "the first call's 429: "
                        + firstRequests + " request; failures: " + during.getJsonObject("failureTypes"));
        results.value(scenario, "time to error during the window, p99", during.getJsonNumber("p99Micros").doubleValue(), "µs", null, null, null);
        long waitMillis = retryAfter * 1000L + 500 - (System.nanoTime() - windowOpened) / 1_000_000;
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        JsonObject afterWindow = server.load(SERVICE, Map.of("threads", 1, "subscriptions", 1, "maxCalls", 1, "maxMillis", 10_000));
        results.value(scenario, "calls succeeding after the window", afterWindow.getJsonNumber("succeeded").longValue(), "calls", "1",
                afterWindow.getJsonNumber("succeeded").longValue() == 1, null);
    }

    // ---------------------------------------------------------------- scenario 2

    private void failFast() throws Exception {
        String scenario = "2-fail-fast";
        paddle.always(Fault.closeBeforeAnswer());
        PaddleSimulator.Mark mark = paddle.mark();
        JsonObject closing = server.load(SERVICE, Map.of("threads", 1, "subscriptions", 1, "maxCalls", 1, "maxMillis", 10_000));
        results.round(scenario, "stub closes connections", closing);
        results.value(scenario, "first failure when Paddle closes connections (I/O error, retried twice)", closing.getJsonNumber("maxMicros")
                .doubleValue() / 1000, "ms", "<= 6300 ms (documented bound)", closing.getJsonNumber("maxMicros").doubleValue() / 1000 <= 6300,
                mark.requests() + " requests; " + closing.getJsonObject("failureTypes"));

        // No answer until the caller gives up and closes the connection (the simulator then ends the hang).
        paddle.always(Fault.hang());
        mark = paddle.mark();
        PingLoop pingsWhileHanging = PingLoop.start(server);
        JsonObject hanging = server.load(SERVICE, Map.of("threads", 10, "subscriptions", 1, "maxCalls", 10, "maxMillis", 20_000));
        double[] pingsA = pingsWhileHanging.stop();
        results.round(scenario, "stub hangs, circuit closed", hanging);
        results.value(scenario, "first failures when Paddle hangs (10 concurrent calls), slowest", hanging.getJsonNumber("maxMicros").doubleValue() / 1000,
                "ms", "about 2000 ms (a slow Paddle costs 2 s; <= 6300 ms)", hanging.getJsonNumber("maxMicros").doubleValue() / 1000 <= 2500,
                mark.requests() + " requests; " + hanging.getJsonObject("failureTypes"));
        results.value(scenario, "plain endpoint p99 while 10 calls hang", percentile(pingsA, 0.99) / 1000, "ms", null, null,
                pingsA.length + " pings, " + failures(pingsA) + " failed");

        // The circuit is open for 10 s from the first failures: three short phases fit in it.
        mark = paddle.mark();
        JsonObject single = server.load(SERVICE, Map.of("threads", 1, "subscriptions", 1, "maxCalls", 1_000_000, "maxMillis", 1500));
        results.round(scenario, "circuit open, 1 caller", single);
        double singleP99 = single.getJsonNumber("p99Micros").doubleValue() / 1000;
        results.value(scenario, "time to error with the circuit open, p99, 1 caller (" + single.getJsonNumber("calls") + " calls)", singleP99, "ms",
                "< 2 ms", singleP99 < 2, "p50 " + single.getJsonNumber("p50Micros") + " µs; failures: " + single.getJsonObject("failureTypes"));

        PingLoop pingsWhileOpen = PingLoop.start(server);
        JsonObject paced = server.load(SERVICE, Map.of("threads", 16, "subscriptions", 1, "maxCalls", 1_000_000, "maxMillis", 1500,
                "pauseMillis", 5, "pauseJitterMillis", 0));
        double[] pingsB = pingsWhileOpen.stop();
        results.round(scenario, "circuit open, 16 callers pausing 5 ms", paced);
        double pacedP99 = paced.getJsonNumber("p99Micros").doubleValue() / 1000;
        results.value(scenario, "time to error with the circuit open, p99, 16 callers each pausing 5 ms (" + paced.getJsonNumber("calls") + " calls)",
                pacedP99, "ms", "< 2 ms", pacedP99 < 2, "p50 " + paced.getJsonNumber("p50Micros") + " µs; failures: "
                        + paced.getJsonObject("failureTypes"));
        double pingP99 = percentile(pingsB, 0.99) / 1000;
        results.value(scenario, "plain endpoint p99 while the circuit is open and 16 callers call", pingP99, "ms",
                "request threads not exhausted: every ping answered", failures(pingsB) == 0 && pingsB.length > 0,
                pingsB.length + " pings, " + failures(pingsB) + " failed, median " + percentile(pingsB, 0.5) / 1000 + " ms");

        JsonObject saturated = server.load(SERVICE, Map.of("threads", 16, "subscriptions", 1, "maxCalls", 1_000_000, "maxMillis", 1500));
        results.round(scenario, "circuit open, 16 callers in a tight loop", saturated);
        double saturatedP99 = saturated.getJsonNumber("p99Micros").doubleValue() / 1000;
        results.value(scenario, "time to error with the circuit open, p99, 16 callers in a tight loop on 2 cores (" + saturated.getJsonNumber("calls")
                + " calls)", saturatedP99, "ms", null, null, "CPU-saturated: includes waiting for a core; failures: "
                        + saturated.getJsonObject("failureTypes"));
        long reached = mark.requests();
        results.value(scenario, "requests reaching Paddle while the circuit is open", reached, "requests", "0", reached == 0, null);
        paddle.always(null);
    }

    private static double percentile(double[] values, double fraction) {
        double[] ok = Arrays.stream(values).filter(value -> value >= 0).sorted().toArray();
        if (ok.length == 0) {
            return Double.NaN;
        }
        return ok[(int) Math.max(0, Math.min(ok.length - 1, Math.ceil(fraction * ok.length) - 1))];
    }

    private static long failures(double[] values) {
        return Arrays.stream(values).filter(value -> value < 0).count();
    }

    /** Calls the plain endpoint in a loop (at most 10 000 times) on another thread until stopped. */
    private static final class PingLoop {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CompletableFuture<double[]> pings;

        private PingLoop(BenchmarkServer server) {
            pings = CompletableFuture.supplyAsync(() -> {
                double[] taken = new double[10_000];
                int count = 0;
                while (running.get() && count < taken.length) {
                    taken[count++] = server.ping();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                return Arrays.copyOf(taken, count);
            });
        }

        static PingLoop start(BenchmarkServer server) {
            return new PingLoop(server);
        }

        double[] stop() throws Exception {
            running.set(false);
            return pings.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- environment

    private void describeEnvironment(JsonObject info) {
        results.environment("date", Instant.now().toString());
        results.environment("command", System.getProperty("bench.command", "mvn -B -Pbenchmark verify"));
        results.environment("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
        results.environment("memory", firstLine("/proc/meminfo", "MemTotal"));
        results.environment("cpuModel", firstLine("/proc/cpuinfo", "model name"));
        results.environment("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        results.environment("openLiberty", System.getProperty("bench.openliberty.version", "unknown"));
        results.environment("serverJava", info.getString("javaVersion") + " (" + info.getString("javaVm") + ")");
        results.environment("serverMaxHeapBytes", info.getJsonNumber("maxHeapBytes").toString());
        results.environment("driverJava", System.getProperty("java.version"));
        results.environment("node", command("node", "--version"));
        results.environment("paddleNodeSdk", NodeSdkBaseline.sdkVersion(nodeDirectory));
        results.environment("roundMillis", Long.toString(ROUND_MILLIS));
        results.environment("rounds", Integer.toString(ROUNDS));
    }

    private static String firstLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ")).findFirst().orElse("unknown");
        } catch (IOException unknown) {
            return "unknown";
        }
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException unknown) {
            return "unknown";
        }
    }
}
