package dev.portallinks.benchmarks.server;

import dev.portallinks.api.PaddleUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one bounded round: {@code threads} platform threads call a {@link PortalSessionCaller} in a loop until
 * {@code maxCalls} calls have started or {@code seconds} have passed, whichever comes first, and records every
 * call's duration (success or failure).
 */
public final class LoadRunner {

    /** At most this many latencies are kept per round (the rest are counted but not timed). */
    private static final int MAX_RECORDED = 2_000_000;

    private LoadRunner() {
    }

    /**
     * Describes one round.
     *
     * @param threads concurrent callers, 1 to 256
     * @param subscriptions subscriptions per session, 0 to 25
     * @param maxCalls the most calls to start
     * @param maxMillis the most time to spend starting calls
     * @param pauseMillis each caller's pause after a call, 0 for none
     * @param pauseJitterMillis a random ± variation of the pause
     */
    public record Round(int threads, int subscriptions, long maxCalls, long maxMillis, long pauseMillis, long pauseJitterMillis) {

        /** Checks the bounds. */
        public Round {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be 1 to 256");
            }
            if (maxCalls < 1 || maxCalls > 1_000_000) {
                throw new IllegalArgumentException("maxCalls must be 1 to 1000000");
            }
            if (maxMillis < 1 || maxMillis > 180_000) {
                throw new IllegalArgumentException("maxMillis must be 1 to 180000");
            }
            if (pauseMillis < 0 || pauseJitterMillis < 0 || pauseJitterMillis > pauseMillis) {
                throw new IllegalArgumentException("pauses must be 0 or more, the jitter at most the pause");
            }
        }
    }

    /**
     * Runs one round and reports it.
     *
     * @param caller what to call
     * @param round the bounds
     * @return calls, failures by type, calls per second and latency percentiles (microseconds)
     * @throws InterruptedException if interrupted while waiting for the callers
     */
    public static JsonObject run(PortalSessionCaller caller, Round round) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        LongAdder failures = new LongAdder();
        Map<String, LongAdder> failureTypes = new ConcurrentHashMap<>();
        long[][] latencies = new long[round.threads()][];
        int[] recorded = new int[round.threads()];
        int perThread = MAX_RECORDED / round.threads();
        ClassLoader applicationLoader = Thread.currentThread().getContextClassLoader();
        long begin = System.nanoTime();
        long deadline = begin + round.maxMillis() * 1_000_000L;
        Thread[] callers = new Thread[round.threads()];
        for (int t = 0; t < callers.length; t++) {
            int index = t;
            latencies[index] = new long[Math.min(perThread, (int) Math.min(round.maxCalls(), 1 << 16))];
            callers[t] = new Thread(() -> {
                long[] mine = latencies[index];
                int count = 0;
                while (System.nanoTime() < deadline && started.incrementAndGet() <= round.maxCalls()) {
                    long callStart = System.nanoTime();
                    try {
                        caller.createSession(round.subscriptions());
                    } catch (RuntimeException failure) {
                        failures.increment();
                        failureTypes.computeIfAbsent(describe(failure), key -> new LongAdder()).increment();
                    }
                    long took = System.nanoTime() - callStart;
                    if (count == mine.length && mine.length < perThread) {
                        mine = Arrays.copyOf(mine, Math.min(perThread, mine.length * 2));
                        latencies[index] = mine;
                    }
                    if (count < mine.length) {
                        mine[count++] = took;
                    }
                    if (round.pauseMillis() > 0 && !pause(round)) {
                        break;
                    }
                }
                recorded[index] = count;
            }, "bench-caller-" + t);
            callers[t].setContextClassLoader(applicationLoader);
            callers[t].setDaemon(true);
        }
        for (Thread thread : callers) {
            thread.start();
        }
        for (Thread thread : callers) {
            thread.join(round.maxMillis() + 30_000);
        }
        long elapsed = System.nanoTime() - begin;
        int total = 0;
        for (int count : recorded) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < callers.length; t++) {
            System.arraycopy(latencies[t], 0, all, at, recorded[t]);
            at += recorded[t];
        }
        Arrays.sort(all);
        long calls = Math.min(started.get(), round.maxCalls());
        long succeeded = calls - failures.sum();
        Map<String, Long> types = new TreeMap<>();
        failureTypes.forEach((type, count) -> types.put(type, count.sum()));
        JsonObjectBuilder typeJson = Json.createObjectBuilder();
        types.forEach(typeJson::add);
        return Json.createObjectBuilder()
                .add("threads", round.threads())
                .add("subscriptions", round.subscriptions())
                .add("calls", calls)
                .add("succeeded", succeeded)
                .add("failed", failures.sum())
                .add("failureTypes", typeJson)
                .add("elapsedMicros", elapsed / 1000)
                .add("callsPerSecond", succeeded * 1e9 / elapsed)
                .add("p50Micros", percentile(all, 0.50))
                .add("p90Micros", percentile(all, 0.90))
                .add("p99Micros", percentile(all, 0.99))
                .add("maxMicros", all.length == 0 ? 0 : all[all.length - 1] / 1000.0)
                .add("meanMicros", mean(all))
                .build();
    }

    private static boolean pause(Round round) {
        long jitter = round.pauseJitterMillis() == 0 ? 0
                : ThreadLocalRandom.current().nextLong(-round.pauseJitterMillis(), round.pauseJitterMillis() + 1);
        try {
            Thread.sleep(round.pauseMillis() + jitter);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(RuntimeException failure) {
        String type = failure.getClass().getSimpleName();
        if (failure instanceof PaddleUnavailableException unavailable) {
            return type + ":" + unavailable.reason();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? type : type + ":" + root.getClass().getSimpleName();
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private static double mean(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length / 1000.0;
    }
}
