package dev.portallinks.faces;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code fallback} attribute's three documented forms. Anything else (a {@code javascript:} or plain {@code http:}
 * URL, a protocol-relative {@code //host} or {@code /\host} that a browser would take to another site, spaces or
 * control characters) is refused when the component renders, so a mistyped or injected value never becomes a
 * redirect.
 */
final class Fallback {

    /** How the component sends the customer there. */
    enum Kind {
        /** An absolute {@code https://} URL: redirect. */
        URL,
        /** A context-relative path with a single leading {@code /}: redirect within the application. */
        PATH,
        /** A Faces navigation outcome, e.g. {@code billing-unavailable}: the navigation handler decides. */
        OUTCOME
    }

    /** A navigation outcome: no scheme (no colon), no backslash, no space; an optional query such as {@code ?faces-redirect=true}. */
    private static final Pattern OUTCOME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-/]*(\\?[A-Za-z0-9_.\\-=&]*)?");
    /** A path: one leading slash, then no slash or backslash; only the characters of a URL path and query. */
    private static final Pattern PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9_.\\-~/%!$&'()*+,;=:@?]*");

    private Fallback() {
    }

    /**
     * Tells which form a fallback has.
     *
     * @param fallback the attribute's value, not blank
     * @return its form
     * @throws IllegalArgumentException naming the value (secrets redacted) and the accepted forms
     */
    static Kind kind(String fallback) {
        if (fallback.regionMatches(true, 0, "https://", 0, "https://".length())) {
            try {
                URI url = new URI(fallback);
                if (url.getHost() != null && url.getRawUserInfo() == null && "https".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
                    return Kind.URL;
                }
            } catch (URISyntaxException malformed) {
                // refused below
            }
        } else if (PATH.matcher(fallback).matches()) {
            return Kind.PATH;
        } else if (OUTCOME.matcher(fallback).matches()) {
            return Kind.OUTCOME;
        }
        throw new IllegalArgumentException("fallback=" + RefusedClickException.quoted(fallback) + " is none of the accepted forms: an"
                + " absolute https:// URL with a host (no user-info), a context-relative path with a single leading / (not // or /\\),"
                + " or a navigation outcome (letters, digits, _ . - /, no colon)");
    }
}
