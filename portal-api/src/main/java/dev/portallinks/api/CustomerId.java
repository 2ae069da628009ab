package dev.portallinks.api;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The Paddle ID of a customer, such as {@code ctm_01grnn4zta5a1mf02jjze7y2ys}.
 *
 * <p>Validated at construction against Paddle's pattern {@value #PATTERN}, so a bad ID fails before any
 * network call. Immutable, serializable and thread-safe.
 *
 * @param value the ID, not null, matching {@value #PATTERN}
 */
public record CustomerId(String value) implements Serializable {

    /** Paddle's pattern for customer IDs. */
    public static final String PATTERN = "^ctm_[a-z\\d]{26}$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /**
     * Validates the ID.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} does not match {@value #PATTERN}
     */
    public CustomerId {
        Validation.requireMatch("customer ID", value, COMPILED, "ctm_01grnn4zta5a1mf02jjze7y2ys");
    }

    /**
     * Creates a customer ID from its text.
     *
     * @param value the ID, not null
     * @return the customer ID, never null
     * @throws IllegalArgumentException if {@code value} is not a Paddle customer ID
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    /** Returns the ID itself, as Paddle writes it. */
    @Override
    public String toString() {
        return value;
    }
}
