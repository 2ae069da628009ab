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
 * Scenario 8: the added cost per call of the shared {@code Retry-After} window check (issue 16), measured with JMH
 * ({@code dev.portallinks.benchmarks.cluster.SharedWindowCheckBenchmark}) in a forked JVM with two embedded Hazelcast
 * members on 127.0.0.1: the check with the cluster setting minus the same check without it, both in the same run, at
 * 16 callers (the target) and at 1 (for comparison); beside it the bare JCache read on the caller's thread, to tell
 * Hazelcast's share from the library's hand-over to its worker thread.
 */
final class ClusterBenchmarks {

    static final String SCENARIO = "8-shared-window-jmh";
    private static final int CALLERS = 16;
    private static final double TARGET_MICROS = 50;

    private ClusterBenchmarks() {
    }

    /**
     * Runs the JMH benchmark at 16 callers and at 1 and adds its figures.
     *
     * @param results where the figures go
     * @throws RunnerException when JMH cannot run
     */
    static void run(Results results) throws RunnerException {
        for (int callers : new int[] {CALLERS, 1}) {
            Map<String, Double> micros = measure(callers);
            double local = micros.get("perInstance");
            for (String member : new String[] {"OtherMember", "ThisMember"}) {
                double shared = micros.get("sharedEntryOn" + member);
                double added = shared - local;
                String where = member.equals("OtherMember") ? "entry on the other member" : "entry on this instance's member";
                boolean target = callers == CALLERS;
                results.add(new Results.Entry(SCENARIO, "added cost of the shared window check, " + callers + " caller(s), " + where, added, "µs/call",
                        "the same check without paddle.cluster (per instance)", local, shared / local, target ? "< " + (int) TARGET_MICROS + " µs per call" : null,
                        target ? added < TARGET_MICROS : null, String.format(Locale.ROOT, "JMH average time per call, %d thread(s), 1 fork, 5 × 1 s after"
                                + " 3 × 1 s warm-up; shared %.1f µs, per instance %.3f µs, JCache get alone on the caller's thread %.1f µs;"
                                + " two Hazelcast 5.5.0 members on 127.0.0.1, no window open", callers, shared, local, micros.get("cacheGetOn" + member))));
            }
        }
    }

    private static Map<String, Double> measure(int callers) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("dev\\.portallinks\\.benchmarks\\.cluster\\.SharedWindowCheckBenchmark\\.")
                .forks(1)
                .threads(callers)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx512m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        Map<String, Double> micros = new HashMap<>();
        for (RunResult run : runs) {
            String benchmark = run.getParams().getBenchmark();
            micros.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult().getScore());
        }
        return micros;
    }
}
