package dev.portallinks.endpoint;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer of the endpoint, whatever it is: a redirect to a link, the link as JSON, or a problem. Every answer carries
 * {@code Cache-Control: no-store} (a link is a one-time sign-in, and even a refusal must not be replayed from a cache) and
 * {@code Referrer-Policy: no-referrer} (the portal, and whatever a link leads to, learns nothing of the application's
 * URLs).
 *
 * @param status the HTTP status
 * @param headers the headers, in order; unmodifiable
 * @param contentType the body's media type, or null without a body
 * @param body the body, empty for none; never null
 */
record EndpointResponse(int status, Map<String, String> headers, String contentType, String body) {

    /** The JSON answer's media type. */
    static final String JSON_MEDIA_TYPE = "application/json";

    EndpointResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers must not be null")));
        Objects.requireNonNull(body, "body must not be null");
    }

    private static Map<String, String> protectiveHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }

    /**
     * The link, in the format the request asked for.
     *
     * @param link the portal link or the fallback URL, not null
     * @param format a redirect or JSON
     * @return {@code 303} with {@code Location}, or {@code 200} with {@code {"url": …}}
     */
    static EndpointResponse link(URI link, AnswerFormat format) {
        Objects.requireNonNull(link, "link must not be null");
        Map<String, String> headers = protectiveHeaders();
        if (format == AnswerFormat.REDIRECT) {
            headers.put("Location", link.toString());
            return new EndpointResponse(303, headers, null, "");
        }
        return new EndpointResponse(200, headers, JSON_MEDIA_TYPE, Json.object(Map.of("url", link.toString())));
    }

    /**
     * A failure as problem details; with {@code Retry-After} when the problem has a wait.
     *
     * @param problem the problem, not null
     * @return the answer
     */
    static EndpointResponse problem(Problem problem) {
        Map<String, String> headers = protectiveHeaders();
        if (problem.retryAfterSeconds() >= 0) {
            headers.put("Retry-After", Long.toString(problem.retryAfterSeconds()));
        }
        if (problem.type() == ProblemType.METHOD_NOT_ALLOWED) {
            headers.put("Allow", "POST");
        }
        return new EndpointResponse(problem.status(), headers, Problem.MEDIA_TYPE, problem.json());
    }

    /**
     * This answer readable by a page of an allowed other origin (CORS, with the user's cookies): the origin echoed, never
     * {@code *}.
     *
     * @param origin an origin of {@code portal.endpoint.allowed-origins}, not null
     * @return the answer with the CORS headers
     */
    EndpointResponse readableBy(WebOrigin origin) {
        Map<String, String> withCors = new LinkedHashMap<>(headers);
        withCors.put("Access-Control-Allow-Origin", origin.toString());
        withCors.put("Access-Control-Allow-Credentials", "true");
        withCors.put("Vary", "Origin");
        return new EndpointResponse(status, withCors, contentType, body);
    }
}
