package dev.portallinks.benchmarks.cluster;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.cluster.ClusterSettings;
import dev.portallinks.impl.cluster.SharedState;
import dev.portallinks.impl.cluster.jcache.JCacheSharedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
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

    private final List<HazelcastInstance> members = new ArrayList<>();
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
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        String clusterName = "portal-links-bench-" + UUID.randomUUID();
        int[] ports = {freePort(), freePort()};
        for (int i = 0; i < 2; i++) {
            members.add(Hazelcast.newHazelcastInstance(config(clusterName, i, ports)));
        }
        Awaitility.await("two members").atMost(Duration.ofSeconds(60)).until(() -> members.get(0).getCluster().getMembers().size() == 2);
        Awaitility.await("partitions assigned").atMost(Duration.ofSeconds(60))
                .until(() -> members.get(0).getPartitionService().getPartition("any").getOwner() != null);
        CachingProvider provider = new HazelcastMemberCachingProvider();
        CacheManager manager = provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader(),
                HazelcastCachingProvider.propertiesByInstanceItself(members.get(0)));
        String cacheName = "portal-links-bench";
        perInstance = new RateLimitWindow(Clock.systemUTC(), () -> null);
        keyOnOtherMember = keyOwnedBy(members.get(1));
        keyOnThisMember = keyOwnedBy(members.get(0));
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
            if (members.get(0).getPartitionService().getPartition(key).getOwner().getUuid().equals(owner.getCluster().getLocalMember().getUuid())) {
                return key;
            }
        }
    }

    /** Fails the run if the shared state fell back to the local one: the figures would then measure the wrong path. */
    @TearDown
    public void stopMembers() {
        boolean fellBack = states.stream().anyMatch(SharedState::down);
        states.forEach(SharedState::close);
        members.forEach(member -> member.getLifecycleService().terminate());
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

    private static Config config(String clusterName, int index, int[] ports) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-" + index);
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.partition.count", "31");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(ports[index]).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int port : ports) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + port);
        }
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
