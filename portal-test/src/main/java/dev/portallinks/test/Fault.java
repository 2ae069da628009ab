package dev.portallinks.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Something the simulator does instead of answering like a healthy Paddle, for {@link PaddleSimulator#nextCalls} or
 * {@link PaddleSimulator#always}. Faults apply to the API calls ({@code /customers/…} and {@code /subscriptions}),
 * never to the portal page.
 */
public final class Fault {

    /** What happens. */
    enum Kind {
        ERROR, SLOW, HANG, CLOSE_BEFORE_ANSWER, RESET_CONNECTION, CLOSE_DURING_ANSWER, GARBAGE, HTML_PAGE, FOREIGN_HOST_LINK, UNREQUESTED_SUBSCRIPTION_LINK,
        OTHER_CUSTOMER_LINK, ANSWER
    }

    /** An answer given exactly as written. */
    record FixedAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final Duration duration;
    private final FixedAnswer answer;

    private Fault(Kind kind, int status, String code, Duration duration) {
        this(kind, status, code, duration, null);
    }

    private Fault(Kind kind, int status, String code, Duration duration, FixedAnswer answer) {
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.duration = duration;
        this.answer = answer;
    }

    /**
     * Exactly this answer, byte for byte: for a body the other faults do not make (an unusual but valid answer, an
     * error code of Paddle's the library must name).
     *
     * @param status the HTTP status, 100 to 599
     * @param contentType the {@code Content-Type}, sent as given
     * @param body the body, sent as UTF-8
     * @return the fault
     */
    public static Fault answer(int status, String contentType, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100 to 599, not " + status);
        }
        return new Fault(Kind.ANSWER, status, null, null, new FixedAnswer(status, Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /**
     * One of Paddle's own published examples (from Paddle's SDK test suites), byte for byte, with its status and
     * headers (e.g. {@code Retry-After: 42}).
     *
     * @param example the example
     * @return the fault
     */
    public static Fault publishedExample(PaddleExample example) {
        return new Fault(Kind.ANSWER, example.status(), null, null, new FixedAnswer(example.status(), "application/json", example.bytes(),
                example.headers()));
    }

    /**
     * Paddle's error envelope with this status and code, e.g. {@code error(500, "internal_error")} or
     * {@code error(401, "invalid_access_token")}.
     *
     * @param status 400 to 599
     * @param code Paddle's error code
     * @return the fault
     */
    public static Fault error(int status, String code) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400 to 599, not " + status);
        }
        return new Fault(Kind.ERROR, status, Objects.requireNonNull(code, "code"), null);
    }

    /**
     * A server error: {@code 500 internal_error}, {@code 502 bad_gateway}, {@code 503 service_unavailable} or any other 5xx.
     *
     * @param status 500 to 599
     * @return the fault
     */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 500 to 599, not " + status);
        }
        return error(status, status == 502 ? "bad_gateway" : status == 503 ? "service_unavailable" : "internal_error");
    }

    /**
     * Paddle's rate limit: 429 {@code too_many_requests} with {@code Retry-After}.
     *
     * @param retryAfter the wait Paddle asks for, whole seconds
     * @return the fault
     */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.ERROR, 429, "too_many_requests", Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * The normal answer, after a delay.
     *
     * @param delay how long to wait first
     * @return the fault
     */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, null, Objects.requireNonNull(delay, "delay"));
    }

    /** @return no answer at all until the client gives up or the simulator closes (at most 5 minutes) */
    public static Fault hang() {
        return new Fault(Kind.HANG, 0, null, Duration.ofMinutes(5));
    }

    /** @return the connection closed after the request arrived, before any answer */
    public static Fault closeBeforeAnswer() {
        return new Fault(Kind.CLOSE_BEFORE_ANSWER, 0, null, null);
    }

    /**
     * The connection reset after the request arrived, before any answer: closed with {@code SO_LINGER} 0, so the client
     * gets a TCP RST and reads "connection reset", where {@link #closeBeforeAnswer()} gives it an orderly end of stream.
     * Over HTTPS the TLS layer may announce its close first.
     *
     * @return the fault
     */
    public static Fault resetConnection() {
        return new Fault(Kind.RESET_CONNECTION, 0, null, null);
    }

    /** @return the status line and headers of a normal answer, then half its body, then the connection closed */
    public static Fault closeDuringAnswer() {
        return new Fault(Kind.CLOSE_DURING_ANSWER, 0, null, null);
    }

    /** @return a success status with a body that is not JSON */
    public static Fault garbage() {
        return new Fault(Kind.GARBAGE, 0, null, null);
    }

    /**
     * An HTML error page, as a proxy or load balancer in front of Paddle sends it.
     *
     * @param status the status, e.g. 502
     * @return the fault
     */
    public static Fault htmlErrorPage(int status) {
        return new Fault(Kind.HTML_PAGE, status, null, null);
    }

    /** @return a portal session whose overview link points to another host */
    public static Fault linkOnForeignHost() {
        return new Fault(Kind.FOREIGN_HOST_LINK, 0, null, null);
    }

    /** @return a portal session with links for one more subscription than was asked for */
    public static Fault linkForUnrequestedSubscription() {
        return new Fault(Kind.UNREQUESTED_SUBSCRIPTION_LINK, 0, null, null);
    }

    /** @return a portal session for another customer than the one asked about */
    public static Fault sessionForAnotherCustomer() {
        return new Fault(Kind.OTHER_CUSTOMER_LINK, 0, null, null);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Duration duration() {
        return duration;
    }

    FixedAnswer fixedAnswer() {
        return answer;
    }

    /** @return whether the fault needs a connection of the simulator's own (hang, close or reset before the answer, close during it) */
    boolean needsOwnConnection() {
        return kind == Kind.HANG || kind == Kind.CLOSE_BEFORE_ANSWER || kind == Kind.RESET_CONNECTION || kind == Kind.CLOSE_DURING_ANSWER;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status == 0 ? "" : " " + status) + (code == null ? "" : " " + code) + (duration == null ? "" : " " + duration) + "]";
    }
}
