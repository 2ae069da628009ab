package dev.portallinks.api;

import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a message, a {@code toString()} or a log line.
 *
 * <p>Portal links carry a sign-in token in their {@code token=} query parameter, and Paddle API keys have
 * well-known prefixes. Text that may hold either (a URL, Paddle's error detail, a value that failed
 * validation) goes through {@link #redact(String)} first.
 */
public final class Secrets {

    /** What a removed secret is replaced with. */
    public static final String REDACTED = "[redacted]";

    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i)(token=)[^&#\\s\"'<>]+");
    private static final Pattern API_KEY = Pattern.compile("pdl_(?:sdbx|live)_apikey_[A-Za-z0-9_]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

    private Secrets() {
    }

    /**
     * Returns the text with portal tokens, Paddle API keys and bearer credentials replaced by {@value #REDACTED}.
     *
     * @param text the text to clean, may be null
     * @return the cleaned text, or null when {@code text} is null
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = TOKEN_PARAMETER.matcher(text).replaceAll("$1" + REDACTED);
        cleaned = API_KEY.matcher(cleaned).replaceAll(REDACTED);
        return BEARER.matcher(cleaned).replaceAll("$1" + REDACTED);
    }

    /**
     * Returns a URI as text that is safe to log: the {@code token} query parameter's value is removed.
     *
     * @param uri the URI, may be null
     * @return the redacted text, or {@code "null"}
     */
    public static String redact(java.net.URI uri) {
        return uri == null ? "null" : redact(uri.toString());
    }
}
