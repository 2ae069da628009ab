package dev.portallinks.endpoint;

import java.net.URI;

/**
 * The kinds of failure the endpoint answers with, as problem details (RFC 9457): one type URI, status and title each, so
 * a front end can tell them apart by {@code type} without reading the text. The failures of the service map one to one
 * onto the exceptions of {@link dev.portallinks.api.PortalLinkException}.
 */
enum ProblemType {

    /** The resolver knows nobody signed in. */
    NOT_SIGNED_IN(401, "not-signed-in", "Not signed in"),
    /** Another site's page sent the request (or no browser did, and that is not allowed). */
    CROSS_SITE_REQUEST(403, "cross-site-request", "Cross-site request refused"),
    /** The subscription is not one this user may manage, or not a subscription ID at all. */
    NOT_PERMITTED(403, "not-permitted", "Not permitted"),
    /** A path below the endpoint that names no portal page. */
    NOT_FOUND(404, "not-found", "No such portal page"),
    /** Anything but POST. */
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    /** {@link dev.portallinks.api.CustomerLinkLimitException}: this customer asked too often; with {@code Retry-After}. */
    CUSTOMER_LIMIT(429, "customer-limit", "Too many portal links"),
    /** {@link dev.portallinks.api.PaddleRequestRefusedException}: Paddle refused the server's request. */
    PADDLE_REFUSED(502, "paddle-refused", "Billing provider refused"),
    /** {@link dev.portallinks.api.UnexpectedPaddleResponseException}: Paddle's answer failed the checks. */
    UNEXPECTED_ANSWER(502, "unexpected-answer", "Unexpected answer from the billing provider"),
    /** {@link dev.portallinks.api.PaddleRateLimitedException}: Paddle's rate limit for this application; with {@code Retry-After}. */
    PADDLE_RATE_LIMITED(503, "paddle-rate-limited", "Billing provider busy"),
    /** {@link dev.portallinks.api.PaddleUnavailableException}: Paddle cannot be used right now. */
    PADDLE_UNAVAILABLE(503, "paddle-unavailable", "Billing provider unavailable"),
    /** {@link dev.portallinks.api.PortalConfigurationException}: the library is not configured correctly. */
    CONFIGURATION(500, "configuration", "Billing portal not configured"),
    /** Anything else that went wrong on the server (the log has it; the answer says nothing more). */
    INTERNAL_ERROR(500, "internal-error", "Internal error");

    /** Where every type URI starts. */
    static final String BASE = "https://portallinks.dev/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    /** @return the HTTP status of this kind of failure */
    int status() {
        return status;
    }

    /** @return the problem's {@code type} URI, e.g. {@code https://portallinks.dev/problems/not-permitted} */
    URI type() {
        return type;
    }

    /** @return the problem's {@code title}, the same for every occurrence */
    String title() {
        return title;
    }
}
