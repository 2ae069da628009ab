package dev.portallinks.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.it.TestServer;
import dev.portallinks.webhooks.it.app.RecordingObserver;
import dev.portallinks.webhooks.testing.Signing;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The receiver on a real server, at its default path, with the test secret: what Paddle gets as an answer and what the
 * application's observers get.
 */
class WebhookReceiverIT extends WebhookIT {

    private static final String PATH = "paddle/webhooks";
    private static final Duration FIRED = Duration.ofSeconds(20);
    /** How long nothing more must arrive for a test to conclude nothing more is fired. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WebhookDeployments.war("webhooks", Map.of("paddle.webhooks.secrets", Signing.SECRET));
    }

    private static byte[] subscription(String eventId, String eventType, Instant occurredAt, String subscription, String status) {
        return Signing.subscriptionNotification(eventId, eventType, occurredAt.toString(), subscription, status);
    }

    @Test
    void aSignedNotificationIsAnswered200AndFiredAsATypedEventToQualifiedAndAsyncObservers() {
        String event = newId("evt");
        String subscription = newId("sub");

        HttpResponse<String> answer = deliver(PATH, subscription(event, "subscription.canceled", Instant.now(), subscription, "canceled"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        await().atMost(FIRED).untilAsserted(() -> assertThat(observed(event)).hasSize(3));
        assertThat(observed(event)).contains("any " + event + " subscription.canceled stale=false SubscriptionEvent",
                "canceled " + event + " " + subscription + " CANCELED").anyMatch(line -> line.startsWith("async-subscription " + event + " CANCELED stale=false"));
    }

    @Test
    void anObserverQualifiedWithAnotherTypeIsNotNotified() {
        String event = newId("evt");

        assertThat(deliver(PATH, subscription(event, "subscription.updated", Instant.now(), newId("sub"), "active")).statusCode()).isEqualTo(200);

        await().atMost(FIRED).untilAsserted(() -> assertThat(observed(event)).hasSize(2));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> assertThat(observed(event)).noneMatch(line -> line.startsWith("canceled")));
    }

    @Test
    void aDuplicateIsAnswered200AndFiredOnce() {
        String event = newId("evt");
        byte[] body = subscription(event, "subscription.updated", Instant.now(), newId("sub"), "active");

        assertThat(deliver(PATH, body).statusCode()).isEqualTo(200);
        assertThat(deliver(PATH, body).statusCode()).isEqualTo(200);

        await().atMost(FIRED).untilAsserted(() -> assertThat(observed(event)).hasSize(2));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> assertThat(observed(event)).hasSize(2));
    }

    @Test
    void anOlderEventArrivingSecondIsFiredMarkedStale() {
        String subscription = newId("sub");
        String newer = newId("evt");
        String older = newId("evt");
        Instant now = Instant.now();

        assertThat(deliver(PATH, subscription(newer, "subscription.canceled", now, subscription, "canceled")).statusCode()).isEqualTo(200);
        assertThat(deliver(PATH, subscription(older, "subscription.updated", now.minusSeconds(30), subscription, "active")).statusCode()).isEqualTo(200);

        await().atMost(FIRED).untilAsserted(() -> {
            assertThat(observed(newer)).contains("any " + newer + " subscription.canceled stale=false SubscriptionEvent");
            assertThat(observed(older)).contains("any " + older + " subscription.updated stale=true SubscriptionEvent");
        });
    }

    @Test
    void aBadSignatureIs401AndNothingIsFired() {
        String event = newId("evt");
        byte[] body = subscription(event, "subscription.updated", Instant.now(), newId("sub"), "active");
        TestServer.LogMark mark = TestServer.logMark();

        HttpResponse<String> forged = post(PATH, "application/json", Signing.header(Signing.OTHER_SECRET, Instant.now().getEpochSecond(), body),
                HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> stale = post(PATH, "application/json", Signing.header(Signing.SECRET, Instant.now().getEpochSecond() - 60, body),
                HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> unsigned = post(PATH, "application/json", null, HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(List.of(forged, stale, unsigned)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEmpty();
        });
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> assertThat(observed(event)).isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mark.linesSince("Portal Links webhooks: refused a notification (401)"))
                .isPositive());
        assertThat(mark.textSince()).doesNotContain(Signing.SECRET, Signing.OTHER_SECRET, event);
    }

    @Test
    void aGetIs405() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + PATH)).GET());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aWrongContentTypeIs415() {
        String event = newId("evt");
        byte[] body = subscription(event, "subscription.updated", Instant.now(), newId("sub"), "active");

        HttpResponse<String> answer = post(PATH, "text/plain", Signing.header(Signing.SECRET, Instant.now().getEpochSecond(), body),
                HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(answer.statusCode()).isEqualTo(415);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> assertThat(observed(event)).isEmpty());
    }

    @Test
    void aBodyOfTwoMebibytesIs413() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] start = subscription(newId("evt"), "subscription.updated", Instant.now(), newId("sub"), "active");
        System.arraycopy(start, 0, body, 0, start.length);

        assertThat(deliver(PATH, body).statusCode()).isEqualTo(413);
    }

    @Test
    void aSlowObserverDoesNotDelayTheAnswer() {
        String slow = newId("evt");
        byte[] body = Signing.notification(slow, RecordingObserver.SLOW, Instant.now().toString(), "{\"id\":\"tst_1\"}");

        long start = System.nanoTime();
        HttpResponse<String> answer = deliver(PATH, body);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        String next = newId("evt");
        assertThat(deliver(PATH, subscription(next, "subscription.updated", Instant.now(), newId("sub"), "active")).statusCode()).isEqualTo(200);
        await().atMost(FIRED).untilAsserted(() -> assertThat(observed(next)).hasSize(2));
        await().atMost(FIRED).untilAsserted(() -> assertThat(observed(slow)).contains("slow-done " + slow));
    }

    @Test
    void anObserverThatThrowsIsLoggedAndTheNextDeliveryOfTheEventIsFiredAgain() {
        String event = newId("evt");
        byte[] body = Signing.notification(event, RecordingObserver.FAIL_ONCE, Instant.now().toString(), "{\"id\":\"tst_2\",\"secret_data\":\"x\"}");
        TestServer.LogMark mark = TestServer.logMark();

        assertThat(deliver(PATH, body).statusCode()).isEqualTo(200);
        await().atMost(FIRED).untilAsserted(() -> assertThat(mark.linesSince("an observer of " + RecordingObserver.FAIL_ONCE + " " + event + " failed",
                "java.lang.IllegalStateException: observer failed on purpose")).isEqualTo(1));
        assertThat(observed(event)).noneMatch(line -> line.startsWith("fail_once-succeeded"));

        assertThat(deliver(PATH, body).statusCode()).isEqualTo(200);

        await().atMost(FIRED).untilAsserted(() -> assertThat(observed(event)).contains("fail_once-succeeded " + event));
        assertThat(mark.textSince()).doesNotContain("secret_data", Signing.SECRET);
    }

    @Test
    void aSignedBodyThatIsNotANotificationIs400() {
        HttpResponse<String> answer = deliver(PATH, "{\"data\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEmpty();
    }
}
