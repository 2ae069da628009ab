package dev.portallinks.impl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.impl.CustomerLinkLimiter;
import dev.portallinks.impl.LogCapture;
import dev.portallinks.impl.MutableClock;
import dev.portallinks.impl.PortalLinksSettings;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.SettingsReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// Where the state lives is decided once, from paddle.cluster.*: per instance without a cache name (exactly as before,
// one INFO line), shared through the configured JCache provider with one.
class ClusterSharingTest {

    private static final String KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";
    private static final CustomerId ALICE = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

    @RegisterExtension
    final LogCapture sharingLog = new LogCapture(ClusterSharing.class);
    @RegisterExtension
    final LogCapture sharedStateLog = new LogCapture(SharedState.class);

    private static PortalLinksSettings settings(String... propertyValuePairs) {
        Map<String, String> properties = new HashMap<>();
        properties.put(SettingsReader.API_KEY, KEY);
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            properties.put(propertyValuePairs[i], propertyValuePairs[i + 1]);
        }
        return new SettingsReader(key -> Optional.ofNullable(properties.get(key))).read();
    }

    @Test
    void withoutACacheNameNothingChangesAndOneInfoLineSaysSo() {
        MutableClock clock = new MutableClock(START);
        PortalLinksSettings settings = settings();
        ClusterSharing sharing = new ClusterSharing(() -> settings, clock);
        sharing.decideAtStartup(new Object());
        RateLimitWindow window = new RateLimitWindow(clock, sharing::state);
        CustomerLinkLimiter limiter = new CustomerLinkLimiter(clock, sharing::state);

        for (int i = 0; i < 2; i++) {
            limiter.acquire(ALICE, 2);
        }
        CustomerLinkLimitException refused = catchThrowableOfType(CustomerLinkLimitException.class, () -> limiter.acquire(ALICE, 2));
        window.open(PaddleOperation.CREATE_PORTAL_SESSION, "30", "req");
        clock.advance(Duration.ofSeconds(29));
        PaddleRateLimitedException limited = catchThrowableOfType(PaddleRateLimitedException.class,
                () -> window.checkClosed(PaddleOperation.CREATE_PORTAL_SESSION));
        clock.advance(Duration.ofSeconds(1));

        assertThat(sharing.state()).isNull();
        assertThat(refused.retryAt()).isEqualTo(START.plusSeconds(60));
        assertThat(limited.retryAt()).isEqualTo(START.plusSeconds(30));
        assertThatCode(() -> window.checkClosed(PaddleOperation.CREATE_PORTAL_SESSION)).doesNotThrowAnyException();
        assertThat(sharingLog.at(Level.INFO)).singleElement().asString().contains("kept per instance", "paddle.cluster.cache-name is not set",
                "Running in a cluster");
        assertThat(sharingLog.at(Level.WARNING)).isEmpty();
        assertThat(sharedStateLog.at(Level.INFO)).isEmpty();
    }

    @Test
    void anInvalidConfigurationDecidesNothingUntilItIsFixed() {
        ClusterSharing sharing = new ClusterSharing(() -> settings(SettingsReader.CLUSTER_CACHE_NAME, "not a name"), new MutableClock(START));

        sharing.decideAtStartup(new Object());

        assertThat(sharing.state()).isNull();
        assertThat(sharingLog.at(Level.INFO)).isEmpty();
    }

    @Test
    void aCacheNameWithProviderAndUriSharesTheStateThroughThatProvider() throws IOException {
        String clusterName = "portal-links-test-" + UUID.randomUUID();
        System.setProperty("portal.test.cluster-name", clusterName);
        System.setProperty("portal.test.port", String.valueOf(freePort()));
        PortalLinksSettings settings = settings(SettingsReader.CLUSTER_CACHE_NAME, "portal-links", SettingsReader.CLUSTER_CACHE_PROVIDER,
                LoopbackHazelcast.MEMBER_PROVIDER, SettingsReader.CLUSTER_CACHE_URI, "classpath:hazelcast-portal-test.xml",
                SettingsReader.CLUSTER_TIMEOUT, "5000");
        ClusterSharing sharing = new ClusterSharing(() -> settings, new MutableClock(START));
        try {
            sharing.decideAtStartup(new Object());
            SharedState state = sharing.state();
            assertThat(state).isNotNull();
            assertThat(state.windowKey()).isEqualTo("https://sandbox-api.paddle.com");
            assertThat(sharingLog.at(Level.INFO)).singleElement().asString().contains("connecting to JCache caches portal-links.retry-after and"
                    + " portal-links.customer-links (provider " + LoopbackHazelcast.MEMBER_PROVIDER + ", URI classpath:hazelcast-portal-test.xml)",
                    "a click waits at most 5000 ms");

            Awaitility.await("connected").atMost(Duration.ofSeconds(60)).until(() -> state.call(store -> true, () -> false));
            assertThat(sharedStateLog.at(Level.INFO)).singleElement().asString().contains("are shared through JCache caches portal-links");
            RateLimitWindow onThisInstance = new RateLimitWindow(new MutableClock(START), sharing::state);
            RateLimitWindow onAnother = new RateLimitWindow(new MutableClock(START), () -> state);
            onThisInstance.open(PaddleOperation.CREATE_PORTAL_SESSION, "30", "req");
            assertThat(catchThrowableOfType(PaddleRateLimitedException.class, () -> onAnother.checkClosed(PaddleOperation.CREATE_PORTAL_SESSION)))
                    .isNotNull();
            HazelcastInstance member = Hazelcast.getHazelcastInstanceByName(clusterName);
            assertThat(member.getConfig().getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
            assertThat(member.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.1");
        } finally {
            sharing.stop();
            HazelcastInstance member = Hazelcast.getHazelcastInstanceByName(clusterName);
            if (member != null) {
                member.getLifecycleService().terminate();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
