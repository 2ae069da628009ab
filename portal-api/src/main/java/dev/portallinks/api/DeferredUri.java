package dev.portallinks.api;

import java.net.URI;

/**
 * A link kept as its text and parsed into a {@link URI} on first use.
 *
 * <p>Why: a portal session carries up to 51 links (the overview, two per subscription) and a caller redirects to one
 * of them. Parsing every link with {@code java.net.URI} (about a microsecond each) was most of the library's own CPU
 * per call with 25 subscriptions. Text in the plain form Paddle sends (below) is known to parse, so it is checked in
 * one pass over its characters and parsed only when asked for; any other text is parsed at once, so an invalid link
 * still fails where the value is made, as every value type of this API does.
 */
final class DeferredUri {

    private static final int MAX_PORT_DIGITS = 5;

    private final String text;
    // Two threads may both parse the same text, and either result is the same URI; volatile because URI's fields are
    // not final, so it must be published safely.
    private volatile URI uri;

    private DeferredUri(String text, URI uri) {
        this.text = text;
        this.uri = uri;
    }

    /** Wraps an already parsed URI. */
    static DeferredUri of(String field, URI uri) {
        Validation.requireNonNull(field, uri);
        return new DeferredUri(uri.toString(), uri);
    }

    /**
     * Takes a link's text; plain absolute http(s) links are parsed on first use, anything else now.
     *
     * @throws NullPointerException naming the field when the text is null
     * @throws IllegalArgumentException naming the field when the text is not a URI (tokens redacted)
     */
    static DeferredUri parse(String field, String text) {
        Validation.requireNonNull(field, text);
        if (isPlainAbsolute(text)) {
            return new DeferredUri(text, null);
        }
        try {
            return new DeferredUri(text, URI.create(text));
        } catch (IllegalArgumentException notAUri) {
            throw new IllegalArgumentException(field + " is not a valid URI: " + Secrets.redact(text));
        }
    }

    /**
     * Whether {@code java.net.URI} surely parses the text as an absolute hierarchical URI: {@code http://} or
     * {@code https://}, a host of letters, digits, dots and hyphens, an optional port of up to 5 digits, then nothing
     * or a path and query of unreserved characters, sub-delimiters, {@code :}, {@code @}, {@code /} and {@code ?}. No
     * escapes, fragments, IPv6 literals or non-ASCII: those are left to the parser.
     */
    static boolean isPlainAbsolute(String text) {
        int length = text.length();
        int i;
        if (text.startsWith("https://")) {
            i = 8;
        } else if (text.startsWith("http://")) {
            i = 7;
        } else {
            return false;
        }
        int hostStart = i;
        while (i < length && isHostCharacter(text.charAt(i))) {
            i++;
        }
        if (i == hostStart) {
            return false;
        }
        if (i < length && text.charAt(i) == ':') {
            int portStart = ++i;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == portStart || i - portStart > MAX_PORT_DIGITS) {
                return false;
            }
        }
        if (i == length) {
            return true;
        }
        if (text.charAt(i) != '/') {
            return false;
        }
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (!isPathCharacter(c) && c != '?') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    /** RFC 3986 pchar without escapes, plus '/': unreserved, sub-delims, ':' and '@'. */
    private static boolean isPathCharacter(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return switch (c) {
            case '-', '.', '_', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/' -> true;
            default -> false;
        };
    }

    /** @return the parsed link */
    URI uri() {
        URI parsed = uri;
        if (parsed == null) {
            parsed = URI.create(text);
            uri = parsed;
        }
        return parsed;
    }

    /** @return the link's text, exactly as given */
    String text() {
        return text;
    }

    /** Equal when the texts are the same (a URI's text is what the customer's browser is sent to). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DeferredUri that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The link with its token redacted. */
    @Override
    public String toString() {
        return Secrets.redact(text);
    }
}
