package dev.portallinks.impl.cluster;

import static dev.portallinks.impl.cluster.LibraryInstance.BASE_URL;
import static dev.portallinks.impl.cluster.LibraryInstance.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.impl.MutableClock;
import dev.portallinks.impl.RateLimitWindow;
import dev.portallinks.impl.RetryAfter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// The window check reads memory only: a cache that never answers costs it nothing, and what the store's listener
// tells is what it refuses with. Reads of the window happen on connecting and in the background, at most once per
// WINDOW_REFRESH.
class SharedStateWindowTest {

    private static final PaddleOperation CREATE = PaddleOperation.CREATE_PORTAL_SESSION;
    /** Far beyond what 10 000 checks in memory take: any wait for the cache would cost at least this. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(START);
    private final HangingStore store = new HangingStore();
    private SharedState state;
    private RateLimitWindow window;

    @BeforeEach
    void connect() {
        state = new SharedState("hanging test store", BASE_URL, () -> store, TIMEOUT, Duration.ofSeconds(5), clock);
        window = new RateLimitWindow(clock, () -> state);
        Awaitility.await("connected: the listener registered, the one read on connecting started (and hanging)").atMost(Duration.ofSeconds(10))
                .until(() -> store.listener != null && store.windowReads.get() == 1);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aCacheThatNeverAnswersCostsTheWindowCheckNothing() {
        long started = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            // Each time the last read is older than the interval, one check starts another, in the background.
            clock.advance(SharedState.WINDOW_REFRESH);
            for (int i = 0; i < 2000; i++) {
                assertThatCode(() -> window.checkClosed(CREATE)).doesNotThrowAnyException();
            }
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(elapsedMillis).as("10 000 checks, the cache hanging on every read").isLessThan(TIMEOUT.toMillis());
        assertThat(state.down()).as("no check waited, so none ran out of time").isFalse();
        Awaitility.await("one background read per interval, not one per check").atMost(Duration.ofSeconds(10))
                .until(() -> store.windowReads.get() == 6);
        assertThat(store.otherOperations).hasValue(0);
    }

    @Test
    void aWindowTheListenerTellsOfRefusesTheNextCheckAtOnce() {
        store.listener.stored(new SharedWindow(START.minusSeconds(1).toEpochMilli(), 30_000, "pushed"), true);

        PaddleRateLimitedException refused = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE));

        assertThat(refused).isNotNull();
        assertThat(refused.requestId()).isEqualTo("pushed");
        assertThat(refused.answeredByPaddle()).isFalse();
        // Written at START - 1 s by its writer's clock, seen here at START: within the skew tolerance, counted from here.
        assertThat(refused.retryAt()).isEqualTo(START.plusSeconds(30));
        assertThat(window.openUntil()).isEqualTo(START.plusSeconds(30));
        assertThat(store.windowReads).as("only the read on connecting").hasValue(1);
    }

    @Test
    void aWindowEndingEarlierDoesNotReplaceTheKnownOneUnlessStoredAfresh() {
        SharedWindow longer = new SharedWindow(START.toEpochMilli(), 60_000, "longer");
        store.listener.stored(longer, true);
        clock.advance(Duration.ofSeconds(5));

        store.listener.stored(new SharedWindow(clock.millis(), 5_000, "shorter"), false);
        assertThat(state.knownWindow().window()).as("a shorter later window is no update").isEqualTo(longer);

        store.listener.stored(longer, false);
        assertThat(state.knownWindow().firstSeenMillis()).as("seen again: still first seen at START").isEqualTo(START.toEpochMilli());

        SharedWindow afresh = new SharedWindow(clock.millis(), 5_000, "afresh");
        store.listener.stored(afresh, true);
        assertThat(state.knownWindow().window()).as("stored where none was: the earlier one expired or was removed").isEqualTo(afresh);
    }

    @Test
    void aWindowOfThirtyDaysInTheCacheRefusesNoLongerThanTheHourThisInstanceHonoursForItsOwn429s() {
        store.listener.stored(new SharedWindow(START.toEpochMilli(), Duration.ofDays(30).toMillis(), "thirty_days"), true);

        PaddleRateLimitedException refused = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE));

        assertThat(refused.retryAt()).as("cut to RetryAfter.MAX, as a 429 received here would be").isEqualTo(START.plus(RetryAfter.MAX));
        assertThat(refused.retryAfter()).isEqualTo(RetryAfter.MAX);
        assertThat(window.openUntil()).isEqualTo(START.plus(RetryAfter.MAX));
        clock.advance(RetryAfter.MAX.minusMillis(1));
        assertThat(catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE))).as("1 ms before").isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> window.checkClosed(CREATE)).as("the copy in memory ends at the cut end").doesNotThrowAnyException();
        assertThat(window.openUntil()).isNull();
    }

    @Test
    void aWriterClockAtTheEndOfTimeNeitherWrapsAroundNorBlocksLongerThanRetryAfter() {
        store.listener.stored(new SharedWindow(Long.MAX_VALUE - 1000, 30_000, "end_of_time"), true);

        PaddleRateLimitedException refused = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE));

        assertThat(refused).as("an end past Long.MAX_VALUE must not wrap into the past").isNotNull();
        assertThat(refused.retryAt()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void aRequestIdFromTheCacheThatPaddleWouldNotSendIsNotShown() {
        store.listener.stored(new SharedWindow(START.toEpochMilli(), 30_000, "req\r\nSEVERE: forged line"), true);

        PaddleRateLimitedException refused = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE));

        assertThat(refused.requestId()).isNull();
        assertThat(refused.retryAt()).as("the window itself still holds").isEqualTo(START.plusSeconds(30));
    }

    @Test
    void aLaterWindowReplacesOneFromAWriterClockAheadWhenItEndsLaterHere() {
        // Written by an instance whose clock is an hour ahead: by the writers' clocks it ends an hour after anything written now.
        store.listener.stored(new SharedWindow(START.plus(Duration.ofHours(1)).toEpochMilli(), 30_000, "clock_ahead"), true);
        clock.advance(Duration.ofSeconds(40));
        assertThatCode(() -> window.checkClosed(CREATE)).as("30 s after it arrived here, it is over").doesNotThrowAnyException();

        store.listener.stored(new SharedWindow(clock.millis(), 30_000, "later"), false);

        PaddleRateLimitedException refused = catchThrowableOfType(PaddleRateLimitedException.class, () -> window.checkClosed(CREATE));
        assertThat(refused).as("the later 429 is shared although its writer's end is earlier than the known one's").isNotNull();
        assertThat(refused.requestId()).isEqualTo("later");
        assertThat(refused.retryAt()).isEqualTo(START.plusSeconds(70));
    }

    /** Every operation blocks until the store is closed; the listener registration is kept for the test to call. */
    private static final class HangingStore implements SharedStore {

        final AtomicInteger windowReads = new AtomicInteger();
        final AtomicInteger otherOperations = new AtomicInteger();
        volatile WindowListener listener;
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public SharedWindow window(String key) {
            windowReads.incrementAndGet();
            hang();
            return null;
        }

        @Override
        public Watch watchWindow(String key, WindowListener windowListener) {
            listener = windowListener;
            return () -> listener = null;
        }

        @Override
        public SharedWindow extendWindow(String key, SharedWindow proposed, BiPredicate<SharedWindow, SharedWindow> lastsAtLeastAsLong) {
            otherOperations.incrementAndGet();
            hang();
            return proposed;
        }

        @Override
        public LinkDecision acquire(String customer, int limit, long nowMillis) {
            otherOperations.incrementAndGet();
            hang();
            return LinkDecision.ALLOWED;
        }

        private void hang() {
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
