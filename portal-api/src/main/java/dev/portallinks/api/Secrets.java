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
        if (!mayHoldSecret(text)) {
            // Most messages (a bulkhead or circuit refusal, a timeout) hold none: no regex, no copy.
            return text;
        }
        String cleaned = TOKEN_PARAMETER.matcher(text).replaceAll("$1" + REDACTED);
        cleaned = API_KEY.matcher(cleaned).replaceAll(REDACTED);
        return BEARER.matcher(cleaned).replaceAll("$1" + REDACTED);
    }

    /**
     * Whether the text contains one of the markers every secret the patterns remove starts with: {@code token=} or
     * {@code bearer} in any case, or {@code pdl_}. One pass over the characters; false means {@link #redact(String)}
     * has nothing to remove.
     */
    static boolean mayHoldSecret(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (((c == 't' || c == 'T') && text.regionMatches(true, i, "token=", 0, 6))
                    || ((c == 'b' || c == 'B') && text.regionMatches(true, i, "bearer", 0, 6))
                    || (c == 'p' && text.startsWith("pdl_", i))) {
                return true;
            }
        }
        return false;
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

    /**
     * Quotes untrusted text (a posted value, a path, a configured value) for a message or a log line: secrets removed
     * ({@link #redact(String)}), cut to {@code maxShown} characters (saying how long it was), and every control
     * character (C0, DEL and C1: CR and LF cannot forge a log line, U+009B cannot start a terminal escape) and line
     * separator written as {@code \\uXXXX}.
     *
     * @param untrusted the text, not null
     * @param maxShown how many characters to show at most, at least 1
     * @return the text in double quotes, followed by {@code (cut from N characters)} when it was cut
     */
    public static String quoted(String untrusted, int maxShown) {
        if (maxShown < 1) {
            throw new IllegalArgumentException("maxShown must be at least 1, not " + maxShown);
        }
        String clean = redact(untrusted);
        boolean cut = clean.length() > maxShown;
        StringBuilder shown = new StringBuilder(Math.min(clean.length(), maxShown) + 40).append('"');
        (cut ? clean.substring(0, maxShown) : clean).chars().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        shown.append('"');
        return cut ? shown.append(" (cut from ").append(untrusted.length()).append(" characters)").toString() : shown.toString();
    }
}
