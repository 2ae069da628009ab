package dev.portallinks.impl.cluster;

import static dev.portallinks.impl.cluster.LibraryInstance.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.impl.LogCapture;
import dev.portallinks.impl.cluster.jcache.JCacheSharedStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// When the shared state fails (a member down, a cache that throws, one that hangs), links keep being created on each
// instance's own state, with one WARNING per outage and instance, one INFO when it is back, and a bounded wait.
class SharedStateOutageTest {

    private static final CustomerId ALICE = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final PaddleOperation CREATE = PaddleOperation.CREATE_PORTAL_SESSION;
    /** What a click may cost beyond the timeout on a loaded 2-core build machine: scheduling, not waiting. */
    private static final long MARGIN_MILLIS = 250;

    private static LoopbackHazelcast cluster;

    @RegisterExtension
    final LogCapture sharedStateLog = new LogCapture(SharedState.class);

    private final String cacheName = "portal-links-" + UUID.randomUUID();

    @BeforeAll
    static void startMembers() {
        cluster = LoopbackHazelcast.start(2);
    }

    @AfterAll
    static void stopMembers() {
        cluster.close();
    }

    @AfterEach
    void releaseHungLoads() {
        HangingLoader.release();
    }

    /** A click: the per-customer limit, then the window check before the call to Paddle. True when the link would be created. */
    private static boolean click(LibraryInstance instance, CustomerId customer, int limit) {
        try {
            instance.limiter.acquire(customer, limit);
            instance.window.checkClosed(CREATE);
            return true;
        } catch (CustomerLinkLimitException | PaddleRateLimitedException refused) {
            return false;
        }
    }

    private static CustomerId customer(int i) {
        return CustomerId.of(String.format("ctm_%026d", i));
    }

    private List<String> warningsOf(LibraryInstance instance) {
        return sharedStateLog.at(Level.WARNING).stream().filter(m -> m.contains("test cluster, " + instance.name + ")")).toList();
    }

    private List<String> infosOf(LibraryInstance instance) {
        return sharedStateLog.at(Level.INFO).stream().filter(m -> m.contains("test cluster, " + instance.name + ")")).toList();
    }

    @Test
    void aCacheThatThrowsLeavesBothInstancesServingOnTheirOwnStateWithOneWarningEachAndOneInfoWhenBack() {
        try (LibraryInstance a = LibraryInstance.connected("A", cluster.cacheManager(0), cacheName);
                LibraryInstance b = LibraryInstance.connected("B", cluster.cacheManager(1), cacheName)) {
            a.window.open(CREATE, "30", "shared_before_the_outage");
            // B dates the window from when its listener delivers it: wait for that before moving the clocks on.
            b.awaitKnown("shared_before_the_outage");
            a.clock.advance(Duration.ofSeconds(31));
            b.clock.advance(Duration.ofSeconds(31));

            // Every operation on these caches now throws, on both members.
            cluster.cacheManager(0).destroyCache(cacheName + ".retry-after");
            cluster.cacheManager(0).destroyCache(cacheName + ".customer-links");

            for (int i = 0; i < 100; i++) {
                assertThat(click(a, customer(i), 3)).as("click %d on A", i).isTrue();
                assertThat(click(b, customer(i), 3)).as("click %d on B", i).isTrue();
            }
            // The local limit still holds on each instance: 3 links, then refusals.
            for (int i = 0; i < 3; i++) {
                assertThat(click(a, ALICE, 3)).isTrue();
            }
            assertThat(click(a, ALICE, 3)).isFalse();
            assertThat(warningsOf(a)).as("A: one WARNING for the outage, not one per call").hasSize(1);
            assertThat(warningsOf(b)).as("B: one WARNING for the outage, not one per call").hasSize(1);
            assertThat(warningsOf(a).get(0)).contains("cannot be used", "paddle.cluster.retry-interval-ms", "Logged once per outage");

            // After the retry interval, each instance reconnects (the caches are created again) and shares again.
            for (LibraryInstance instance : List.of(a, b)) {
                instance.clock.advance(Duration.ofSeconds(5));
                click(instance, ALICE, 3);
                Awaitility.await(instance.name + " shares again").atMost(Duration.ofSeconds(30)).until(() -> {
                    click(instance, customer(1000), 1000);
                    return !instance.state.down();
                });
            }
            assertThat(infosOf(a).stream().filter(m -> m.contains("answers again"))).hasSize(1);
            assertThat(infosOf(b).stream().filter(m -> m.contains("answers again"))).hasSize(1);
            a.window.open(CREATE, "30", "shared_after_the_outage");
            b.awaitKnown("shared_after_the_outage");
            PaddleRateLimitedException onB = catchThrowableOfType(PaddleRateLimitedException.class, () -> b.window.checkClosed(CREATE));
            assertThat(onB).as("a 429 on A reaches B again").isNotNull();
            assertThat(warningsOf(a)).hasSize(1);
            assertThat(warningsOf(b)).hasSize(1);
        }
    }

