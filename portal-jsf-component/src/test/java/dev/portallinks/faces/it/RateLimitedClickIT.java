package dev.portallinks.faces.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.portallinks.it.PaddleStub.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.PaddleStub;
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
        PADDLE.stubFor(post("/customers/" + CUSTOMER + "/portal-sessions").willReturn(PaddleStub.json(429,
                PaddleStub.fixture("go-sdk__testdata__too_many_requests_error.json")).withHeader("Retry-After", "120")));
        FormPost page = new FormPost(URI.create(base() + "billing.xhtml")).load();

        HttpResponse<String> first = page.post(Map.of(), "form:billing", "0|" + subscription(0) + "|cancel_subscription");
        HttpResponse<String> second = page.post(Map.of(), "form:billing", "overview");

        assertThat(first.statusCode()).isEqualTo(200);
        Matcher wait = WAIT.matcher(first.body());
        assertThat(wait.find()).as("rate-limit message in %s", first.body()).isTrue();
        assertThat(Integer.parseInt(wait.group(1))).isBetween(110, 120);
        assertThat(second.body()).containsPattern(WAIT);
        assertThat(PADDLE.getAllServeEvents()).hasSize(1);
    }
}
