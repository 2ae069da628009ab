package dev.portallinks.impl.cluster;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import org.awaitility.Awaitility;

/**
 * Embedded Hazelcast members in the test JVM, as application servers would embed them: joined over TCP/IP on 127.0.0.1
 * only (no multicast, no other interface), a cluster name of their own so that no other build's members can join, and
 * each with its own JCache {@code CacheManager} from Hazelcast's member provider. In portal-impl's test-jar: the
 * benchmarks start theirs the same way.
 */
public final class LoopbackHazelcast implements AutoCloseable {

    /** Hazelcast's member-side JCache provider: an embedded member, as in a WAR. */
    static final String MEMBER_PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";

    /** Hazelcast's INFO lines (members joining, connections refused while a member is down) are not the tests' business. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    static {
        HAZELCAST_LOG.setLevel(Level.WARNING);
    }

    private final String clusterName = "portal-links-test-" + UUID.randomUUID();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<CacheManager> managers = new ArrayList<>();

    private LoopbackHazelcast() {
    }

    /**
     * Starts the members and waits until they form one cluster.
     *
     * @param count how many
     * @return the cluster
     */
    public static LoopbackHazelcast start(int count) {
        LoopbackHazelcast cluster = new LoopbackHazelcast();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(freePort());
        }
        for (int i = 0; i < count; i++) {
            HazelcastInstance member = Hazelcast.newHazelcastInstance(cluster.config(i, ports));
            cluster.members.add(member);
            // A provider per member, as each server has its own: one provider keeps one manager per URI and class loader,
            // and Hazelcast prefixes cache names with a URI or class loader that is not the default, so the managers
            // must differ by member only, with the same default URI and class loader, to see the same caches.
            CachingProvider provider = new HazelcastMemberCachingProvider();
            cluster.managers.add(provider.getCacheManager(provider.getDefaultURI(), provider.getDefaultClassLoader(),
                    HazelcastCachingProvider.propertiesByInstanceItself(member)));
        }
        Awaitility.await("the members form one cluster").atMost(Duration.ofSeconds(60))
                .until(() -> cluster.members.stream().allMatch(m -> m.getCluster().getMembers().size() == count));
        return cluster;
    }

    private Config config(int index, List<Integer> ports) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-" + index);
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", "31");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(ports.get(index)).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        ports.forEach(port -> join.getTcpIpConfig().addMember("127.0.0.1:" + port));
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param index the member's number, from 0
     * @return the member
     */
    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    /**
     * @param index the member's number, from 0
     * @return the member's own JCache manager
     */
    public CacheManager cacheManager(int index) {
        return managers.get(index);
    }

    /** Stops a member abruptly, as a crashed server would: no graceful migration. */
    public void terminate(int index) {
        members.get(index).getLifecycleService().terminate();
    }

    @Override
    public void close() {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).getLifecycleService().isRunning()) {
                managers.get(i).close();
                members.get(i).getLifecycleService().terminate();
            }
        }
    }
}