    @Test
    void aMemberShutDownLeavesBothInstancesServingWithAtMostOneWarningEach() {
        try (LoopbackHazelcast own = LoopbackHazelcast.start(2);
                LibraryInstance a = LibraryInstance.connected("A", own.cacheManager(0), cacheName);
                LibraryInstance b = LibraryInstance.connected("B", own.cacheManager(1), cacheName)) {
            assertThat(click(a, ALICE, 4)).isTrue();
            assertThat(click(b, ALICE, 4)).isTrue();

            own.terminate(1);

            AtomicInteger servedOnA = new AtomicInteger();
            AtomicInteger servedOnB = new AtomicInteger();
            for (int i = 0; i < 50; i++) {
                if (click(a, customer(i), 3)) {
                    servedOnA.incrementAndGet();
                }
                if (click(b, customer(i), 3)) {
                    servedOnB.incrementAndGet();
                }
            }
            assertThat(servedOnA).as("A keeps serving (on the surviving member or its own state)").hasValue(50);
            assertThat(servedOnB).as("B keeps serving on its own state").hasValue(50);
            assertThat(warningsOf(b)).as("B's member is gone: one WARNING").hasSize(1);
            // A's member takes over B's partitions from the backups: A may see no outage at all, never one per call.
            assertThat(warningsOf(a)).hasSizeLessThanOrEqualTo(1);
            // Alice had 2 links in the cluster; B's own state knows its own 1: two more on B, then refused.
            assertThat(click(b, ALICE, 4)).isTrue();
            assertThat(click(b, ALICE, 4)).isTrue();
            assertThat(click(b, ALICE, 4)).isTrue();
            assertThat(click(b, ALICE, 4)).isFalse();
        }
    }

    @ParameterizedTest(name = "paddle.cluster.timeout-ms={0}")
    @ValueSource(ints = {100, 600})
    void aHangingCacheCostsAClickAtMostTheTimeoutOnceThenNothingUntilTheRetryInterval(int timeoutMillis) {
        HangingLoader.hang();
        // The application configured the caches itself, with a read-through loader that never returns: every read hangs.
        MutableConfiguration<Object, Object> hanging = new MutableConfiguration<>().setReadThrough(true)
                .setCacheLoaderFactory(FactoryBuilder.factoryOf(HangingLoader.class));
        cluster.cacheManager(0).createCache(cacheName + ".retry-after", hanging);
        cluster.cacheManager(0).createCache(cacheName + ".customer-links", hanging);
        try (LibraryInstance a = LibraryInstance.connected("A", () -> new JCacheSharedStore(cluster.cacheManager(0), cacheName, false),
                Duration.ofMillis(timeoutMillis), START)) {
            // Connecting reads the window once, in the background: that read hangs on a worker, no click waits for it.
            Awaitility.await("the read on connecting").atMost(Duration.ofSeconds(10)).until(() -> HangingLoader.LOADS.get() == 1);

            long started = System.nanoTime();
            boolean served = click(a, ALICE, 20);
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(served).isTrue();
            assertThat(firstMillis).as("the first click waits for the cache, at most the timeout").isBetween((long) timeoutMillis,
                    timeoutMillis + MARGIN_MILLIS);
            // The click's per-customer read is a second load, unless Hazelcast queued it on the partition thread the first one holds.
            assertThat(HangingLoader.LOADS.get()).as("the read on connecting and the click's per-customer count").isBetween(1, 2);

            long next = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(click(a, customer(i), 20)).isTrue();
            }
            long hundredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - next);
            assertThat(hundredMillis).as("during the retry interval no click waits for the cache").isLessThan(timeoutMillis);
            assertThat(HangingLoader.LOADS.get()).as("the cache is not asked on every click").isLessThanOrEqualTo(2);
            assertThat(warningsOf(a)).hasSize(1).allSatisfy(m -> assertThat(m).contains("no answer within " + timeoutMillis + " ms"));
        }
    }

    @Test
    void aShutDownMemberThatNeverComesBackIsReportedOnceAndRetriedOncePerInterval() {
        AtomicInteger opens = new AtomicInteger();
        try (LoopbackHazelcast own = LoopbackHazelcast.start(1);
                LibraryInstance a = LibraryInstance.connected("A", () -> {
                    opens.incrementAndGet();
                    return new JCacheSharedStore(own.cacheManager(0), cacheName, false);
                }, Duration.ofSeconds(2), START)) {
            own.terminate(0);

            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 20; i++) {
                    assertThat(click(a, customer(i), 100)).isTrue();
                }
                a.clock.advance(Duration.ofSeconds(5));
                int before = opens.get();
                click(a, ALICE, 100);
                Awaitility.await("one reconnection per retry interval").atMost(Duration.ofSeconds(30)).until(() -> opens.get() == before + 1);
            }

            assertThat(opens).as("the first connection and one attempt per interval").hasValue(4);
            assertThat(warningsOf(a)).hasSize(1);
            assertThatCode(() -> a.window.checkClosed(CREATE)).doesNotThrowAnyException();
        }
    }

    /** A read-through loader that blocks until the test ends, counting the loads that reached it. */
    public static final class HangingLoader implements CacheLoader<Object, Object> {

        static final AtomicInteger LOADS = new AtomicInteger();
        private static volatile CountDownLatch released = new CountDownLatch(0);

        static void hang() {
            LOADS.set(0);
            released = new CountDownLatch(1);
        }

        static void release() {
            released.countDown();
        }

        @Override
        public Object load(Object key) {
            LOADS.incrementAndGet();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        @Override
        public java.util.Map<Object, Object> loadAll(Iterable<?> keys) {
            return java.util.Map.of();
        }
    }
}
