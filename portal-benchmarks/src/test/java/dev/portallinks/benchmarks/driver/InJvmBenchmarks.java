package dev.portallinks.benchmarks.driver;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Scenario 7: the in-JVM cost of a session, measured with JMH ({@code dev.portallinks.impl.paddle.LinkCheckBenchmark})
 * in a forked JVM: the one-pass link check against {@code java.net.URI} parsing the same link (the baseline, measured
 * in the same run), and {@code PortalSessionMapper.toSession} with 1 and 25 subscriptions, per call and per link, alone
 * and followed by what a redirect does (one link parsed into a URI).
 */
final class InJvmBenchmarks {

    static final String SCENARIO = "7-in-jvm-jmh";
    private static final double CHECKER_TARGET_NANOS = 1000;

    private InJvmBenchmarks() {
    }

    /**
     * Runs the JMH benchmarks and adds their figures.
     *
     * @param results where the figures go
     * @throws RunnerException when JMH cannot run
     */
    static void run(Results results) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("dev\\.portallinks\\.impl\\.paddle\\.LinkCheckBenchmark\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx256m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        Map<String, Double> nanos = new HashMap<>();
        for (RunResult run : runs) {
            String method = run.getParams().getBenchmark().substring(run.getParams().getBenchmark().lastIndexOf('.') + 1);
            nanos.put(method + "/" + run.getParams().getParam("subscriptions"), run.getPrimaryResult().getScore());
        }
        double check = nanos.get("checkOneLink/1");
        double parse = nanos.get("parseOneLink/1");
        results.add(new Results.Entry(SCENARIO, "one-pass check of one subscription link", check, "ns/op", "java.net.URI parse of the same link",
                parse, check / parse, "≤ " + (int) CHECKER_TARGET_NANOS + " ns per link", check <= CHECKER_TARGET_NANOS,
                "JMH average time, 1 fork, 5 × 1 s after 3 × 1 s warm-up; a link is parsed into a URI only when a caller asks for it"));
        for (String subscriptions : new String[] {"1", "25"}) {
            double session = nanos.get("toSession/" + subscriptions);
            int links = 1 + 2 * Integer.parseInt(subscriptions);
            results.value(SCENARIO, "toSession, " + subscriptions + " subscription(s), " + links + " links", session / 1000, "µs/op", null, null,
                    "every link checked, the value types built; " + String.format(Locale.ROOT, "%.0f", session / links) + " ns per link");
            results.value(SCENARIO, "toSession and the one link a redirect takes, " + subscriptions + " subscription(s)",
                    nanos.get("toSessionThenOneLink/" + subscriptions) / 1000, "µs/op", null, null, "the session, then one link parsed into a URI");
        }
    }
}
