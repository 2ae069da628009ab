package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A signed-in customer's script replays a valid click 200 times (keeping the view state, as a browser would): with the
 * default per-customer limit (20 a minute, no configuration) at most 20 reach Paddle, every other click gets the
 * "try again in N seconds" message, and another customer clicking at the same time is served.
 * {@link ReplayedClicksWithoutLimitIT} turns the limit off.
 */
class ReplayedClicksIT extends FacesIT {

    static final int REPLAYS = 200;
    private static final int DEFAULT_LIMIT = 20;
    private static final String FAST_CUSTOMER = "ctm_01hv8x29kz0t586xy6zn1a62f1";
    private static final String FAST_CUSTOMER_2 = "ctm_01hv8x29kz0t586xy6zn1a62f2";
    private static final String OTHER_CUSTOMER = "ctm_01h8441jn5pcwrfhwh78jqt8hk";
    private static final Pattern WAIT = Pattern.compile("many times in the last minute\\. Please try again in (\\d+) seconds");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("replayed-clicks", Map.of("paddle.portal.links-per-customer-per-minute", ""), "billing.xhtml");
    }

    /**
     * Posts the overview click {@code times} times from one session signed in as the customer.
     *
     * @param test the test, for its base URL
     * @param customer the customer (each test its own: the limit outlives a test)
     * @param times how often
     * @return the answers
     */
    static List<HttpResponse<String>> replayOverviewClick(FacesIT test, String customer, int times) {
        FormPost page = new FormPost(URI.create(test.base() + "billing.xhtml")).signedInAs(customer).load();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(page.postAgain("form:billing", "overview"));
        }
        return answers;
    }

    @Test
    void atMostTheLimitReachesPaddleAndTheRestAreToldHowLongToWait() {
        paddle().customer(FAST_CUSTOMER);

        List<HttpResponse<String>> answers = replayOverviewClick(this, FAST_CUSTOMER, REPLAYS);

        assertThat(answers).filteredOn(answer -> answer.statusCode() == 303).hasSize(DEFAULT_LIMIT);
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() != 303).toList();
        assertThat(refused).hasSize(REPLAYS - DEFAULT_LIMIT).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            Matcher wait = WAIT.matcher(answer.body());
            assertThat(wait.find()).as("the wait in %s", answer.body()).isTrue();
            assertThat(Integer.parseInt(wait.group(1))).isBetween(1, 60);
        });
        assertPortalSessions(DEFAULT_LIMIT, FAST_CUSTOMER);
    }

    @Test
    void anotherCustomersClickIsServedWhileOneIsRefused() {
        paddle().customer(FAST_CUSTOMER_2).customer(OTHER_CUSTOMER);
        FormPost otherCustomersPage = new FormPost(URI.create(base() + "billing.xhtml")).signedInAs(OTHER_CUSTOMER).load();
        List<HttpResponse<String>> replayed = replayOverviewClick(this, FAST_CUSTOMER_2, DEFAULT_LIMIT + 5);

        HttpResponse<String> other = otherCustomersPage.post(Map.of(), "form:billing", "overview");

        assertThat(replayed.get(replayed.size() - 1).body()).containsPattern(WAIT);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(303);
        assertPortalSessions(1, OTHER_CUSTOMER);
    }
}
