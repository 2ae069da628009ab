package dev.portallinks.test;

import static dev.portallinks.test.PaddleSimulator.ID_CHARACTERS;
import static dev.portallinks.test.PaddleSimulator.randomText;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paddle's notifications, as the simulator sends them: the envelope ({@code event_id}, {@code event_type},
 * {@code occurred_at}, {@code notification_id}, {@code data}), the {@code Paddle-Signature} header (HMAC-SHA256 of
 * {@code ts:body} with the notification secret), one synchronous POST per delivery with a 2 s time-out, and the record
 * of what was delivered. Thread-safe.
 */
final class Notifier {

    /** Paddle waits 5 s for an answer; a test's receiver answers at once, so 2 s tells a hanging one quickly. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");
    /** Paddle's {@code occurred_at} has micro-seconds, always six digits. */
    private static final DateTimeFormatter OCCURRED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** The secret's random tail: letters, digits, {@code +} and {@code /}, as Paddle's. */
    private static final String SECRET_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Clock clock;
    private final String secret;
    private final int remembered;
    private final ConcurrentLinkedDeque<NotificationDelivery> sent = new ConcurrentLinkedDeque<>();
    private final AtomicInteger sentCount = new AtomicInteger();
    private volatile URI destination;
    /** Made at the first delivery: a simulator that notifies nobody starts no client thread. Guarded by {@code this}. */
    private HttpClient client;

    /**
     * @param clock dates {@code occurred_at} and {@code ts}
     * @param secret the notification secret
     * @param destination where to send, or null for nowhere
     * @param remembered how many deliveries {@link #sent()} keeps
     */
    Notifier(Clock clock, String secret, URI destination, int remembered) {
        this.clock = clock;
        this.secret = secret;
        this.destination = destination;
        this.remembered = remembered;
    }

    /** @return a secret shaped like Paddle's notification-setting secrets, {@code pdl_ntfset_01…_…} */
    static String newSecret() {
        return "pdl_ntfset_01" + randomText(24, ID_CHARACTERS) + "_" + randomText(32, SECRET_CHARACTERS);
    }

    /**
     * @param uri a URL
     * @return whether it is http(s) on 127.0.0.1, localhost or [::1]
     */
    static boolean onLoopback(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /**
     * @param destination a notification destination
     * @return it, when on the loopback interface
     * @throws IllegalArgumentException otherwise: tests notify 127.0.0.1 only
     */
    static URI loopback(URI destination) {
        if (!onLoopback(Objects.requireNonNull(destination, "destination"))) {
            throw new IllegalArgumentException("the simulator sends notifications to http(s) on 127.0.0.1, localhost or [::1] only, not to "
                    + destination);
        }
        return destination;
    }

    /**
     * The {@code h1} of a {@code Paddle-Signature}.
     *
     * @param key the secret, used as its UTF-8 bytes (prefix included)
     * @param timestamp the {@code ts}, Unix seconds
     * @param body the raw body
     * @return the lower-case hex HMAC-SHA256 of {@code ts + ":" + body}
     */
    static String h1(String key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            // every Java SE has HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }

    String secret() {
        return secret;
    }

    URI destination() {
        return destination;
    }

    void destination(URI destination) {
        this.destination = destination == null ? null : loopback(destination);
    }

    /**
     * What a state change in the simulated portal sends: one notification, signed and dated now; nothing without a
     * destination.
     *
     * @param eventType the event type
     * @param data the entity
     * @return the delivery, or none
     */
    List<NotificationDelivery> changed(String eventType, JsonObject data) {
        URI to = destination;
        if (to == null) {
            return List.of();
        }
        return List.of(deliver(to, envelope(newId("evt_"), eventType, now(), data), false, Duration.ZERO));
    }

    /**
     * What {@link PaddleSimulator#notify(NotificationSpec)} sends.
     *
     * @param spec the notification and how it misbehaves
     * @param data the entity
     * @return the deliveries, in the order made
     * @throws IllegalStateException without a destination
     */
    List<NotificationDelivery> notify(NotificationSpec spec, JsonObject data) {
        URI to = destination;
        if (to == null) {
            throw new IllegalStateException("the simulator has no notification destination: builder().notifyTo(…) or notifyTo(…) first");
        }
        Instant occurredAt = spec.fixedOccurredAt() == null ? now() : spec.fixedOccurredAt().truncatedTo(ChronoUnit.MICROS);
        String eventId = spec.fixedEventId() == null ? newId("evt_") : spec.fixedEventId();
        List<NotificationDelivery> deliveries = new ArrayList<>();
        if (spec.isOutOfOrder()) {
            deliveries.add(deliver(to, envelope(newId("evt_"), spec.eventType(), occurredAt.plusSeconds(1), data), spec.isBadlySigned(),
                    spec.timestampShift()));
        }
        Envelope envelope = envelope(eventId, spec.eventType(), occurredAt, data);
        for (int i = spec.isDuplicate() ? 2 : 1; i > 0; i--) {
            deliveries.add(deliver(to, envelope, spec.isBadlySigned(), spec.timestampShift()));
        }
        return deliveries;
    }

    /** @return the deliveries remembered, oldest first */
    List<NotificationDelivery> sent() {
        return List.copyOf(sent);
    }

    void forgetSent() {
        sent.clear();
        sentCount.set(0);
    }

    // ---------------------------------------------------------------------------------------------- Sending

    /** An envelope as sent: its fields and its body. */
    private record Envelope(String eventId, String eventType, Instant occurredAt, String notificationId, String body) {
    }

    private Envelope envelope(String eventId, String eventType, Instant occurredAt, JsonObject data) {
        String notificationId = newId("ntf_");
        // JSON-P keeps the order the keys are added in: Paddle's
        String body = JSON.createObjectBuilder().add("event_id", eventId).add("event_type", eventType).add("occurred_at", OCCURRED_AT.format(occurredAt))
                .add("notification_id", notificationId).add("data", data).build().toString();
        return new Envelope(eventId, eventType, occurredAt, notificationId, body);
    }

    private NotificationDelivery deliver(URI to, Envelope envelope, boolean badlySigned, Duration timestampShift) {
        byte[] body = envelope.body().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().plus(timestampShift).getEpochSecond();
        String signature = "ts=" + timestamp + ";h1=" + h1(badlySigned ? newSecret() : secret, timestamp, body);
        HttpRequest request = HttpRequest.newBuilder(to).timeout(TIMEOUT).header("Content-Type", "application/json")
                .header("Paddle-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = 0;
        Exception failure = null;
        try {
            status = client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unanswered) {
            failure = unanswered;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure = interrupted;
        }
        NotificationDelivery delivery = new NotificationDelivery(envelope.eventId(), envelope.eventType(), envelope.occurredAt(),
                envelope.notificationId(), envelope.body(), signature, to, status, failure);
        sent.add(delivery);
        if (sentCount.incrementAndGet() > remembered && sent.pollFirst() != null) {
            sentCount.decrementAndGet();
        }
        return delivery;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            // The client's selector thread inherits the context class loader of the thread that makes it: none here,
            // so that an application embedding the simulator (the demo) is not kept by it after an undeploy.
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(null);
            try {
                client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
            } finally {
                current.setContextClassLoader(previous);
            }
        }
        return client;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String newId(String prefix) {
        // Paddle's IDs are ULIDs in lower case: "01" and a time part first
        return prefix + "01" + randomText(24, ID_CHARACTERS);
    }
}
