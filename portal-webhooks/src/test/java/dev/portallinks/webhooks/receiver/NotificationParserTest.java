package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.webhooks.CustomerEvent;
import dev.portallinks.webhooks.PaddleNotification;
import dev.portallinks.webhooks.SubscriptionEvent;
import dev.portallinks.webhooks.TransactionEvent;
import dev.portallinks.webhooks.UnknownPaddleEvent;
import dev.portallinks.webhooks.testing.Signing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every notification fixture (Paddle's OpenAPI examples, the Node SDK's mocks, the signed Python bodies, the Python SDK's
 * data files in the envelope its tests use) reads into its typed event with the IDs and status it holds.
 */
class NotificationParserTest {

    private final NotificationParser parser = new NotificationParser();

    static Path fixtures() throws URISyntaxException {
        return Path.of(NotificationParserTest.class.getResource("/paddle-fixtures/webhooks/SOURCES.md").toURI()).getParent();
    }

    /** The full envelopes: every JSON file but the vectors and the data-only files. */
    static Stream<Path> envelopes() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".vector.json") && !f.toString().contains("data-only"))
                    .sorted().toList().stream();
        }
    }

    static Stream<Path> dataOnly() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.filter(f -> f.toString().endsWith("__data-only.json")).sorted().toList().stream();
        }
    }

    @Test
    void theFixturesAreThere() throws Exception {
        assertThat(envelopes()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(dataOnly()).hasSize(11);
    }

    @ParameterizedTest
    @MethodSource("envelopes")
    void eachEnvelopeReadsIntoItsTypedEvent(Path file) throws Exception {
        byte[] body = Files.readAllBytes(file);
        JsonObject expected = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();

        NotificationParser.Parsed parsed = parser.parse(body, body.length);

        assertMatches(parsed, expected);
    }

    @ParameterizedTest
    @MethodSource("dataOnly")
    void eachDataFileReadsIntoItsTypedEventInTheSdksEnvelope(Path file) throws Exception {
        String eventType = file.getFileName().toString().replace("python-sdk__notification-entity__", "").replace("__data-only.json", "");
        byte[] body = Signing.notification("evt_01h8bzakzx3hm2fmen703n5q45", eventType, "2023-08-21T11:57:47.390028Z",
                Files.readString(file));
        JsonObject expected = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();

        assertMatches(parser.parse(body, body.length), expected);
    }

    private static void assertMatches(NotificationParser.Parsed parsed, JsonObject expected) {
        PaddleNotification notification = parsed.notification();
        JsonObject data = expected.getJsonObject("data");
        String type = expected.getString("event_type");
        assertThat(notification.eventId()).isEqualTo(expected.getString("event_id"));
        assertThat(notification.eventType()).isEqualTo(type);
        assertThat(notification.occurredAt()).isEqualTo(Instant.parse(expected.getString("occurred_at")));
        assertThat(notification.notificationId()).isEqualTo(expected.getString("notification_id"));
        assertThat(notification.stale()).isFalse();
        assertThat(parsed.entityId()).isEqualTo(data.getString("id"));
        if (type.startsWith("subscription.")) {
            SubscriptionEvent event = (SubscriptionEvent) notification;
            assertThat(event.kind().eventType()).isEqualTo(type);
            assertThat(event.subscription().id()).isEqualTo(SubscriptionId.of(data.getString("id")));
            assertThat(event.subscription().customer()).isEqualTo(CustomerId.of(data.getString("customer_id")));
            assertThat(event.subscription().status().paddleName()).isEqualTo(data.getString("status"));
            assertThat(event.subscription().items()).hasSize(data.getJsonArray("items").size());
            assertThat(event.updatedAt()).isEqualTo(Instant.parse(data.getString("updated_at")));
        } else if (type.startsWith("customer.")) {
            CustomerEvent event = (CustomerEvent) notification;
            assertThat(event.customer()).isEqualTo(CustomerId.of(data.getString("id")));
            assertThat(event.email()).isEqualTo(data.getString("email"));
            assertThat(event.name()).isEqualTo(data.getString("name"));
            assertThat(event.status()).isEqualTo(data.getString("status"));
            assertThat(event.toString()).doesNotContain(data.getString("email"));
        } else if (type.startsWith("transaction.")) {
            TransactionEvent event = (TransactionEvent) notification;
            assertThat(event.transactionId()).isEqualTo(data.getString("id"));
            assertThat(event.customer()).isEqualTo(CustomerId.of(data.getString("customer_id")));
            assertThat(event.subscription()).isEqualTo(data.isNull("subscription_id") ? null : SubscriptionId.of(data.getString("subscription_id")));
            assertThat(event.status()).isEqualTo(data.getString("status"));
            assertThat(event.billedAt()).isEqualTo(Instant.parse(data.getString("billed_at")));
        } else {
            assertThat(notification).isInstanceOf(UnknownPaddleEvent.class);
            assertThat(Json.createReader(new StringReader(((UnknownPaddleEvent) notification).data())).readObject()).isEqualTo(data);
        }
    }

    @Test
    void theOpenApiCanceledSubscriptionIsFullyMapped() throws Exception {
        byte[] body = Files.readAllBytes(fixtures().resolve("paddle-openapi__webhook-example__subscription.canceled.json"));

        SubscriptionEvent event = (SubscriptionEvent) parser.parse(body, body.length).notification();

        assertThat(event.kind()).isEqualTo(SubscriptionEvent.Kind.CANCELED);
        assertThat(event.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(event.subscription().currencyCode()).isEqualTo("USD");
        assertThat(event.subscription().nextBilledAt()).isNull();
        assertThat(event.subscription().productNames()).containsExactly("AeroEdit Pro", "Analytics addon", "VIP support");
        assertThat(event.subscription().items().get(0).quantity()).isEqualTo(20);
        assertThat(event.subscription().items().get(0).unitPrice().minorUnits()).isEqualTo(3000);
        assertThat(event.subscription().items().get(0).priceName()).isEqualTo("Monthly (per seat)");
    }

    @Test
    void aProductOfNullIsNamedByThePricesProductId() throws Exception {
        byte[] body = Files.readAllBytes(fixtures().resolve("node-sdk__notification-mock__subscription.trialing__extracted.json"));

        SubscriptionEvent event = (SubscriptionEvent) parser.parse(body, body.length).notification();

        assertThat(event.subscription().productNames()).containsExactly("pro_01h84cd36f900f3wmpdfamgv8w");
        assertThat(event.subscription().items().get(0).priceName()).isEqualTo("Annual plan");
    }

    @Test
    void aScheduledCancellationIsRead() throws Exception {
        byte[] body = Signing.notification("evt_01hv8x2acma2gz7he8kg2s0hna", "subscription.updated", "2024-04-12T10:18:49.621022Z",
                "{\"id\":\"sub_01hv8x29kz0t586xy6zn1a62ny\",\"status\":\"active\",\"customer_id\":\"ctm_01hv6y1jedq4p1n0yqn5ba3ky4\","
                        + "\"currency_code\":\"EUR\",\"scheduled_change\":{\"action\":\"cancel\",\"effective_at\":\"2024-05-12T10:18:47.6Z\"}}");

        SubscriptionEvent event = (SubscriptionEvent) parser.parse(body, body.length).notification();

        assertThat(event.subscription().cancellationScheduled()).isTrue();
        assertThat(event.subscription().scheduledChange()).isEqualTo(new ScheduledChange(ScheduledChange.Action.CANCEL, Instant.parse("2024-05-12T10:18:47.600Z")));
        assertThat(event.subscription().items()).isEmpty();
    }

    @Test
    void anUnknownEventTypeWithExtraFieldsIsAGenericEvent() throws Exception {
        byte[] body = ("{\"event_id\":\"evt_01hv8x2acma2gz7he8kg2s0hna\",\"event_type\":\"payout.teleported\",\"occurred_at\":\"2024-04-12T10:18:49Z\","
                + "\"notification_id\":\"ntf_01hv8x2af22vrrz7k67g06x1kq\",\"brand_new\":[1,2],\"data\":{\"id\":\"pyt_01\",\"speed\":\"warp\"}}")
                .getBytes(StandardCharsets.UTF_8);

        NotificationParser.Parsed parsed = parser.parse(body, body.length);

        assertThat(parsed.notification()).isEqualTo(new UnknownPaddleEvent("evt_01hv8x2acma2gz7he8kg2s0hna", "payout.teleported",
                Instant.parse("2024-04-12T10:18:49Z"), "ntf_01hv8x2af22vrrz7k67g06x1kq", false, "{\"id\":\"pyt_01\",\"speed\":\"warp\"}"));
        assertThat(parsed.entityId()).isEqualTo("pyt_01");
        assertThat(parsed.notification().toString()).doesNotContain("warp");
    }

    @Test
    void aNotificationIdAndDataMayBeMissing() throws Exception {
        byte[] body = "{\"event_id\":\"evt_1\",\"event_type\":\"subscription.created\",\"occurred_at\":\"2024-04-12T10:18:49.1Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        NotificationParser.Parsed parsed = parser.parse(body, body.length);

        assertThat(parsed.notification()).isInstanceOf(UnknownPaddleEvent.class);
        assertThat(parsed.notification().notificationId()).isNull();
        assertThat(((UnknownPaddleEvent) parsed.notification()).data()).isEqualTo("null");
        assertThat(parsed.entityId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-04-12T10:18:49Z", "2024-04-12T10:18:49.1Z", "2024-04-12T10:18:49.12Z", "2024-04-12T10:18:49.1234Z",
        "2024-04-12T10:18:49.123456Z", "2024-04-12T10:18:49.123456789Z", "2024-04-12T12:18:49.5+02:00"})
    void occurredAtHasZeroToNineFractionDigits(String occurredAt) throws Exception {
        byte[] body = Signing.notification("evt_1", "price.updated", occurredAt, "{}");

        Instant parsed = parser.parse(body, body.length).notification().occurredAt();

        assertThat(parsed.getEpochSecond()).isEqualTo(Instant.parse("2024-04-12T10:18:49Z").getEpochSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"event_type\":\"x.y\",\"occurred_at\":\"2024-04-12T10:18:49Z\"}",
        "{\"event_id\":\"evt_1\",\"occurred_at\":\"2024-04-12T10:18:49Z\"}", "{\"event_id\":\"evt_1\",\"event_type\":\"x.y\"}",
        "{\"event_id\":\"evt_1\",\"event_type\":\"x.y\",\"occurred_at\":\"yesterday\"}", "{\"event_id\":1,\"event_type\":\"x.y\",\"occurred_at\":\"2024-04-12T10:18:49Z\"}",
        "{\"event_id\":\"  \",\"event_type\":\"x.y\",\"occurred_at\":\"2024-04-12T10:18:49Z\"}", "[1]", "not json", "{\"event_id\":", ""})
    void aBodyWithoutTheEnvelopeIsMalformed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(body, body.length)).isInstanceOf(NotificationParser.MalformedNotification.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"sub_01hv8x29kz0t586xy6zn1a62ny\",\"status\":\"active\",\"currency_code\":\"USD\"}",
        "{\"id\":\"not-a-subscription\",\"status\":\"active\",\"customer_id\":\"ctm_01hv6y1jedq4p1n0yqn5ba3ky4\",\"currency_code\":\"USD\"}",
        "{\"id\":\"sub_01hv8x29kz0t586xy6zn1a62ny\",\"status\":\"active\",\"customer_id\":\"ctm_01hv6y1jedq4p1n0yqn5ba3ky4\",\"currency_code\":\"dollars\"}",
        "{\"id\":\"sub_01hv8x29kz0t586xy6zn1a62ny\",\"status\":\"active\",\"customer_id\":\"ctm_01hv6y1jedq4p1n0yqn5ba3ky4\",\"currency_code\":\"USD\","
                + "\"items\":[{\"quantity\":1.5}]}"})
    void aSubscriptionWithoutWhatASummaryNeedsIsMalformed(String data) {
        byte[] body = Signing.notification("evt_1", "subscription.updated", "2024-04-12T10:18:49Z", data);

        assertThatThrownBy(() -> parser.parse(body, body.length)).isInstanceOf(NotificationParser.MalformedNotification.class)
                .hasMessageStartingWith("subscription.updated");
    }

    @Test
    void aNewSubscriptionEventTypeIsASubscriptionEventOfKindUnknown() throws Exception {
        byte[] body = Signing.subscriptionNotification("evt_1", "subscription.imported", "2024-04-12T10:18:49Z", "sub_01hv8x29kz0t586xy6zn1a62ny",
                "future_status");

        SubscriptionEvent event = (SubscriptionEvent) parser.parse(body, body.length).notification();

        assertThat(event.kind()).isEqualTo(SubscriptionEvent.Kind.UNKNOWN);
        assertThat(event.subscription().status()).isEqualTo(SubscriptionStatus.UNKNOWN);
    }
}
