package dev.portallinks.impl.paddle;

import java.util.Collection;

/**
 * The fast path of the link checks: one pass over a link's characters, comparing against the allowed origins
 * precomputed as lower-case prefixes, with no parsing into objects, no decoding and no allocation.
 *
 * <p>It only ever <em>accepts</em>: {@link #accepts} answers true when the link is in the canonical form Paddle sends
 * and passes every check ({@code scheme://host[:port]} exactly an allowed origin, the path {@code /cpl_} + 26
 * lower-case letters or digits with an optional trailing {@code /}, a query of {@code name=value} pairs made of
 * letters, digits and {@code - . _ ~} (and {@code =} in values) with no name repeated, {@code action} the expected one,
 * a non-empty {@code token}, and {@code subscription_id} exactly the expected subscription or absent when none is
 * expected). Anything else (a failing check, but also an escape, a {@code +}, a fragment, an explicit default port,
 * a non-ASCII character) answers false, and {@link PortalSessionMapper} then runs the full checks on a parsed
 * {@link java.net.URI}, which decide and name what is wrong. So the fast path can make a good link cheap, but never a
 * bad link pass: the tests compare its verdicts with a reference implementation over many generated links.
 */
final class PortalLinkChecker {

    private static final String PATH_PREFIX = "/cpl_";
    private static final int PORTAL_ID_LENGTH = 26;
    /** More parameters than a Paddle link has: such a link takes the full checks. */
    private static final int MAX_PARAMETERS = 8;

    private final String[] origins;

    /**
     * @param allowedOrigins the allowed origins, normalised ({@link PortalSessionMapper#origin}): lower-case scheme and
     *        host, the port only when it is not the scheme's default
     */
    PortalLinkChecker(Collection<String> allowedOrigins) {
        this.origins = allowedOrigins.toArray(String[]::new);
    }

    /**
     * Tells whether a link certainly passes every check.
     *
     * @param link the link as Paddle sent it, not null
     * @param action the {@code action} it must have, e.g. {@code cancel_subscription}
     * @param subscription the {@code subscription_id} it must have, or null when it must have none
     * @return true when the link passes; false when the full checks must decide
     */
    boolean accepts(String link, String action, String subscription) {
        int position = originEnd(link);
        if (position < 0) {
            return false;
        }
        position = portalPathEnd(link, position);
        if (position < 0 || position >= link.length() || link.charAt(position) != '?') {
            return false;
        }
        return queryPasses(link, position + 1, action, subscription);
    }

    /**
     * @return the index just after an allowed origin that the link starts with, or -1; the portal path must start
     *         right there, so {@code https://allowed.host.evil.example} or {@code https://allowed.host@evil.example} fail
     */
    private int originEnd(String link) {
        for (String origin : origins) {
            if (link.length() > origin.length() && startsWithIgnoringAsciiCase(link, origin)) {
                return origin.length();
            }
        }
        return -1;
    }

    /** ASCII only: {@code regionMatches(true, …)} would let the Kelvin sign stand for {@code k}, which no URL parser does. */
    private static boolean startsWithIgnoringAsciiCase(String link, String lowerCasePrefix) {
        for (int i = 0; i < lowerCasePrefix.length(); i++) {
            char c = link.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerCasePrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return the index after {@code /cpl_<26 [a-z0-9]>} and an optional '/', or -1 */
    private static int portalPathEnd(String link, int start) {
        if (!link.startsWith(PATH_PREFIX, start)) {
            return -1;
        }
        int idStart = start + PATH_PREFIX.length();
        int idEnd = idStart + PORTAL_ID_LENGTH;
        if (link.length() < idEnd) {
            return -1;
        }
        for (int i = idStart; i < idEnd; i++) {
            char c = link.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return -1;
            }
        }
        return idEnd < link.length() && link.charAt(idEnd) == '/' ? idEnd + 1 : idEnd;
    }

    private boolean queryPasses(String link, int start, String action, String subscription) {
        int count = 0;
        boolean actionSeen = false;
        boolean tokenSeen = false;
        boolean subscriptionSeen = false;
        int pairStart = start;
        while (pairStart <= link.length()) {
            int pairEnd = link.indexOf('&', pairStart);
            if (pairEnd < 0) {
                pairEnd = link.length();
            }
            int equals = plainPairEquals(link, pairStart, pairEnd);
            if (equals < 0 || count == MAX_PARAMETERS) {
                return false;
            }
            if (namedBefore(link, start, pairStart, equals)) {
                return false;
            }
            count++;
            int valueStart = equals + 1;
            if (isName(link, pairStart, equals, "action")) {
                actionSeen = valueIs(link, valueStart, pairEnd, action);
                if (!actionSeen) {
                    return false;
                }
            } else if (isName(link, pairStart, equals, "token")) {
                tokenSeen = pairEnd > valueStart;
                if (!tokenSeen) {
                    return false;
                }
            } else if (isName(link, pairStart, equals, "subscription_id")) {
                subscriptionSeen = subscription != null && valueIs(link, valueStart, pairEnd, subscription);
                if (!subscriptionSeen) {
                    return false;
                }
            }
            pairStart = pairEnd + 1;
        }
        return actionSeen && tokenSeen && subscriptionSeen == (subscription != null);
    }

    /**
     * Tells whether an earlier pair of the query has this name. The earlier pairs passed {@link #plainPairEquals}, so
     * each name ends at its first '=': a pair that starts with the name followed by '=' has exactly this name.
     */
    private static boolean namedBefore(String link, int queryStart, int nameStart, int nameEnd) {
        int length = nameEnd - nameStart;
        for (int pair = queryStart; pair < nameStart; pair = link.indexOf('&', pair) + 1) {
            if (link.regionMatches(pair, link, nameStart, length) && link.charAt(pair + length) == '=') {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the index of the '=' of a non-empty name followed by a value, both made only of plain characters; -1 when
     *         the pair has no '=', an empty name, or a character the full checks must look at
     */
    private static int plainPairEquals(String link, int start, int end) {
        int equals = -1;
        for (int i = start; i < end; i++) {
            char c = link.charAt(i);
            if (c == '=' && equals < 0) {
                equals = i;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
                    || c == '=')) {
                return -1;
            }
        }
        return equals > start ? equals : -1;
    }

    private static boolean isName(String link, int start, int end, String name) {
        return end - start == name.length() && link.startsWith(name, start);
    }

    private static boolean valueIs(String link, int start, int end, String expected) {
        return end - start == expected.length() && link.startsWith(expected, start);
    }
}
