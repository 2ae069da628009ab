package dev.portallinks.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.webhooks.testing.Signing;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The receiver configured: another path, two secrets (rotation), a wider tolerance. */
class ConfiguredReceiverIT extends WebhookIT {

    private static final String PATH = "hooks/paddle";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WebhookDeployments.war("webhooks-configured", Map.of("paddle.webhooks.secrets", Signing.SECRET + "," + Signing.OTHER_SECRET,
                "paddle.webhooks.path", "/" + PATH + "/", "paddle.webhooks.tolerance", "120"));
    }

    @Test
    void aNotificationSignedWithTheSecondSecretAMinuteAgoIsAcceptedAtTheConfiguredPath() {
        String event = newId("evt");
        byte[] body = Signing.subscriptionNotification(event, "subscription.updated", Instant.now().toString(), newId("sub"), "active");
        long minuteAgo = Instant.now().getEpochSecond() - 60;

        assertThat(post(PATH, "application/json; charset=utf-8", "ts=" + minuteAgo + ";h1=" + Signing.h1(Signing.SECRET, minuteAgo + 1, body) + ";h1="
                + Signing.h1(Signing.OTHER_SECRET, minuteAgo, body), HttpRequest.BodyPublishers.ofByteArray(body)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(observed(event)).hasSize(2));
    }

    @Test
    void theDefaultPathIsNotTheReceiver() {
        byte[] body = Signing.subscriptionNotification(newId("evt"), "subscription.updated", Instant.now().toString(), newId("sub"), "active");

        assertThat(deliver("paddle/webhooks", body).statusCode()).isIn(404, 405);
    }
}
