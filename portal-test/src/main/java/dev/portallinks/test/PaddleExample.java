package dev.portallinks.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Paddle's own published examples of answers, taken unchanged from Paddle's SDK test suites (the jar's
 * {@code dev/portallinks/test/paddle-examples/SOURCES.md} names the repository, file and commit of each). The
 * simulator serves them byte for byte with {@link Fault#publishedExample}, so a test can show that the library reads
 * what Paddle actually writes, not only what the simulator writes.
 */
public enum PaddleExample {

    /** 201: a portal session for customer {@code ctm_01gysfvfy7vqhpzkq8rjmrq7an} with no subscriptions (links on customer-portal.paddle.com). */
    PORTAL_SESSION_WITHOUT_SUBSCRIPTIONS(201, "python-sdk__portal-sessions__response_full_entity_empty.json"),
    /** 201: the same customer's session with links for {@code sub_01h04vsc0qhwtsbsxh3422wjs4}. */
    PORTAL_SESSION_ONE_SUBSCRIPTION(201, "python-sdk__portal-sessions__response_full_entity_single.json"),
    /** 201: the same customer's session with links for {@code sub_01h04vsc0qhwtsbsxh3422wjs4} and {@code sub_02h04vsc0qhwtsbsxh3422wjs4}. */
    PORTAL_SESSION_TWO_SUBSCRIPTIONS(201, "python-sdk__portal-sessions__response_full_entity_multiple.json"),
    /** 200: a page of {@code GET /subscriptions} with four subscriptions of customer {@code ctm_01hp462x4578nc20acj9g956yy}. */
    SUBSCRIPTION_LIST(200, "python-sdk__subscriptions__response_list_default.json"),
    /** 400 {@code bad_request} with a field error. */
    BAD_REQUEST(400, "python-sdk__client-test__400_bad_request_with_field_errors__extracted.json"),
    /** 404 {@code not_found}. */
    NOT_FOUND(404, "python-sdk__client-test__404_not_found__extracted.json"),
    /** 409 {@code conflict}, without {@code Retry-After}. */
    CONFLICT(409, "node-sdk__base-resource-test__409_conflict_no-retry-after__extracted.json"),
    /** 429 {@code too_many_requests} with {@code Retry-After: 42}. */
    TOO_MANY_REQUESTS(429, "python-sdk__client-test__429_too_many_requests_retry-after-42__extracted.json", Map.of("Retry-After", "42")),
    /** 429 {@code too_many_requests} without {@code meta}, with {@code Retry-After: 42}, as Paddle's PHP SDK tests it. */
    TOO_MANY_REQUESTS_WITHOUT_META(429, "php-sdk__response-parser-test__429_too_many_requests_no-meta_retry-after-42__extracted.json",
            Map.of("Retry-After", "42"));

    private final int status;
    private final String file;
    private final Map<String, String> headers;

    PaddleExample(int status, String file) {
        this(status, file, Map.of());
    }

    PaddleExample(int status, String file, Map<String, String> headers) {
        this.status = status;
        this.file = file;
        this.headers = headers;
    }

    /** @return the HTTP status Paddle answers it with */
    public int status() {
        return status;
    }

    /** @return the headers that go with it besides {@code Content-Type} */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the example's file name, as in SOURCES.md */
    public String file() {
        return file;
    }

    /** @return the body exactly as Paddle published it */
    public byte[] bytes() {
        try (InputStream in = PaddleExample.class.getResourceAsStream("paddle-examples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the portal-test jar lacks paddle-examples/" + file);
            }
            return in.readAllBytes();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
