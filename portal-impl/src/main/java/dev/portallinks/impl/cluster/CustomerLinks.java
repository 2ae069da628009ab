package dev.portallinks.impl.cluster;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One customer's recent links as the cluster shares them: the times of at most {@code limit} links of the last
 * minute, oldest first, and whether a refusal was logged since the last allowed link. A value, never changed in
 * place: {@link #next(long, int)} returns the value to write with a compare-and-swap. Immutable, serializable (JDK
 * types only) and thread-safe.
 *
 * @param times link times in epoch milliseconds of the instances that allowed them, ascending
 * @param refusalLogged whether a refusal was logged (WARNING) since the last allowed link
 */
public record CustomerLinks(long[] times, boolean refusalLogged) implements Serializable {

    /** The window the limit counts in. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    /** A customer with no recent link. */
    public static final CustomerLinks NONE = new CustomerLinks(new long[0], false);

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long WINDOW_MILLIS = WINDOW.toMillis();

    /** Copies the array: the value must not change once stored. */
    public CustomerLinks {
        times = Objects.requireNonNull(times, "times must not be null").clone();
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    /**
     * Decides on one link at {@code now}: allowed when fewer than {@code limit} links fall in the minute before it (a
     * sliding window, as the per-instance limiter counts).
     *
     * @param now the time of the click, epoch milliseconds
     * @param limit the limit per minute, at least 1
     * @return the decision and the value to store, which is null when nothing changes (a refusal already logged)
     */
    public Outcome next(long now, int limit) {
        long cutoff = now - WINDOW_MILLIS;
        int firstInWindow = 0;
        while (firstInWindow < times.length && times[firstInWindow] <= cutoff) {
            firstInWindow++;
        }
        if (times.length - firstInWindow >= limit) {
            // The limit-th most recent link leaves the window first.
            long allowedAt = times[times.length - limit] + WINDOW_MILLIS;
            boolean first = !refusalLogged;
            return new Outcome(LinkDecision.refused(allowedAt, first), first ? new CustomerLinks(times, true) : null);
        }
        int keepFrom = Math.max(firstInWindow, times.length - (limit - 1));
        long[] kept = new long[times.length - keepFrom + 1];
        // Another instance's clock may be ahead: keep the times sorted whatever order they come in.
        int at = 0;
        int inserted = -1;
        for (int i = keepFrom; i < times.length; i++) {
            if (inserted < 0 && now < times[i]) {
                inserted = at;
                kept[at++] = now;
            }
            kept[at++] = times[i];
        }
        if (inserted < 0) {
            kept[at] = now;
        }
        return new Outcome(LinkDecision.ALLOWED, new CustomerLinks(kept, false));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerLinks links && refusalLogged == links.refusalLogged && Arrays.equals(times, links.times);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Boolean.hashCode(refusalLogged);
    }

    @Override
    public String toString() {
        return "CustomerLinks[times=" + Arrays.toString(times) + ", refusalLogged=" + refusalLogged + "]";
    }

    /**
     * A decision and the value to store with it.
     *
     * @param decision the decision, never null
     * @param updated the new value, or null when the stored one stays
     */
    public record Outcome(LinkDecision decision, CustomerLinks updated) {
    }
}
