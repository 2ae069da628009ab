package dev.portallinks.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// The per-customer link limit: a sliding minute, per customer, exact under concurrency, one WARNING per refusal spell.
class CustomerLinkLimiterTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
    private static final CustomerId ALICE = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final CustomerId BOB = CustomerId.of("ctm_01h8441jn5pcwrfhwh78jqt8hk");

    private final MutableClock clock = new MutableClock(START);
    private final CustomerLinkLimiter limiter = new CustomerLinkLimiter(clock);
    @RegisterExtension
    final LogCapture log = new LogCapture(CustomerLinkLimiter.class);

    private CustomerLinkLimitException refused(CustomerId customer, int limit) {
        CustomerLinkLimitException e = catchThrowableOfType(CustomerLinkLimitException.class, () -> limiter.acquire(customer, limit));
        assertThat(e).as("the limiter must refuse this link").isNotNull();
        return e;
    }

    private void allowed(CustomerId customer, int limit, int times) {
        for (int i = 0; i < times; i++) {
            assertThatCode(() -> limiter.acquire(customer, limit)).as("link %d of %d", i + 1, times).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 20})
    void theLimitIsAllowedAndTheNextIsRefusedNamingTheWait(int limit) {
        allowed(ALICE, limit, limit);
        clock.advance(Duration.ofSeconds(18));

        CustomerLinkLimitException e = refused(ALICE, limit);

        assertThat(e.customer()).isEqualTo(ALICE);
        assertThat(e.limitPerMinute()).isEqualTo(limit);
        assertThat(e.retryAt()).isEqualTo(START.plusSeconds(60));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void anotherCustomerIsNotAffected() {
        allowed(ALICE, 3, 3);
        refused(ALICE, 3);

        allowed(BOB, 3, 3);
    }

    @Test
    void theWindowSlidesOneLinkAtATime() {
        allowed(ALICE, 2, 1);
        clock.advance(Duration.ofSeconds(30));
        allowed(ALICE, 2, 1);
        refused(ALICE, 2);

        clock.advance(Duration.ofSeconds(30)); // the first link is a minute old
        allowed(ALICE, 2, 1);
        CustomerLinkLimitException e = refused(ALICE, 2);

        assertThat(e.retryAt()).as("the second link leaves the window next").isEqualTo(START.plusSeconds(90));
    }

    @Test
    void refusedLinksDoNotCountAgainstTheCustomer() {
        allowed(ALICE, 2, 2);
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(100));
            refused(ALICE, 2);
        }

        clock.set(START.plusSeconds(60));
        allowed(ALICE, 2, 2);
    }

    @Test
    void zeroTurnsTheLimitOff() {
        allowed(ALICE, 0, 10_000);

        assertThat(limiter.remembered()).isZero();
    }

    @Test
    void oneWarningPerRefusalSpellThenFine() {
        allowed(ALICE, 2, 1);
        clock.advance(Duration.ofSeconds(40));
        allowed(ALICE, 2, 1);
        for (int i = 0; i < 100; i++) {
            refused(ALICE, 2);
        }
        // The first link has left the window, the second has not: Alice is still remembered (not swept), and the
        // link allowed now ends the refusal spell, so the next refusal starts a new one.
        clock.advance(Duration.ofSeconds(21));
        allowed(ALICE, 2, 1);
        refused(ALICE, 2);

        assertThat(log.at(Level.WARNING)).hasSize(2).allSatisfy(message -> assertThat(message).contains(ALICE.value(),
                "more than 2 portal links within a minute", "logged at FINE until a link is allowed again"));
        assertThat(log.at(Level.FINE)).hasSize(99);
    }

    @Test
    void idleCustomersAreForgotten() {
        allowed(ALICE, 5, 1);
        allowed(BOB, 5, 1);
        clock.advance(Duration.ofSeconds(61));
        allowed(BOB, 5, 1); // the sweep runs at most once a minute, here

        assertThat(limiter.remembered()).isEqualTo(1);
    }

    @Test
    void concurrentClicksNeverGetMoreThanTheLimit() throws Exception {
        int threads = 16;
        int clicksEach = 50;
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < clicksEach; i++) {
                        try {
                            limiter.acquire(ALICE, 20);
                            granted.incrementAndGet();
                        } catch (CustomerLinkLimitException expected) {
                            // the point of the test
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(granted).hasValue(20);
    }
}
