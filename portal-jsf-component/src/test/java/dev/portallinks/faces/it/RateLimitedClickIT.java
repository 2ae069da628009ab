package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleExample;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A click while Paddle rate-limits: the page stays, its message tells the customer how long to wait, and the next
 * click inside the window does not reach Paddle. (Its own deployment: the window outlives the test.)
 */
class RateLimitedClickIT extends FacesIT {

    private static final Pattern WAIT = Pattern.compile("try again in (\\d+) seconds");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("rate-limited-click", "billing.xhtml");
    }

    @Test
    void messageNamesTheWaitAndTheWindowHoldsBackTheNextClick() {
        subscriptions(List.of(subscription(0)));
        // Paddle's own published 429, byte for byte, with its Retry-After.
        paddle().always(Fault.publishedExample(PaddleExample.TOO_MANY_REQUESTS));
        int retryAfter = Integer.parseInt(PaddleExample.TOO_MANY_REQUESTS.headers().get("Retry-After"));
        FormPost page = new FormPost(URI.create(base() + "billing.xhtml")).load();

        HttpResponse<String> first = page.post(Map.of(), "form:billing", "0|" + subscription(0) + "|cancel_subscription");
        HttpResponse<String> second = page.post(Map.of(), "form:billing", "overview");

        assertThat(first.statusCode()).isEqualTo(200);
        Matcher wait = WAIT.matcher(first.body());
        assertThat(wait.find()).as("rate-limit message in %s", first.body()).isTrue();
        assertThat(Integer.parseInt(wait.group(1))).isBetween(retryAfter - 10, retryAfter);
        assertThat(second.body()).containsPattern(WAIT);
        assertThat(paddle().apiCalls()).hasSize(1);
    }
}
