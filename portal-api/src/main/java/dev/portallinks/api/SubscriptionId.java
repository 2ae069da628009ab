package dev.portallinks.api;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The Paddle ID of a subscription, such as {@code sub_01h04vsc0qhwtsbsxh3422wjs4}.
 *
 * <p>Validated at construction against Paddle's pattern {@value #PATTERN}, so a bad ID fails before any
 * network call. Immutable, serializable and thread-safe.
 *
 * @param value the ID, not null, matching {@value #PATTERN}
 */
public record SubscriptionId(String value) implements Serializable {

    /** Paddle's pattern for subscription IDs. */
    public static final String PATTERN = "^sub_[a-z\\d]{26}$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /**
     * Validates the ID.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} does not match {@value #PATTERN}
     */
    public SubscriptionId {
        Validation.requireMatch("subscription ID", value, COMPILED, "sub_01h04vsc0qhwtsbsxh3422wjs4");
    }

    /**
     * Creates a subscription ID from its text.
     *
     * @param value the ID, not null
     * @return the subscription ID, never null
     * @throws IllegalArgumentException if {@code value} is not a Paddle subscription ID
     */
    public static SubscriptionId of(String value) {
        return new SubscriptionId(value);
    }

    /** Returns the ID itself, as Paddle writes it. */
    @Override
    public String toString() {
        return value;
    }
}
