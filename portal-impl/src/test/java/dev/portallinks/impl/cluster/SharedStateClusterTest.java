package dev.portallinks.impl.cluster;

import static dev.portallinks.impl.cluster.LibraryInstance.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.impl.CustomerLinkLimiter;
import dev.portallinks.impl.LogCapture;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.RetryAfter;
import dev.portallinks.impl.cluster.jcache.JCacheSharedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// Two instances of the library on two real Hazelcast members (JCache, TCP on 127.0.0.1) behave as one client of Paddle:
// one Retry-After window, one per-customer budget, exact under concurrency, entries that expire on their own.
class SharedStateClusterTest {

    private static final CustomerId ALICE = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final PaddleOperation CREATE = PaddleOperation.CREATE_PORTAL_SESSION;

    private static LoopbackHazelcast cluster;

    @RegisterExtension
    final LogCapture limiterLog = new LogCapture(CustomerLinkLimiter.class);
    @RegisterExtension
    final LogCapture sharedStateLog = new LogCapture(SharedState.class);
    @RegisterExtension
    final LogCapture storeLog = new LogCapture(JCacheSharedStore.class);

    /** Each test has caches of its own on the same two members. */
    private final String cacheName = "portal-links-" + UUID.randomUUID();
    private LibraryInstance a;
    private LibraryInstance b;

    @BeforeAll
    static void startMembers() {
        cluster = LoopbackHazelcast.start(2);
    }

    @AfterAll
    static void stopMembers() {
        cluster.close();
    }

    @BeforeEach
    void startInstances() {
        a = LibraryInstance.connected("A", cluster.cacheManager(0), cacheName);
        b = LibraryInstance.connected("B", cluster.cacheManager(1), cacheName);
    }

    @AfterEach
    void stopInstances() {
        a.close();
        b.close();
        // Every test here runs on a healthy cluster: a fallback to local state would make its counts meaningless.
        assertThat(sharedStateLog.at(Level.WARNING)).as("no fallback to the local state").isEmpty();
    }

