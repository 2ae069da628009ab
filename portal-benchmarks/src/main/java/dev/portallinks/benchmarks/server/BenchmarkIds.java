package dev.portallinks.benchmarks.server;

import java.util.List;
import java.util.stream.IntStream;

/** The customer and subscription IDs every benchmark uses, valid by Paddle's patterns. */
public final class BenchmarkIds {

    /** The customer. */
    public static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    /** The most subscriptions one Paddle portal session may carry. */
    public static final int MAX_SUBSCRIPTIONS = 25;

    private BenchmarkIds() {
    }

    /**
     * The first {@code count} subscription IDs.
     *
     * @param count 0 to {@value #MAX_SUBSCRIPTIONS}
     * @return the IDs, distinct
     */
    public static List<String> subscriptions(int count) {
        if (count < 0 || count > MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException("subscriptions: " + count + " is not between 0 and " + MAX_SUBSCRIPTIONS);
        }
        return IntStream.range(0, count).mapToObj(i -> String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", i)).toList();
    }
}
