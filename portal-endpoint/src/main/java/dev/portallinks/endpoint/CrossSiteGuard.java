package dev.portallinks.endpoint;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses cross-site requests (CSRF): a page on another site must not be able to make a signed-in user's browser mint a
 * portal link, even though it could never read it. Browsers set the two headers read here themselves, and no page can
 * forge them:
 * <ol>
 * <li>{@code Sec-Fetch-Site} (every current browser, on secure origins and localhost): {@code same-origin} and
 * {@code none} (the user's own action, such as a bookmark) are served; {@code same-site} and {@code cross-site} only
 * when {@code Origin} is one of the allowed origins.</li>
 * <li>Without it, {@code Origin} (every browser sends it on a POST): served when it is the request's own origin or one
 * of the allowed origins; the opaque origin {@code null} (sandboxed frames, some redirects) is refused.</li>
 * <li>With neither, the request is not from a current browser: refused, unless the application opts in
 * ({@value EndpointSettings#ALLOW_REQUESTS_WITHOUT_ORIGIN}), e.g. for a native client that authenticates without
 * cookies.</li>
 * </ol>
 * {@code Sec-Fetch-Site} is trusted first because the request's own origin as the server sees it can differ from the
 * browser's behind a TLS-terminating proxy; {@code Origin} alone then needs the public origin in the allowed list.
 */
final class CrossSiteGuard {

    /**
     * What the guard decided.
     *
     * @param allowed whether the request may be served
     * @param corsOrigin the allowed other origin the request came from, whose page may read the answer; null otherwise
     * @param explanation why, for the log; holds header values only quoted
     */
    record Decision(boolean allowed, WebOrigin corsOrigin, String explanation) {

        Decision {
            Objects.requireNonNull(explanation, "explanation must not be null");
        }

        static Decision allow(String explanation) {
            return new Decision(true, null, explanation);
        }

        static Decision allowCrossOrigin(WebOrigin origin) {
            return new Decision(true, origin, "Origin " + origin + " is in " + EndpointSettings.ALLOWED_ORIGINS);
        }

        static Decision refuse(String explanation) {
            return new Decision(false, null, explanation);
        }

        /** @return the allowed other origin whose page may read the answer, empty for same-origin requests */
        Optional<WebOrigin> corsOriginIfAny() {
            return Optional.ofNullable(corsOrigin);
        }
    }

    private final Set<WebOrigin> allowedOrigins;
    private final boolean allowRequestsWithoutOrigin;

    CrossSiteGuard(Set<WebOrigin> allowedOrigins, boolean allowRequestsWithoutOrigin) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.allowRequestsWithoutOrigin = allowRequestsWithoutOrigin;
    }

    /**
     * Decides whether a POST may be served.
     *
     * @param secFetchSite the {@code Sec-Fetch-Site} header, or null
     * @param origin the {@code Origin} header, or null
     * @param ownOrigin the origin the request was sent to, as the server sees it
     * @return the decision
     */
    Decision check(String secFetchSite, String origin, WebOrigin ownOrigin) {
        Optional<WebOrigin> parsedOrigin = WebOrigin.parse(origin);
        if (secFetchSite != null) {
            String site = secFetchSite.strip().toLowerCase(Locale.ROOT);
            if (site.equals("same-origin") || site.equals("none")) {
                return Decision.allow("Sec-Fetch-Site " + site);
            }
            // same-site, cross-site, or a value this rule does not know: another site's page, unless the application trusts it.
            return parsedOrigin.filter(allowedOrigins::contains).map(Decision::allowCrossOrigin)
                    .orElseGet(() -> Decision.refuse("Sec-Fetch-Site " + LogText.quoted(secFetchSite) + " with Origin "
                            + (origin == null ? "absent" : LogText.quoted(origin)) + ", not in " + EndpointSettings.ALLOWED_ORIGINS));
        }
        if (origin != null) {
            if (parsedOrigin.isEmpty()) {
                return Decision.refuse("Origin " + LogText.quoted(origin) + " is not a web origin");
            }
            if (parsedOrigin.get().equals(ownOrigin)) {
                return Decision.allow("Origin is the request's own, " + ownOrigin);
            }
            return parsedOrigin.filter(allowedOrigins::contains).map(Decision::allowCrossOrigin).orElseGet(() -> Decision.refuse("Origin "
                    + LogText.quoted(origin) + " is neither the request's own (" + ownOrigin + ") nor in " + EndpointSettings.ALLOWED_ORIGINS));
        }
        return allowRequestsWithoutOrigin ? Decision.allow("neither Sec-Fetch-Site nor Origin, allowed by " + EndpointSettings.ALLOW_REQUESTS_WITHOUT_ORIGIN)
                : Decision.refuse("neither Sec-Fetch-Site nor Origin (not a current browser; " + EndpointSettings.ALLOW_REQUESTS_WITHOUT_ORIGIN
                        + " is false)");
    }
}