    private static PaddleRateLimitedException refused(RateLimitWindow window) {
        PaddleRateLimitedException e = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE));
        assertThat(e).as("the window must refuse the call before it is sent").isNotNull();
        return e;
    }

    private static boolean allowed(CustomerLinkLimiter limiter, int limit) {
        try {
            limiter.acquire(ALICE, limit);
            return true;
        } catch (CustomerLinkLimitException refused) {
            return false;
        }
    }

    private void advanceBoth(Duration duration) {
        a.clock.advance(duration);
        b.clock.advance(duration);
    }

    @Test
    void a429ReceivedByOneInstanceStopsTheOtherBeforeItCalls() {
        assertThatCode(() -> b.window.checkClosed(CREATE)).doesNotThrowAnyException();

        a.window.open(CREATE, "30", "req_429_on_a");
        b.awaitKnown("req_429_on_a");

        PaddleRateLimitedException onB = refused(b.window);
        assertThat(onB.answeredByPaddle()).as("B sent nothing").isFalse();
        assertThat(onB.retryAt()).isEqualTo(START.plusSeconds(30));
        assertThat(onB.requestId()).isEqualTo("req_429_on_a");
        assertThat(b.window.openUntil()).as("B's health data shows the cluster's window").isEqualTo(START.plusSeconds(30));
        advanceBoth(Duration.ofSeconds(29));
        refused(b.window);
        refused(a.window);

        advanceBoth(Duration.ofSeconds(1));

        assertThatCode(() -> b.window.checkClosed(CREATE)).as("after the window, B calls again").doesNotThrowAnyException();
        assertThatCode(() -> a.window.checkClosed(CREATE)).doesNotThrowAnyException();
    }

    @Test
    void a429ReachesTheOtherInstanceThroughItsListenerWithoutACacheRead() {
        AtomicInteger reads = new AtomicInteger();
        try (LibraryInstance c = LibraryInstance.connected("C", () -> new CountingStore(new JCacheSharedStore(cluster.cacheManager(1), cacheName,
                false), reads), Duration.ofSeconds(5), START)) {
            Awaitility.await("C's one read on connecting").atMost(Duration.ofSeconds(10)).until(() -> reads.get() == 1);
            for (int i = 0; i < 1000; i++) {
                assertThatCode(() -> c.window.checkClosed(CREATE)).doesNotThrowAnyException();
            }

            a.window.open(CREATE, "30", "through_the_listener");
            c.awaitKnown("through_the_listener");

            for (int i = 0; i < 1000; i++) {
                assertThat(refused(c.window).requestId()).isEqualTo("through_the_listener");
            }
            assertThat(reads).as("2000 checks and the window's arrival read nothing from the cache").hasValue(1);
        }
    }

    @Test
    void aShorterLater429DoesNotShortenTheSharedWindow() {
        a.window.open(CREATE, "60", "first");
        b.awaitKnown("first");
        advanceBoth(Duration.ofSeconds(10));

        PaddleRateLimitedException second = b.window.open(CREATE, "5", "second");

        // B's 5 s do not replace A's 60 s, which B saw at START through the listener.
        Instant end = START.plusSeconds(60);
        assertThat(second.retryAt()).as("B keeps the longer window of the shared state").isEqualTo(end);
        assertThat(b.state.knownWindow().window().requestId()).isEqualTo("first");
        advanceBoth(Duration.ofSeconds(49));
        assertThat(refused(b.window).retryAt()).isEqualTo(end);
        assertThat(refused(a.window).retryAt()).as("A wrote it: exact on A").isEqualTo(START.plusSeconds(60));
        advanceBoth(Duration.ofSeconds(1));
        assertThatCode(() -> b.window.checkClosed(CREATE)).doesNotThrowAnyException();
    }

    @Test
    void aWriterClockFarAheadCannotBlockTheOthersLongerThanRetryAfter() {
        a.clock.set(START.plus(Duration.ofHours(1)));

        a.window.open(CREATE, "30", "from_the_future");
        b.awaitKnown("from_the_future");

        assertThat(refused(b.window).retryAt()).as("counted from when B first saw it, not from A's clock").isEqualTo(START.plusSeconds(30));
        b.clock.advance(Duration.ofSeconds(30));
        assertThatCode(() -> b.window.checkClosed(CREATE)).doesNotThrowAnyException();
    }

    @Test
    void aWriterClockBehindByLessThanTheToleranceDoesNotShortenTheWindow() {
        // A's clock is 1.5 s behind B's: A stores the 429 as received 1.5 s "earlier" than B would say.
        a.clock.set(START.minusMillis(1500));
        a.window.open(CREATE, "30", "slow_clock");
        b.awaitKnown("slow_clock");

        // B saw it at START, when A received it: the tolerance covers the 1.5 s and the window ends when Paddle's does.
        b.clock.advance(Duration.ofMillis(29_999));
        assertThat(refused(b.window).retryAt()).isEqualTo(START.plusSeconds(30));
        b.clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> b.window.checkClosed(CREATE)).doesNotThrowAnyException();
        assertThat(RateLimitWindow.SKEW_TOLERANCE).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWriterClockBehindByMoreThanTheToleranceShortensTheWindowByTheDifference() {
        a.clock.set(START.minusSeconds(10));
        a.window.open(CREATE, "30", "very_slow_clock");
        b.awaitKnown("very_slow_clock");

        // 10 s of skew, 2 s tolerated: the window ends 8 s early on B, as README says.
        assertThat(refused(b.window).retryAt()).isEqualTo(START.plusSeconds(22));
    }

    @Test
    void aLater429IsSharedAlthoughAWriterClockAheadStoredTheWindowBefore() {
        try (LibraryInstance c = LibraryInstance.connected("C", cluster.cacheManager(1), cacheName)) {
            a.clock.set(START.plus(Duration.ofHours(1)));
            a.window.open(CREATE, "30", "clock_ahead");
            b.awaitKnown("clock_ahead");
            c.awaitKnown("clock_ahead");
            b.clock.advance(Duration.ofSeconds(40));
            c.clock.advance(Duration.ofSeconds(40));

            // By the writers' clocks A's window ends an hour after B's: compared by when each instance saw it, it is over.
            PaddleRateLimitedException onB = b.window.open(CREATE, "30", "later");

            assertThat(onB.retryAt()).isEqualTo(START.plusSeconds(70));
            assertThat(((SharedWindow) windowCache().get(LibraryInstance.BASE_URL)).requestId()).as("stored for the cluster").isEqualTo("later");
            c.awaitKnown("later");
            assertThat(refused(c.window).retryAt()).as("C, which sent nothing, waits for B's 429").isEqualTo(START.plusSeconds(70));
        }
    }

    @Test
    void aThirtyDayWindowInTheCacheStopsNoInstanceLongerThanAnHour() {
        SharedWindow thirtyDays = new SharedWindow(START.toEpochMilli(), Duration.ofDays(30).toMillis(), "thirty_days");
        windowCache().put(LibraryInstance.BASE_URL, thirtyDays);
        b.awaitKnown("thirty_days");

        assertThat(refused(b.window).retryAt()).as("through the listener").isEqualTo(START.plus(RetryAfter.MAX));
        try (LibraryInstance c = LibraryInstance.connected("C", cluster.cacheManager(1), cacheName)) {
            c.awaitKnown("thirty_days");
            assertThat(refused(c.window).retryAt()).as("through the read on connecting").isEqualTo(START.plus(RetryAfter.MAX));
            c.clock.advance(RetryAfter.MAX);
            assertThatCode(() -> c.window.checkClosed(CREATE)).doesNotThrowAnyException();
        }
        // A's 429 of 30 s does not replace it: here it lasts an hour.
        assertThat(a.window.open(CREATE, "30", "shorter").retryAt()).isEqualTo(START.plus(RetryAfter.MAX));
    }

    @Test
    void theWindowInMemoryGoesWithTheCacheEntry() {
        a.window.open(CREATE, "30", "removed");
        b.awaitKnown("removed");
        refused(b.window);

        assertThat(windowCache().remove(LibraryInstance.BASE_URL)).isTrue();
        b.clock.advance(SharedState.WINDOW_REFRESH);

        // The first check after the refresh interval reads the window in the background; a later one sees it gone.
        Awaitility.await("B forgets the removed window").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
            try {
                b.window.checkClosed(CREATE);
                return true;
            } catch (PaddleRateLimitedException stillOpen) {
                return false;
            }
        });
        assertThat(b.state.knownWindow()).isNull();
        assertThat(b.window.openUntil()).isNull();
        // A keeps its own 429's window, as during an outage.
        assertThat(refused(a.window).requestId()).isEqualTo("removed");
    }

    @Test
    void valuesOfAnotherTypeAreIgnoredWithAWarningAndTheCacheKeepsBeingShared() {
        windowCache().put(LibraryInstance.BASE_URL, "secret-looking value");
        customerCache().put(ALICE.value(), "secret-looking value");
        b.clock.advance(SharedState.WINDOW_REFRESH);
        assertThatCode(() -> b.window.checkClosed(CREATE)).doesNotThrowAnyException();

        assertThat(allowed(a.limiter, 2)).isTrue();
        assertThat(allowed(b.limiter, 2)).isTrue();
        assertThat(allowed(a.limiter, 2)).as("the two links are counted for the cluster").isFalse();
        a.window.open(CREATE, "30", "over_a_foreign_value");
        b.awaitKnown("over_a_foreign_value");
        assertThat(refused(b.window).requestId()).isEqualTo("over_a_foreign_value");

        assertThat(a.state.down()).isFalse();
        assertThat(b.state.down()).isFalse();
        // stopInstances: no fallback to the local state. One WARNING per cache and store at most, none with the value.
        assertThat(storeLog.at(Level.WARNING)).hasSizeBetween(1, 4).allSatisfy(m -> assertThat(m).contains("holds a value of type java.lang.String")
                .doesNotContain("secret-looking"));
    }

    @Test
    void aStoreReportsValuesOfAnotherTypeOncePerCache() {
        try (JCacheSharedStore store = new JCacheSharedStore(cluster.cacheManager(0), cacheName, false)) {
            for (int i = 0; i < 10; i++) {
                windowCache().put(LibraryInstance.BASE_URL, i);
                assertThat(store.window(LibraryInstance.BASE_URL)).isNull();
                customerCache().put(ALICE.value(), i);
                assertThat(store.acquire(ALICE.value(), 100, START.toEpochMilli()).allowed()).isTrue();
                assertThat(customerCache().get(ALICE.value())).as("replaced").isInstanceOf(CustomerLinks.class);
            }
            SharedWindow proposed = new SharedWindow(START.toEpochMilli(), 30_000, "replaces");
            assertThat(store.extendWindow(LibraryInstance.BASE_URL, proposed, (stored, next) -> true)).isEqualTo(proposed);

            assertThat(storeLog.at(Level.WARNING)).hasSize(2);
            assertThat(storeLog.at(Level.WARNING).get(0)).contains(cacheName + ".retry-after", "java.lang.Integer", "Logged once per cache");
            assertThat(storeLog.at(Level.WARNING).get(1)).contains(cacheName + ".customer-links");
        }
    }

    private Cache<Object, Object> windowCache() {
        return cluster.cacheManager(0).getCache(cacheName + ".retry-after");
    }

    private Cache<Object, Object> customerCache() {
        return cluster.cacheManager(0).getCache(cacheName + ".customer-links");
    }

    @Test
    void clicksAlternatingBetweenInstancesShareOneBudgetAndOneWarning() {
        int limit = 5;
        int granted = 0;
        for (int click = 0; click < 20; click++) {
            LibraryInstance instance = click % 2 == 0 ? a : b;
            instance.clock.set(START.plusSeconds(click));
            if (allowed(instance.limiter, limit)) {
                granted++;
            }
        }

        assertThat(granted).as("links in the first minute, both instances together").isEqualTo(limit);
        assertThat(limiterLog.at(Level.WARNING)).as("the first refusal, once for the cluster").hasSize(1);
        assertThat(limiterLog.at(Level.FINE)).hasSize(20 - limit - 1);

        // The first link (t=0 on A) leaves the window at t=60: B may create one again, and only one.
        b.clock.set(START.plusSeconds(60));
        assertThat(allowed(b.limiter, limit)).isTrue();
        a.clock.set(START.plusSeconds(60));
        assertThat(allowed(a.limiter, limit)).isFalse();
    }

    @Test
    void refusalsOnOneInstanceTellTheTimeTheClusterWillAllowTheNextLink() {
        a.clock.set(START);
        allowed(a.limiter, 2);
        b.clock.set(START.plusSeconds(20));
        allowed(b.limiter, 2);
        a.clock.set(START.plusSeconds(30));

        CustomerLinkLimitException e = catchThrowableOfType(CustomerLinkLimitException.class, () -> a.limiter.acquire(ALICE, 2));

        assertThat(e.retryAt()).isEqualTo(START.plusSeconds(60));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void concurrentClicksOnBothInstancesNeverGetMoreThanTheLimit() throws Exception {
        int limit = 20;
        int threadsPerInstance = 8;
        int clicksEach = 15;
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerInstance);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2 * threadsPerInstance; t++) {
                CustomerLinkLimiter limiter = t % 2 == 0 ? a.limiter : b.limiter;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < clicksEach; i++) {
                        if (allowed(limiter, limit)) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(granted).as("%d clicks from %d threads on two instances", 2 * threadsPerInstance * clicksEach, 2 * threadsPerInstance)
                .hasValue(limit);
    }

    @Test
    void cachesTheLibraryCreatesExpireTheirEntriesOnTheirOwn() {
        allowed(a.limiter, 5);
        a.window.open(CREATE, "30", "req");

        Cache<Object, Object> customers = cluster.cacheManager(1).getCache(cacheName + ".customer-links");
        Cache<Object, Object> windows = cluster.cacheManager(1).getCache(cacheName + ".retry-after");
        assertThat(customers.containsKey(ALICE.value())).isTrue();
        assertThat(expiryAfterUpdate(customers)).as("an idle customer is gone a minute (+ margin) after the last write")
                .isEqualTo(Duration.ofSeconds(65));
        assertThat(expiryAfterUpdate(windows)).as("a window lasts at most an hour").isEqualTo(Duration.ofSeconds(3605));
    }

    @Test
    void anIdleCustomerVanishesFromTheSharedState() {
        String shortLived = cacheName + "-short";
        try (LibraryInstance c = LibraryInstance.connected("C", () -> new JCacheSharedStore(cluster.cacheManager(0), shortLived, false,
                Duration.ofSeconds(1)), Duration.ofSeconds(5), Instant.now())) {
            assertThat(allowed(c.limiter, 5)).isTrue();
            Cache<Object, Object> customers = cluster.cacheManager(1).getCache(shortLived + ".customer-links");
            assertThat(customers.containsKey(ALICE.value())).isTrue();

            Awaitility.await("the entry expires").atMost(Duration.ofSeconds(20)).until(() -> !customers.containsKey(ALICE.value()));
        }
    }

    private static Duration expiryAfterUpdate(Cache<Object, Object> cache) {
        @SuppressWarnings("unchecked")
        CompleteConfiguration<Object, Object> configuration = cache.getConfiguration(CompleteConfiguration.class);
        ExpiryPolicy policy = configuration.getExpiryPolicyFactory().create();
        javax.cache.expiry.Duration update = policy.getExpiryForUpdate();
        assertThat(policy.getExpiryForCreation()).isEqualTo(update);
        return Duration.ofMillis(update.getTimeUnit().toMillis(update.getDurationAmount()));
    }
}
