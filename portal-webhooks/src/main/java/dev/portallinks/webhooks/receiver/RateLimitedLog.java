package dev.portallinks.webhooks.receiver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs refused notifications at WARNING, at most one line per kind of refusal per minute, saying how many were not
 * logged since: a flood of forged or misrouted requests cannot fill the log. The lines never hold a body, a header value
 * or a secret. Thread-safe.
 */
final class RateLimitedLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger logger;
    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    RateLimitedLog(Logger logger, Clock clock) {
        this.logger = logger;
        this.clock = clock;
    }

    /**
     * Logs a refusal, unless one of its kind was logged less than a minute ago.
     *
     * @param kind the kind of refusal, e.g. {@code MISMATCH}
     * @param message the line (no body, header value or secret)
     */
    void warn(String kind, Supplier<String> message) {
        Instant now = clock.instant();
        boolean[] due = new boolean[1];
        lastLogged.compute(kind, (key, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(INTERVAL));
            return due[0] ? now : last;
        });
        AtomicLong skipped = suppressed.computeIfAbsent(kind, key -> new AtomicLong());
        if (!due[0]) {
            skipped.incrementAndGet();
            return;
        }
        long before = skipped.getAndSet(0);
        logger.log(Level.WARNING, () -> message.get() + (before == 0 ? "" : " (" + before + " more of this kind in the last minute were not logged)"));
    }
}
