package dev.portallinks.api;

import java.util.Objects;
import java.util.regex.Pattern;

/** Shared construction-time checks of the value types: one message format everywhere. */
final class Validation {

    private Validation() {
    }

    /**
     * Checks that a value is present and matches Paddle's pattern for it.
     *
     * @throws NullPointerException when the value is null, naming the field
     * @throws IllegalArgumentException when it does not match, naming the field, the value and the pattern
     */
    static String requireMatch(String field, String value, Pattern pattern, String example) {
        Objects.requireNonNull(value, () -> field + " must not be null; expected " + pattern.pattern() + " (for example " + example + ")");
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " " + quoted(value) + " does not match " + pattern.pattern() + " (for example " + example
                    + ")");
        }
        return value;
    }

    /** The most of a rejected value a message shows: enough to recognise it, too little to carry a payload. */
    static final int MAX_QUOTED = 80;

    /** A rejected value, which often comes from a request (a path parameter) and is logged: {@link Secrets#quoted}. */
    static String quoted(String value) {
        return Secrets.quoted(value, MAX_QUOTED);
    }

    private static final Pattern CURRENCY_CODE = Pattern.compile("^[A-Z]{3}$");

    /** Checks an ISO 4217 currency code's form (three upper-case letters). */
    static String requireCurrencyCode(String field, String value) {
        return requireMatch(field, value, CURRENCY_CODE, "USD");
    }

    static <T> T requireNonNull(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }
}
