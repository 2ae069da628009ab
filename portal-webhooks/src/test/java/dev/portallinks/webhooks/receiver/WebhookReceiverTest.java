package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStore;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.webhooks.PaddleNotification;
import dev.portallinks.webhooks.SubscriptionEvent;
import dev.portallinks.webhooks.UnknownPaddleEvent;
import dev.portallinks.webhooks.testing.Signing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver end to end without a server: its answers, and what reaches the observers (a recording publisher, run by an
 * executor the test drives, so that "answered before the observers ran" is visible).
 */
class WebhookReceiverTest {

    private static final long NOW = 1_765_000_000L;
    private static final String SUBSCRIPTION = "sub_01hv8x29kz0t586xy6zn1a62ny";
    private static final int LIMIT = WebhookSettings.DEFAULT_MAX_BODY_BYTES;

    private final Queue<Runnable> scheduled = new ArrayDeque<>();
    private final List<PaddleNotification> published = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private Executor executor = scheduled::add;
    private Function<PaddleNotification, CompletionStage<?>> observers = event -> CompletableFuture.completedFuture(null);
    private WebhookReceiver receiver;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger library = Logger.getLogger("dev.portallinks.webhooks");
        library.setLevel(Level.ALL);
        library.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger library = Logger.getLogger("dev.portallinks.webhooks");
        library.removeHandler(capture);
        library.setLevel(null);
    }

    /** A subscription store that keeps what it was given, newest {@code occurred_at} first, as the SPI's contract says. */
    private static final class RecordingStore implements SubscriptionStore {
        final Map<SubscriptionId, Instant> versions = new HashMap<>();
        final List<String> applied = new ArrayList<>();

        @Override
        public Optional<CustomerSubscriptions> find(CustomerId customer) {
            return Optional.empty();
        }

        @Override
        public void putListing(CustomerId customer, List<SubscriptionSummary> subscriptions, Instant listedAt) {
            throw new AssertionError("the receiver never lists");
        }

        @Override
        public boolean apply(SubscriptionSummary subscription, Instant occurredAt) {
            Instant known = versions.get(subscription.id());
            if (known != null && occurredAt.isBefore(known)) {
                return false;
            }
            versions.put(subscription.id(), occurredAt);
            applied.add(subscription.id().value() + " " + subscription.status() + " " + occurredAt);
            return true;
        }
    }

    private Optional<SubscriptionStore> store = Optional.empty();

    private WebhookReceiver receiver() {
        if (receiver == null) {
            Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
            Publisher publisher = event -> {
                published.add(event);
                return observers.apply(event);
            };
            receiver = new WebhookReceiver(LIMIT, new SignatureVerifier(List.of(Signing.SECRET.getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), clock), new NotificationParser(), new NotificationDispatcher(new EventIdMemory(100),
                            new EntityVersions.InMemory(100), store, command -> executor.execute(command), publisher),
                    new RateLimitedLog(Logger.getLogger(WebhookReceiver.class.getName()), clock));
        }
        return receiver;
    }

    private int post(byte[] body) throws IOException {
        return receiver().receive("POST", "application/json", body.length, Signing.header(Signing.SECRET, NOW, body), new ByteArrayInputStream(body));
    }

    private void runObservers() {
        for (Runnable task = scheduled.poll(); task != null; task = scheduled.poll()) {
            task.run();
        }
    }

    private static byte[] subscription(String eventId, String occurredAt) {
        return Signing.subscriptionNotification(eventId, "subscription.updated", occurredAt, SUBSCRIPTION, "active");
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(r -> new SimpleFormatter().formatMessage(r)).toList();
    }

    @Test
    void aVerifiedNotificationIsAnswered200BeforeItsObserversRunThenFiredOnce() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");

        assertThat(post(body)).isEqualTo(200);
        assertThat(published).isEmpty();
        runObservers();

        assertThat(published).singleElement().isInstanceOfSatisfying(SubscriptionEvent.class, event -> {
            assertThat(event.eventId()).isEqualTo("evt_01hv8x2acma2gz7he8kg2s0hna");
            assertThat(event.subscription().id().value()).isEqualTo(SUBSCRIPTION);
            assertThat(event.stale()).isFalse();
        });
    }

    @Test
    void aSubscriptionEventGoesIntoTheStoreBeforePaddleIsAnsweredAndTheStoreSaysWhatIsStale() throws IOException {
        RecordingStore recording = new RecordingStore();
        store = Optional.of(recording);

        assertThat(post(subscription("evt_newer", "2025-12-06T05:46:39.5Z"))).isEqualTo(200);
        // Applied already, before any observer ran: the next billing page shows it.
        assertThat(recording.applied).containsExactly(SUBSCRIPTION + " ACTIVE 2025-12-06T05:46:39.500Z");
        post(subscription("evt_older", "2025-12-06T05:46:38.9Z"));
        runObservers();

        assertThat(recording.applied).hasSize(1);
        assertThat(published).extracting(PaddleNotification::eventId, PaddleNotification::stale).containsExactly(tuple("evt_newer", false),
                tuple("evt_older", true));
    }

    @Test
    void aDuplicateIsAnswered200AndNotFiredAgain() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");

        assertThat(post(body)).isEqualTo(200);
        runObservers();
        assertThat(post(body)).isEqualTo(200);
        runObservers();

        assertThat(published).hasSize(1);
    }

    @Test
    void anOlderEventAboutTheSameSubscriptionIsFiredMarkedStaleAndDoesNotBecomeTheLatest() throws IOException {
        post(subscription("evt_newer", "2025-12-06T05:46:39.5Z"));
        post(subscription("evt_older", "2025-12-06T05:46:38.9Z"));
        post(subscription("evt_between", "2025-12-06T05:46:39.1Z"));
        post(subscription("evt_same_time", "2025-12-06T05:46:39.5Z"));
        post(Signing.subscriptionNotification("evt_other_subscription", "subscription.updated", "2025-12-06T05:46:30Z", "sub_01hv8x29kz0t586xy6zn1a6200",
                "active"));
        runObservers();

        assertThat(published).extracting(PaddleNotification::eventId, PaddleNotification::stale).containsExactly(
                tuple("evt_newer", false), tuple("evt_older", true),
                tuple("evt_between", true), tuple("evt_same_time", false),
                tuple("evt_other_subscription", false));
        assertThat(published.get(1)).isInstanceOf(SubscriptionEvent.class);
    }

    @Test
    void aSynchronousObserverThatThrowsIsLoggedAndTheNextDeliveryIsFiredAgain() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");
        observers = event -> {
            throw new IllegalStateException("database down");
        };

        assertThat(post(body)).isEqualTo(200);
        runObservers();
        observers = event -> CompletableFuture.completedFuture(null);
        assertThat(post(body)).isEqualTo(200);
        runObservers();

        assertThat(published).hasSize(2);
        assertThat(warnings()).singleElement().asString().contains("evt_01hv8x2acma2gz7he8kg2s0hna", "subscription.updated",
                "java.lang.IllegalStateException: database down").doesNotContain("AeroEdit", Signing.SECRET);
    }

    @Test
    void anAsynchronousObserverThatFailsIsLoggedAndTheNextDeliveryIsFiredAgain() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");
        CompletionException asyncFailure = new CompletionException((Throwable) null);
        asyncFailure.addSuppressed(new IllegalArgumentException("no such account"));
        observers = event -> CompletableFuture.failedFuture(asyncFailure);

        post(body);
        runObservers();
        observers = event -> CompletableFuture.completedFuture(null);
        post(body);
        runObservers();
        post(body);
        runObservers();

        assertThat(published).hasSize(2);
        assertThat(warnings()).singleElement().asString().contains("evt_01hv8x2acma2gz7he8kg2s0hna", "java.lang.IllegalArgumentException: no such account");
    }

    @Test
    void whenTheExecutorRefusesTheAnswerIs503AndTheNextDeliveryIsAccepted() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");
        executor = command -> {
            throw new RejectedExecutionException("shutting down");
        };

        assertThat(post(body)).isEqualTo(503);
        executor = scheduled::add;
        assertThat(post(body)).isEqualTo(200);
        runObservers();

        assertThat(published).hasSize(1);
    }

    @Test
    void anUnknownEventTypeIsFiredAsAGenericEvent() throws IOException {
        assertThat(post(Signing.notification("evt_1", "discount.created", "2025-12-06T05:46:39Z", "{\"id\":\"dsc_1\",\"new\":{\"a\":[]}}"))).isEqualTo(200);
        runObservers();

        assertThat(published).singleElement().isInstanceOf(UnknownPaddleEvent.class);
    }

    @Test
    void aBadSignatureIs401AndNothingIsFired() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");

        int status = receiver().receive("POST", "application/json", body.length, Signing.header(Signing.OTHER_SECRET, NOW, body), new ByteArrayInputStream(body));
        runObservers();

        assertThat(status).isEqualTo(401);
        assertThat(published).isEmpty();
    }

    @Test
    void aStaleOrFutureTimestampOrAMissingHeaderIs401() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");

        assertThat(receiver().receive("POST", "application/json", body.length, Signing.header(Signing.SECRET, NOW - 6, body), new ByteArrayInputStream(body)))
                .isEqualTo(401);
        assertThat(receiver().receive("POST", "application/json", body.length, Signing.header(Signing.SECRET, NOW + 6, body), new ByteArrayInputStream(body)))
                .isEqualTo(401);
        assertThat(receiver().receive("POST", "application/json", body.length, null, new ByteArrayInputStream(body))).isEqualTo(401);
        runObservers();

        assertThat(published).isEmpty();
    }

    @Test
    void refusalsAreLoggedOncePerKindPerMinuteWithoutBodyOrSecret() throws IOException {
        byte[] body = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");
        String forged = Signing.header(Signing.OTHER_SECRET, NOW, body);

        for (int i = 0; i < 3; i++) {
            receiver().receive("POST", "application/json", body.length, forged, new ByteArrayInputStream(body));
        }
        receiver().receive("POST", "application/json", body.length, null, new ByteArrayInputStream(body));

        assertThat(warnings()).hasSize(2).allSatisfy(line -> assertThat(line).contains("(401)").doesNotContain("AeroEdit", "evt_01hv8x2acma2gz7he8kg2s0hna",
                Signing.SECRET, Signing.OTHER_SECRET, forged.substring(forged.indexOf("h1=") + 3)));
    }

    @Test
    void aSignedBodyThatIsNotANotificationIs400() throws IOException {
        assertThat(post("{\"event_type\":\"subscription.updated\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(post("not json at all".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        runObservers();

        assertThat(published).isEmpty();
        assertThat(warnings()).singleElement().asString().contains("(400)", "event_id is missing").doesNotContain("not json at all");
    }

    @Test
    void anythingButPostIs405() throws IOException {
        byte[] body = subscription("evt_1", "2025-12-06T05:46:39.5Z");
        for (String method : List.of("GET", "PUT", "DELETE", "HEAD", "OPTIONS")) {
            assertThat(receiver().receive(method, "application/json", body.length, Signing.header(Signing.SECRET, NOW, body), new ByteArrayInputStream(body)))
                    .as(method).isEqualTo(405);
        }
        assertThat(published).isEmpty();
    }

    @Test
    void aContentTypeOtherThanJsonIs415() throws IOException {
        byte[] body = subscription("evt_1", "2025-12-06T05:46:39.5Z");
        String header = Signing.header(Signing.SECRET, NOW, body);

        assertThat(receiver().receive("POST", "text/plain", body.length, header, new ByteArrayInputStream(body))).isEqualTo(415);
        assertThat(receiver().receive("POST", null, body.length, header, new ByteArrayInputStream(body))).isEqualTo(415);
        assertThat(receiver().receive("POST", "application/jsonx", body.length, header, new ByteArrayInputStream(body))).isEqualTo(415);
        assertThat(receiver().receive("POST", "Application/JSON; charset=utf-8", body.length, header, new ByteArrayInputStream(body))).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndIsReadNoFurtherThanTheLimitPlusOne() throws IOException {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        CountingStream chunked = new CountingStream(body);

        assertThat(receiver().receive("POST", "application/json", -1, Signing.header(Signing.SECRET, NOW, body), chunked)).isEqualTo(413);
        assertThat(chunked.read).isEqualTo(LIMIT + 1);

        CountingStream declared = new CountingStream(body);
        assertThat(receiver().receive("POST", "application/json", body.length, Signing.header(Signing.SECRET, NOW, body), declared)).isEqualTo(413);
        assertThat(declared.read).isZero();
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        byte[] start = subscription("evt_01hv8x2acma2gz7he8kg2s0hna", "2025-12-06T05:46:39.5Z");
        byte[] body = new byte[LIMIT];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(start, 0, body, 0, start.length);

        assertThat(receiver().receive("POST", "application/json", -1, Signing.header(Signing.SECRET, NOW, body), new ByteArrayInputStream(body)))
                .isEqualTo(200);
    }

    @Test
    void isJsonAcceptsParameters() {
        assertThat(WebhookReceiver.isJson("application/json")).isTrue();
        assertThat(WebhookReceiver.isJson(" application/json ;charset=UTF-8")).isTrue();
        assertThat(WebhookReceiver.isJson("application/problem+json")).isFalse();
        assertThat(WebhookReceiver.isJson("")).isFalse();
    }

    /** A body that counts what was read of it. */
    private static final class CountingStream extends InputStream {

        private final ByteArrayInputStream in;
        int read;

        CountingStream(byte[] body) {
            in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
