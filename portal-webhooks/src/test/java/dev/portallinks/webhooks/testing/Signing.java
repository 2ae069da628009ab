package dev.portallinks.webhooks.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs notification bodies as Paddle does, for the tests (unit tests, and the integration tests' client). */
public final class Signing {

    /** A secret of the form Paddle gives notification destinations; made up for the tests. */
    public static final String SECRET = "pdl_ntfset_01hv8x29kz0t586xy6zn1a62ny_TestOnlySecretNotFromPaddle1";
    /** A second one, for rotation. */
    public static final String OTHER_SECRET = "pdl_ntfset_01hv8x29kz0t586xy6zn1a62nz_TestOnlyRotatedSecretValue22";

    private Signing() {
    }

    /**
     * The HMAC-SHA256 Paddle puts in {@code h1}.
     *
     * @param secret the secret
     * @param timestamp the {@code ts}
     * @param body the raw body
     * @return lower-case hex
     */
    public static String h1(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A whole {@code Paddle-Signature} header.
     *
     * @param secret the secret
     * @param timestamp the {@code ts}
     * @param body the raw body
     * @return {@code ts=…;h1=…}
     */
    public static String header(String secret, long timestamp, byte[] body) {
        return "ts=" + timestamp + ";h1=" + h1(secret, timestamp, body);
    }

    /**
     * A notification body.
     *
     * @param eventId its {@code event_id}
     * @param eventType its {@code event_type}
     * @param occurredAt its {@code occurred_at}
     * @param data its {@code data} as JSON
     * @return the body as UTF-8
     */
    public static byte[] notification(String eventId, String eventType, String occurredAt, String data) {
        return ("{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + eventType + "\",\"occurred_at\":\"" + occurredAt
                + "\",\"notification_id\":\"ntf_01hv8x2af22vrrz7k67g06x1kq\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A {@code subscription.*} notification's body with the fields the library reads.
     *
     * @param eventId its {@code event_id}
     * @param eventType e.g. {@code subscription.canceled}
     * @param occurredAt its {@code occurred_at}
     * @param subscription the subscription's ID
     * @param status its status
     * @return the body
     */
    public static byte[] subscriptionNotification(String eventId, String eventType, String occurredAt, String subscription, String status) {
        return notification(eventId, eventType, occurredAt, "{\"id\":\"" + subscription + "\",\"status\":\"" + status
                + "\",\"customer_id\":\"ctm_01hv6y1jedq4p1n0yqn5ba3ky4\",\"currency_code\":\"USD\",\"next_billed_at\":null,\"items\":[{\"quantity\":2,"
                + "\"recurring\":true,\"price\":{\"name\":\"Monthly\",\"unit_price\":{\"amount\":\"3000\",\"currency_code\":\"USD\"}},"
                + "\"product\":{\"name\":\"AeroEdit Pro\"}}],\"scheduled_change\":null,\"added_by_paddle_later\":{\"x\":1}}");
    }
}
