package dev.portallinks.benchmarks.cluster;

import com.hazelcast.core.HazelcastInstance;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.cluster.ClusterSettings;
import dev.portallinks.impl.cluster.LoopbackHazelcast;
import dev.portallinks.impl.cluster.SharedState;
import dev.portallinks.impl.cluster.jcache.JCacheSharedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.awaitility.Awaitility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the shared {@code Retry-After} window adds to every call to Paddle (scenario 8 of the benchmark driver, run by
 * JMH with 16 threads): {@link RateLimitWindow#checkClosed} with {@code paddle.cluster.*} set, on an instance whose
 * embedded Hazelcast member (one of two, joined over TCP on 127.0.0.1) does or does not own the window's entry, against
 * the same check without the cluster setting (the per-instance state). No window is open: the common case, every call
 * asks the cache and finds nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SharedWindowCheckBenchmark {

    private static final PaddleOperation CREATE = PaddleOperation.CREATE_PORTAL_SESSION;

    private LoopbackHazelcast cluster;
    private final List<SharedState> states = new ArrayList<>();
    private RateLimitWindow perInstance;
    private RateLimitWindow sharedEntryOnOtherMember;
    private RateLimitWindow sharedEntryOnThisMember;
    private Cache<Object, Object> windows;
    private String keyOnOtherMember;
    private String keyOnThisMember;

    /** Starts two members, and the library's shared state on the first one's cache manager, with the default timeout. */
    @Setup
    public void startMembers() {
        cluster = LoopbackHazelcast.start(2);
        Awaitility.await("partitions assigned").atMost(Duration.ofSeconds(60))
                .until(() -> cluster.member(0).getPartitionService().getPartition("any").getOwner() != null);
        CacheManager manager = cluster.cacheManager(0);
        String cacheName = "portal-links-bench";
        perInstance = new RateLimitWindow(Clock.systemUTC(), () -> null);
        keyOnOtherMember = keyOwnedBy(cluster.member(1));
        keyOnThisMember = keyOwnedBy(cluster.member(0));
        sharedEntryOnOtherMember = shared(manager, cacheName, keyOnOtherMember);
        sharedEntryOnThisMember = shared(manager, cacheName, keyOnThisMember);
        windows = manager.getCache(cacheName + ".retry-after");
    }

    private RateLimitWindow shared(CacheManager manager, String cacheName, String windowKey) {
        SharedState state = new SharedState("benchmark", windowKey, () -> new JCacheSharedStore(manager, cacheName, false),
                ClusterSettings.DEFAULT_TIMEOUT, ClusterSettings.DEFAULT_RETRY_INTERVAL, Clock.systemUTC());
        states.add(state);
        Awaitility.await("connected").atMost(Duration.ofSeconds(30)).until(() -> state.call(store -> true, () -> false));
        return new RateLimitWindow(Clock.systemUTC(), () -> state);
    }

    /** A Paddle base URL (the window's key) whose partition the member owns. */
    private String keyOwnedBy(HazelcastInstance owner) {
        for (int i = 0;; i++) {
            String key = "https://api-" + i + ".paddle.test";
            if (cluster.member(0).getPartitionService().getPartition(key).getOwner().getUuid().equals(owner.getCluster().getLocalMember().getUuid())) {
                return key;
            }
        }
    }

    /** Fails the run if the shared state fell back to the local one: the figures would then measure the wrong path. */
    @TearDown
    public void stopMembers() {
        boolean fellBack = states.stream().anyMatch(SharedState::down);
        states.forEach(SharedState::close);
        cluster.close();
        if (fellBack) {
            throw new IllegalStateException("the shared state fell back to the local state during the run (paddle.cluster.timeout-ms exceeded)");
        }
    }

    /** The check without {@code paddle.cluster.*} (the baseline). */
    @Benchmark
    public void perInstance() {
        perInstance.checkClosed(CREATE);
    }

    /** The shared check, the window's entry on the other member: one request over TCP per call. */
    @Benchmark
    public void sharedEntryOnOtherMember() {
        sharedEntryOnOtherMember.checkClosed(CREATE);
    }

    /** The shared check, the window's entry on this instance's member. */
    @Benchmark
    public void sharedEntryOnThisMember() {
        sharedEntryOnThisMember.checkClosed(CREATE);
    }

    /**
     * The cache read alone, on the caller's thread (no worker, no timeout): how much of the shared check is JCache
     * and Hazelcast, and how much the hand-over to the library's worker thread.
     *
     * @return the entry (none)
     */
    @Benchmark
    public Object cacheGetOnOtherMember() {
        return windows.get(keyOnOtherMember);
    }

    /**
     * As {@link #cacheGetOnOtherMember()}, the entry on this instance's member.
     *
     * @return the entry (none)
     */
    @Benchmark
    public Object cacheGetOnThisMember() {
        return windows.get(keyOnThisMember);
    }
}
