package dev.portallinks.endpoint;

import dev.portallinks.api.PortalLinkException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One failure as problem details (RFC 9457, {@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code detail}, and {@code retryAfter} (seconds) when waiting helps. The detail is the endpoint's own
 * fixed text for the kind of failure, never an exception's message: nothing from the server's internals, no token and
 * no key can reach the browser through it.
 *
 * @param type the kind of failure, not null
 * @param detail what the front end may show, not null
 * @param retryAfterSeconds seconds to wait before trying again (also sent as {@code Retry-After}), or -1 for none
 */
record Problem(ProblemType type, String detail, long retryAfterSeconds) {

    /** The media type of problem details. */
    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
        if (retryAfterSeconds < -1) {
            throw new IllegalArgumentException("retryAfterSeconds must be -1 (none) or at least 0, not " + retryAfterSeconds);
        }
    }

    static Problem notSignedIn() {
        return new Problem(ProblemType.NOT_SIGNED_IN, "Sign in to open the billing portal.", -1);
    }

    static Problem crossSiteRequest() {
        return new Problem(ProblemType.CROSS_SITE_REQUEST, "This request did not come from this application's own pages.", -1);
    }

    static Problem notPermitted() {
        return new Problem(ProblemType.NOT_PERMITTED, "This account cannot manage that subscription.", -1);
    }

    static Problem notFound() {
        return new Problem(ProblemType.NOT_FOUND, "There is no such portal page; use " + Route.OVERVIEW.substring(1) + ", subscriptions/{id}/"
                + Route.CANCEL + " or subscriptions/{id}/" + Route.UPDATE_PAYMENT_METHOD + ".", -1);
    }

    static Problem methodNotAllowed() {
        return new Problem(ProblemType.METHOD_NOT_ALLOWED, "Use POST: opening the billing portal creates a sign-in session.", -1);
    }

    static Problem internalError() {
        return new Problem(ProblemType.INTERNAL_ERROR, "The billing portal could not be opened because of an error on this server.", -1);
    }

    /**
     * The problem a failure of the service stands for.
     *
     * @param failure what the service threw, not null
     * @param now the current time, for the seconds until a limit ends
     * @return the problem
     */
    static Problem of(PortalLinkException failure, Instant now) {
        Objects.requireNonNull(failure, "failure must not be null");
        long seconds = failure.tryAgainAt().map(at -> secondsUntil(at, now)).orElse(-1L);
        return switch (failure.refusalReason()) {
            case CUSTOMER_LIMIT -> new Problem(ProblemType.CUSTOMER_LIMIT, "Too many billing portal links were asked for this account within a"
                    + " minute; try again in " + seconds + " seconds.", seconds);
            case PADDLE_RATE_LIMITED -> new Problem(ProblemType.PADDLE_RATE_LIMITED, "The billing portal is busy; try again in " + seconds
                    + " seconds.", seconds);
            case PADDLE_UNAVAILABLE -> new Problem(ProblemType.PADDLE_UNAVAILABLE, "The billing portal cannot be reached right now; try again later.",
                    -1);
            case PADDLE_REFUSED -> new Problem(ProblemType.PADDLE_REFUSED, "The billing provider refused to open the portal for this account.", -1);
            case CONFIGURATION -> new Problem(ProblemType.CONFIGURATION, "The billing portal is not configured correctly on this server.", -1);
            case UNEXPECTED_ANSWER -> new Problem(ProblemType.UNEXPECTED_ANSWER, "The billing provider's answer could not be used; nothing was"
                    + " opened.", -1);
            case NOT_PERMITTED -> notPermitted();
        };
    }

    /** Whole seconds until the instant, rounded up and at least 1: a client that waits that long is not early. */
    private static long secondsUntil(Instant instant, Instant now) {
        long millis = Duration.between(now, instant).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** @return the HTTP status */
    int status() {
        return type.status();
    }

    /** @return the problem details document */
    String json() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type.type().toString());
        members.put("title", type.title());
        members.put("status", type.status());
        members.put("detail", detail);
        if (retryAfterSeconds >= 0) {
            members.put("retryAfter", retryAfterSeconds);
        }
        return Json.object(members);
    }
}
