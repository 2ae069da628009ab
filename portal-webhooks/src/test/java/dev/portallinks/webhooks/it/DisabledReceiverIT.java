package dev.portallinks.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.webhooks.testing.Signing;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Without a secret the module registers no receiver (and the application deploys). */
class DisabledReceiverIT extends WebhookIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return WebhookDeployments.war("webhooks-disabled", Map.of());
    }

    @Test
    void nothingAnswersAtTheDefaultPathAndNothingIsFired() {
        String event = newId("evt");

        HttpResponse<String> answer = deliver("paddle/webhooks", Signing.subscriptionNotification(event, "subscription.updated", Instant.now().toString(),
                newId("sub"), "active"));

        // The server's own answer: 404, or 405 where its default servlet takes POSTs (WildFly).
        assertThat(answer.statusCode()).isIn(404, 405);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(7)).untilAsserted(() -> assertThat(observed(event)).isEmpty());
    }
}
