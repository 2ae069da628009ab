package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.test.NotificationReceiver.Received;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Notifications on demand, as a receiver's test needs them: Paddle's envelope and signature (recomputed here with
// javax.crypto, not with the simulator's code), the misbehaving variants, the record of deliveries, the loopback rule.
class NotificationsTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String SUB = "sub_01h04vsc0qhwtsbsxh3422wjs4";
    /** Nanoseconds, so that the micro-second truncation of occurred_at shows. */
    private static final Instant NOW = Instant.parse("2029-06-01T12:00:00.123456789Z");
    private static final Pattern SIGNATURE = Pattern.compile("^ts=(\\d+);h1=([0-9a-f]{64})$");

    static final NotificationReceiver RECEIVER = new NotificationReceiver();

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).notifyTo(RECEIVER.uri()));

    private PaddleSimulator paddle;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @BeforeEach
    void seed(PaddleSimulator simulator) {
        paddle = simulator;
        paddle.reset();
        paddle.notifyTo(RECEIVER.uri());
        RECEIVER.clear();
        paddle.subscription(CUSTOMER, SUB).scheduledChange("cancel", Instant.parse("2030-01-01T00:00:00Z"));
    }

    // ------------------------------------------------------------------------------------- Envelope and signature

    @Test
    void aNotificationIsPaddlesEnvelopeSignedWithTheSecret() {
        List<NotificationDelivery> deliveries = paddle.notify(NotificationSpec.subscriptionUpdated(SUB));

        Received received = RECEIVER.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.contentType()).isEqualTo("application/json");
        Matcher signature = signature(received);
        assertThat(signature.group(1)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(signature.group(2)).isEqualTo(hmac(paddle.notificationSecret(), signature.group(1), received.body()));
        JsonObject envelope = json(received.bodyText());
        assertThat(List.copyOf(envelope.keySet())).containsExactly("event_id", "event_type", "occurred_at", "notification_id", "data");
        assertThat(envelope.getString("event_id")).matches("evt_[a-z\\d]{26}");
        assertThat(envelope.getString("event_type")).isEqualTo("subscription.updated");
        assertThat(envelope.getString("occurred_at")).isEqualTo("2029-06-01T12:00:00.123456Z");
        assertThat(envelope.getString("notification_id")).matches("ntf_[a-z\\d]{26}");
        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.accepted()).isTrue();
            assertThat(delivery.body()).isEqualTo(received.bodyText());
            assertThat(delivery.signature()).isEqualTo(received.signature());
            assertThat(delivery.eventId()).isEqualTo(envelope.getString("event_id"));
            assertThat(delivery.notificationId()).isEqualTo(envelope.getString("notification_id"));
            assertThat(delivery.occurredAt()).isEqualTo(Instant.parse("2029-06-01T12:00:00.123456Z"));
            assertThat(delivery.destination()).isEqualTo(RECEIVER.uri());
        });
        assertThat(paddle.notificationsSent()).isEqualTo(deliveries);
    }

    @Test
    void theDataIsTheSubscriptionAsAListingShowsIt() throws Exception {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB));

        HttpResponse<String> listing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/subscriptions?customer_id="
                + CUSTOMER)).header("Authorization", "Bearer " + paddle.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject data = json(RECEIVER.received().get(0).bodyText()).getJsonObject("data");
        assertThat(data).isEqualTo(json(listing.body()).getJsonArray("data").getJsonObject(0));
        assertThat(data.getString("id")).isEqualTo(SUB);
        assertThat(data.getJsonObject("scheduled_change").getString("action")).isEqualTo("cancel");
        assertThat(data.getJsonObject("scheduled_change").getString("effective_at")).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void theSimulatorSignsAsPaddleDoesForTheVectorsOfPaddlesSdks() {
        JsonObject go = vector("go-sdk__webhook-verifier-test__01_valid.vector.json");
        JsonObject node = vector("node-sdk__webhooks-validator-test__01_valid.vector.json");
        JsonObject rotation = vector("php-python-sdk__verifier-test__hello-world_three-secrets.vector.json");

        assertThat(signedAs(go, go.getString("secret"), resource(go.getString("body_file")))).isEqualTo(go.getString("header"));
        assertThat(signedAs(node, node.getString("secret"), node.getString("body").getBytes(StandardCharsets.UTF_8))).isEqualTo(node.getString("header"));
        // the header holds h1=dummy first; the third secret gives the second
        assertThat(rotation.getString("header")).endsWith(";h1=" + Notifier.h1(rotation.getJsonArray("secrets").getString(2),
                timestamp(rotation), rotation.getString("body").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDefaultSecretIsShapedLikePaddlesAndATestCanChooseItsOwn() {
        try (PaddleSimulator own = PaddleSimulator.builder().notificationSecret("VALID_SECRET").notifyTo(RECEIVER.uri()).start()) {
            own.subscription(CUSTOMER, SUB);
            own.notify(NotificationSpec.subscriptionUpdated(SUB));

            Received received = RECEIVER.received().get(0);
            Matcher signature = signature(received);
            assertThat(signature.group(2)).isEqualTo(hmac("VALID_SECRET", signature.group(1), received.body()));
        }
        assertThat(paddle.notificationSecret()).matches("pdl_ntfset_01[a-z\\d]{24}_[A-Za-z\\d+/]{32}");
        try (PaddleSimulator other = PaddleSimulator.start()) {
            assertThat(other.notificationSecret()).isNotEqualTo(paddle.notificationSecret());
        }
    }

    // --------------------------------------------------------------------------------------- On-demand variants

    @Test
    void aDuplicateIsTheSameBodyTwiceEachSigned() {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).duplicate());

        List<Received> received = RECEIVER.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).bodyText()).isEqualTo(received.get(0).bodyText());
        assertThat(received).allSatisfy(one -> assertThat(validlySigned(one)).isTrue());
    }

    @Test
    void outOfOrderDeliversANewerEventFirst() {
        List<NotificationDelivery> deliveries = paddle.notify(NotificationSpec.subscription("subscription.past_due", SUB).outOfOrder());

        List<Received> received = RECEIVER.received();
        assertThat(received).hasSize(2);
        JsonObject newer = json(received.get(0).bodyText());
        JsonObject older = json(received.get(1).bodyText());
        assertThat(Instant.parse(older.getString("occurred_at"))).isBefore(Instant.parse(newer.getString("occurred_at")));
        assertThat(older.getString("occurred_at")).isEqualTo("2029-06-01T12:00:00.123456Z");
        assertThat(older.getString("event_id")).isNotEqualTo(newer.getString("event_id"));
        assertThat(older.getString("event_type")).isEqualTo(newer.getString("event_type")).isEqualTo("subscription.past_due");
        assertThat(deliveries.get(1).eventId()).isEqualTo(older.getString("event_id"));
        assertThat(received).allSatisfy(one -> assertThat(validlySigned(one)).isTrue());
    }

    @Test
    void olderStateSentLaterCarriesItsOwnDataAndDate() {
        paddle.subscription(CUSTOMER, SUB).status("active");
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).occurredAt(Instant.parse("2029-06-01T12:00:02Z")));
        paddle.subscription(CUSTOMER, SUB).status("past_due");
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).occurredAt(Instant.parse("2029-06-01T12:00:01.9876543Z")));

        JsonObject first = json(RECEIVER.received().get(0).bodyText());
        JsonObject second = json(RECEIVER.received().get(1).bodyText());
        assertThat(first.getJsonObject("data").getString("status")).isEqualTo("active");
        assertThat(first.getString("occurred_at")).isEqualTo("2029-06-01T12:00:02.000000Z");
        assertThat(second.getJsonObject("data").getString("status")).isEqualTo("past_due");
        assertThat(second.getString("occurred_at")).isEqualTo("2029-06-01T12:00:01.987654Z");
    }

    @Test
    void aGivenEventIdIsSent() {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).eventId("evt_01hv8ytwcg91n07pa4jmvsdcst"));

        assertThat(json(RECEIVER.received().get(0).bodyText()).getString("event_id")).isEqualTo("evt_01hv8ytwcg91n07pa4jmvsdcst");
    }

    @Test
    void aBadSignatureIsAnHmacWithAnotherSecret() {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).badSignature());

        Received received = RECEIVER.received().get(0);
        assertThat(signature(received).group(1)).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(validlySigned(received)).isFalse();
    }

    @Test
    void aStaleTimestampIsSignedCorrectlyButOld() {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).staleBy(Duration.ofSeconds(30)));

        Received received = RECEIVER.received().get(0);
        assertThat(signature(received).group(1)).isEqualTo(Long.toString(NOW.getEpochSecond() - 30));
        assertThat(validlySigned(received)).isTrue();
    }

    @Test
    void aFutureTimestampIsSignedCorrectlyButAhead() {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).futureBy(Duration.ofSeconds(10)));

        Received received = RECEIVER.received().get(0);
        assertThat(signature(received).group(1)).isEqualTo(Long.toString(NOW.getEpochSecond() + 10));
        assertThat(validlySigned(received)).isTrue();
    }

    @Test
    void aSpecIsCheckedWhereItIsMade() {
        assertThatThrownBy(() -> NotificationSpec.subscription("Subscription Updated", SUB)).hasMessageContaining("event type");
        assertThatThrownBy(() -> NotificationSpec.subscriptionUpdated("sub_123")).hasMessageContaining("sub_123");
        assertThatThrownBy(() -> NotificationSpec.subscriptionUpdated(SUB).eventId("evt_1")).hasMessageContaining("evt_1");
        assertThatThrownBy(() -> NotificationSpec.subscriptionUpdated(SUB).staleBy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationSpec.subscriptionUpdated(SUB).futureBy(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(NotificationSpec.subscriptionUpdated(SUB).badSignature()).isEqualTo(NotificationSpec.subscriptionUpdated(SUB).badSignature())
                .isNotEqualTo(NotificationSpec.subscriptionUpdated(SUB));
        assertThatThrownBy(() -> paddle.notify(NotificationSpec.subscriptionUpdated("sub_01hv8x29kz0t586xy6zn1a62ny")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("knows no subscription");
    }

    // ---------------------------------------------------------------------------------- Deliveries and destination

    @Test
    void theReceiversAnswerOrFailureIsRecorded() throws IOException {
        RECEIVER.answer(500);
        NotificationDelivery refused = paddle.notify(NotificationSpec.subscriptionUpdated(SUB)).get(0);
        URI nobody;
        try (ServerSocket closedSoon = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + closedSoon.getLocalPort() + "/paddle/webhooks");
        }
        paddle.notifyTo(nobody);
        NotificationDelivery unanswered = paddle.notify(NotificationSpec.subscriptionUpdated(SUB)).get(0);

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.failure()).isNull();
        assertThat(unanswered.status()).isZero();
        assertThat(unanswered.failure()).isInstanceOf(IOException.class);
        assertThat(unanswered.destination()).isEqualTo(nobody);
        assertThat(paddle.notificationsSent()).containsExactly(refused, unanswered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/paddle/webhooks", "https://example.com/paddle/webhooks", "ftp://127.0.0.1/paddle",
        "/paddle/webhooks", "http://127.0.0.2:8080/paddle/webhooks", "http://localhost.example.com/"})
    void aDestinationOffTheLoopbackIsRefused(String destination) {
        URI uri = URI.create(destination);

        assertThatThrownBy(() -> PaddleSimulator.builder().notifyTo(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("127.0.0.1, localhost or [::1] only");
        assertThatThrownBy(() -> paddle.notifyTo(uri)).isInstanceOf(IllegalArgumentException.class);
        assertThat(paddle.notificationDestination()).hasValue(RECEIVER.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9080/app/paddle/webhooks", "https://localhost:9443/paddle", "http://LOCALHOST/x",
        "http://[::1]:9080/paddle/webhooks"})
    void aLoopbackDestinationIsAccepted(String destination) {
        assertThat(paddle.notifyTo(URI.create(destination)).notificationDestination()).hasValue(URI.create(destination));
    }

    @Test
    void withoutADestinationNothingIsSent() {
        paddle.notifyTo(null);

        assertThatThrownBy(() -> paddle.notify(NotificationSpec.subscriptionUpdated(SUB))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no notification destination");
        try (PaddleSimulator silent = PaddleSimulator.start()) {
            assertThat(silent.notificationDestination()).isEmpty();
        }
        assertThat(RECEIVER.received()).isEmpty();
        assertThat(paddle.notificationsSent()).isEmpty();
    }

    @Test
    void theSecretIsInNoStringOfTheSimulator() {
        paddle.notify(NotificationSpec.subscriptionUpdated(SUB).badSignature());

        assertThat(paddle.notificationsSent().get(0).toString()).doesNotContain(paddle.notificationSecret());
        assertThat(paddle.toString() + paddle.configuration() + paddle.serverEnv()).doesNotContain(paddle.notificationSecret());
    }

    // ------------------------------------------------------------------------------------------------- Helpers

    /** The HMAC a receiver computes: HMAC-SHA256 keyed with the secret's UTF-8 bytes over ts, ":" and the raw body. */
    static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new AssertionError(unavailable);
        }
    }

    static Matcher signature(Received received) {
        Matcher signature = SIGNATURE.matcher(Objects.requireNonNull(received.signature(), "Paddle-Signature"));
        assertThat(signature.matches()).as("Paddle-Signature %s", received.signature()).isTrue();
        return signature;
    }

    private boolean validlySigned(Received received) {
        Matcher signature = signature(received);
        return signature.group(2).equals(hmac(paddle.notificationSecret(), signature.group(1), received.body()));
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject vector(String name) {
        return json(new String(resource(name), StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = NotificationsTest.class.getResourceAsStream("/paddle-fixtures/webhooks/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static long timestamp(JsonObject vector) {
        return Long.parseLong(vector.getString("header").replaceAll("^ts=(\\d+);.*$", "$1"));
    }

    /** @return the header the simulator's signing function writes for the vector's ts, secret and body */
    private static String signedAs(JsonObject vector, String secret, byte[] body) {
        long timestamp = timestamp(vector);
        return "ts=" + timestamp + ";h1=" + Notifier.h1(secret, timestamp, body);
    }
}
