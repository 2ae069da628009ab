package dev.portallinks.webhooks.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the receiver answers to a request, without the Servlet API (the servlet only adapts): the checks in order, each
 * answered with a status and an empty body.
 *
 * <ol>
 * <li>not POST: 405 (with {@code Allow: POST});</li>
 * <li>a content type other than {@code application/json} (a {@code charset} parameter is fine): 415;</li>
 * <li>a body longer than the limit: 413 (at most limit + 1 bytes are read);</li>
 * <li>a missing, malformed, stale, future or non-matching {@code Paddle-Signature}: 401;</li>
 * <li>a signed body that is not a notification (not JSON, {@code event_id}, {@code event_type} or {@code occurred_at}
 * missing, an entity without its ID): 400;</li>
 * <li>a duplicate {@code event_id}: 200, not fired again;</li>
 * <li>the executor refusing the work: 503 (Paddle retries);</li>
 * <li>otherwise 200, and the event is fired after the answer.</li>
 * </ol>
 * Thread-safe.
 */
final class WebhookReceiver {

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

    private final int maxBodyBytes;
    private final SignatureVerifier verifier;
    private final NotificationParser parser;
    private final NotificationDispatcher dispatcher;
    private final RateLimitedLog refusals;

    WebhookReceiver(int maxBodyBytes, SignatureVerifier verifier, NotificationParser parser, NotificationDispatcher dispatcher, RateLimitedLog refusals) {
        this.maxBodyBytes = maxBodyBytes;
        this.verifier = verifier;
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.refusals = refusals;
    }

    /**
     * Answers a request.
     *
     * @param method the HTTP method
     * @param contentType the {@code Content-Type} header, may be null
     * @param contentLength the declared length, -1 when unknown (chunked)
     * @param signature the {@code Paddle-Signature} header, may be null
     * @param body the body
     * @return the status
     * @throws IOException when reading the body fails
     */
    int receive(String method, String contentType, long contentLength, String signature, InputStream body) throws IOException {
        if (!"POST".equals(method)) {
            LOG.fine(() -> "Portal Links webhooks: refused a " + method + " (405)");
            return 405;
        }
        if (!isJson(contentType)) {
            refusals.warn("content-type", () -> "Portal Links webhooks: refused a notification whose content type is not application/json (415)");
            return 415;
        }
        if (contentLength > maxBodyBytes) {
            return tooLarge();
        }
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            return tooLarge();
        }
        SignatureVerifier.Verdict verdict = verifier.verify(signature, bytes, bytes.length);
        if (verdict != SignatureVerifier.Verdict.VALID) {
            refusals.warn(verdict.name(), () -> "Portal Links webhooks: refused a notification (401): Paddle-Signature " + describe(verdict));
            return 401;
        }
        NotificationParser.Parsed parsed;
        try {
            parsed = parser.parse(bytes, bytes.length);
        } catch (NotificationParser.MalformedNotification malformed) {
            refusals.warn("malformed", () -> "Portal Links webhooks: refused a signed notification that cannot be read (400): " + malformed.getMessage());
            return 400;
        }
        return switch (dispatcher.dispatch(parsed)) {
            case ACCEPTED -> {
                LOG.fine(() -> "Portal Links webhooks: accepted " + parsed.notification().eventType() + " " + parsed.notification().eventId());
                yield 200;
            }
            case DUPLICATE -> {
                LOG.fine(() -> "Portal Links webhooks: " + parsed.notification().eventId() + " was accepted before; not fired again");
                yield 200;
            }
            case BUSY -> {
                LOG.log(Level.WARNING, () -> "Portal Links webhooks: the server's executor refused " + parsed.notification().eventId()
                        + "; answered 503 so that Paddle retries");
                yield 503;
            }
        };
    }

    private int tooLarge() {
        refusals.warn("too-large", () -> "Portal Links webhooks: refused a notification larger than " + maxBodyBytes + " bytes (413); see "
                + WebhookSettings.MAX_BODY_BYTES);
        return 413;
    }

    private static String describe(SignatureVerifier.Verdict verdict) {
        return switch (verdict) {
            case MISSING -> "is missing";
            case MALFORMED -> "is not ts=...;h1=...";
            case TOO_OLD -> "is older than " + WebhookSettings.TOLERANCE + " allows (a replay, or this server's clock is ahead)";
            case IN_FUTURE -> "is further in the future than " + WebhookSettings.FUTURE_ALLOWANCE + " allows (this server's clock is behind)";
            case MISMATCH -> "matches none of the secrets of " + WebhookSettings.SECRETS + " (a forgery, or the secret of another notification"
                    + " destination)";
            case VALID -> "is valid";
        };
    }

    /** {@code application/json}, with parameters (a charset) or not, in any case. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }
}
