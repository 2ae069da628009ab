package dev.portallinks.impl;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.impl.cluster.ClusterSharing;
import dev.portallinks.impl.cluster.CustomerLinks;
import dev.portallinks.impl.cluster.LinkDecision;
import dev.portallinks.impl.cluster.SharedState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-customer limit on link creation ({@code paddle.portal.links-per-customer-per-minute}): at most
 * {@code limit} sessions for one customer within any 60 seconds (a sliding window, exact: the times of the
 * customer's last {@code limit} sessions are kept). A refused call sends nothing to Paddle.
 *
 * <p>The first refusal of a customer is logged as one WARNING; further refusals are FINE until a link for that
 * customer is allowed again, so a script replaying a click cannot flood the log. Customers idle for a minute are
 * forgotten (swept at most once a minute), so memory follows the number of customers active in the last minute.
 */
@ApplicationScoped
public class CustomerLinkLimiter {

    /** The window the limit counts in. */
    static final Duration WINDOW = CustomerLinks.WINDOW;

    private static final Logger LOG = Logger.getLogger(CustomerLinkLimiter.class.getName());
    private static final long WINDOW_MILLIS = WINDOW.toMillis();

    private final Clock clock;
    private final Supplier<SharedState> shared;
    private final ConcurrentMap<CustomerId, RecentLinks> recent = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** For CDI proxies. */
    protected CustomerLinkLimiter() {
        this(Clock.systemUTC());
    }

    /**
     * Creates the bean: the system clock, the shared state if the cluster is configured.
     *
     * @param cluster where the state lives
     */
    @Inject
    public CustomerLinkLimiter(ClusterSharing cluster) {
        this(Clock.systemUTC(), cluster::state);
    }

    /**
     * Uses the given clock, per instance (tests).
     *
     * @param clock the clock
     */
    public CustomerLinkLimiter(Clock clock) {
        this(clock, () -> null);
    }

    /**
     * Uses the given clock and shared state (tests).
     *
     * @param clock the clock
     * @param shared returns the shared state, or null for per instance
     */
    public CustomerLinkLimiter(Clock clock, Supplier<SharedState> shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /**
     * Counts one link for the customer, or refuses it.
     *
     * @param customer the customer the link is for
     * @param limitPerMinute the configured limit; 0 turns the limit off
     * @throws CustomerLinkLimitException when the customer already had {@code limitPerMinute} links in the last minute
     */
    public void acquire(CustomerId customer, int limitPerMinute) {
        if (limitPerMinute <= 0) {
            return;
        }
        long now = clock.millis();
        sweepIfDue(now);
        SharedState state = shared.get();
        LinkDecision decision = state == null ? null : state.call(store -> store.acquire(customer.value(), limitPerMinute, now), () -> null);
        if (decision != null) {
            if (!decision.allowed()) {
                throw refused(customer, limitPerMinute, new Refusal(decision.allowedAtMillis(), decision.firstRefusal()), now);
            }
            recent.compute(customer, (id, links) -> {
                RecentLinks current = links == null || links.capacity() != limitPerMinute ? new RecentLinks(limitPerMinute) : links;
                current.record(now);
                return current;
            });
            return;
        }
        Refusal[] refusal = new Refusal[1];
        // compute() runs atomically per customer: two clicks at once cannot both take the last place.
        recent.compute(customer, (id, links) -> {
            RecentLinks current = links == null || links.capacity() != limitPerMinute ? new RecentLinks(limitPerMinute) : links;
            refusal[0] = current.tryAdd(now);
            return current;
        });
        if (refusal[0] != null) {
            throw refused(customer, limitPerMinute, refusal[0], now);
        }
    }

    /** The exception for a refused link, logged: WARNING for the first refusal since the customer's last allowed link, else FINE. */
    private static CustomerLinkLimitException refused(CustomerId customer, int limitPerMinute, Refusal refusal, long now) {
        Instant retryAt = Instant.ofEpochMilli(refusal.allowedAtMillis());
        Duration retryAfter = Duration.ofMillis(Math.max(0, refusal.allowedAtMillis() - now));
        CustomerLinkLimitException refused = new CustomerLinkLimitException(customer, limitPerMinute, retryAfter, retryAt);
        LOG.log(refusal.first() ? Level.WARNING : Level.FINE, () -> refused.getMessage()
                + (refusal.first() ? ". Further refusals for this customer are logged at FINE until a link is allowed again" : ""));
        return refused;
    }

    /** Forgets customers with no link in the last minute; at most once a minute, by one caller. */
    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + WINDOW_MILLIS)) {
            recent.forEach((customer, ignored) -> recent.computeIfPresent(customer, (id, links) -> links.idleSince(now - WINDOW_MILLIS) ? null
                    : links));
        }
    }

    /** Remembered customers (tests). */
    int remembered() {
        return recent.size();
    }

    /** A refused link: when the next one will be allowed, and whether this is the first refusal since the last allowed link. */
    private record Refusal(long allowedAtMillis, boolean first) {
    }

    /** The times of one customer's last links, oldest first in ring order; only touched inside {@code compute}. */
    private static final class RecentLinks {

        private final long[] times;
        private int next;
        private int count;
        private boolean refusalLogged;

        RecentLinks(int capacity) {
            this.times = new long[capacity];
        }

        int capacity() {
            return times.length;
        }

        /** Adds a link at {@code now}, or returns the refusal when the oldest of the last {@code capacity} is under a minute old. */
        Refusal tryAdd(long now) {
            if (count == times.length) {
                long oldest = times[next];
                if (now - oldest < WINDOW_MILLIS) {
                    boolean first = !refusalLogged;
                    refusalLogged = true;
                    return new Refusal(oldest + WINDOW_MILLIS, first);
                }
            } else {
                count++;
            }
            times[next] = now;
            next = (next + 1) % times.length;
            refusalLogged = false;
            return null;
        }

        /** Remembers a link the shared state allowed: whatever the count here, the cluster's count decided. */
        void record(long now) {
            if (count < times.length) {
                count++;
            }
            times[next] = now;
            next = (next + 1) % times.length;
            refusalLogged = false;
        }

        boolean idleSince(long cutoff) {
            int newest = (next - 1 + times.length) % times.length;
            return count == 0 || times[newest] <= cutoff;
        }
    }
}
