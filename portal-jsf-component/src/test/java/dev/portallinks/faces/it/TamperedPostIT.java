package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posts crafted with an HTTP client: the browser only says which button was clicked, the server decides whose
 * portal opens. A valid click answers 303 with {@code Cache-Control: no-store}; a tampered row, a subscription that
 * is not (or no longer) in the server's set, an action that is not shown, or a post without view state never
 * reaches Paddle.
 */
class TamperedPostIT extends FacesIT {

    private static final String BUTTONS = "form:billing";
    private static final Pattern PARTIAL_REDIRECT = Pattern.compile("<redirect url=\"([^\"]*)\"");
    private static final List<String> THREE = List.of(subscription(0), subscription(1), subscription(2));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("tampered-post", "billing.xhtml");
    }

    @BeforeEach
    void threeSubscriptions() {
        subscriptions(THREE);
    }

    private FormPost page() {
        return new FormPost(URI.create(base() + "billing.xhtml")).load();
    }


    @Test
    void validPostAnswers303WithNoStore() {
        HttpResponse<String> response = page().post(Map.of(), BUTTONS, "1|" + subscription(1) + "|cancel_subscription");

        assertThat(response.statusCode()).isEqualTo(303);
        assertOpensPortal(response.headers().firstValue("Location").orElseThrow(), "cancel_subscription", subscription(1));
        assertThat(response.headers().allValues("Cache-Control")).isNotEmpty().allMatch(value -> value.contains("no-store"));
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void ajaxClickAnswersAPartialRedirectWithNoStore() {
        HttpResponse<String> response = page().post(Map.of("Faces-Request", "partial/ajax"), BUTTONS, "overview",
                "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", BUTTONS + ":overview",
                "jakarta.faces.partial.execute", BUTTONS, "jakarta.faces.behavior.event", "action");

        assertThat(response.statusCode()).isEqualTo(200);
        Matcher redirect = PARTIAL_REDIRECT.matcher(response.body());
        assertThat(redirect.find()).as("partial redirect in %s", response.body()).isTrue();
        String link = redirect.group(1).replace("&amp;", "&");
        assertThat(redirect.group(1)).as("every & escaped in the XML attribute").isEqualTo(link.replace("&", "&amp;"));
        assertOpensPortal(link, "overview", null);
        assertThat(response.headers().allValues("Cache-Control")).anyMatch(value -> value.contains("no-store"));
        assertThat(response.headers().allValues("Cache-Control")).noneMatch(value -> value.contains("public"));
    }

    @Test
    void anotherRowIndexIsRefused() {
        assertRefused(page().post(Map.of(), BUTTONS, "2|" + subscription(0) + "|cancel_subscription"));
    }

    @Test
    void aRowIndexBeyondTheSetIsRefused() {
        assertRefused(page().post(Map.of(), BUTTONS, "7|" + subscription(7) + "|cancel_subscription"));
    }

    @Test
    void aSubscriptionOutsideTheServersSetIsRefused() {
        assertRefused(page().post(Map.of(), BUTTONS, "0|sub_01jcdafvpe5hm4vczfefsbwhvp|update_subscription_payment_method"));
    }

    @Test
    void aSubscriptionRemovedAfterRenderingIsRefused() {
        FormPost page = page();
        removeSubscription(subscription(0));

        assertRefused(page.post(Map.of(), BUTTONS, "0|" + subscription(0) + "|cancel_subscription"));
    }

    @Test
    void anUnknownActionIsRefused() {
        assertRefused(page().post(Map.of(), BUTTONS, "0|" + subscription(0) + "|delete_everything"));
    }

    @Test
    void aRowIndexThatIsNotANumberIsRefused() {
        assertRefused(page().post(Map.of(), BUTTONS, "x|" + subscription(0) + "|cancel_subscription"));
    }

    @Test
    void theOverviewActionOnARowIsRefused() {
        assertRefused(page().post(Map.of(), BUTTONS, "0|" + subscription(0) + "|overview"));
    }

    @Test
    void refusalsAreLoggedWithoutSecrets() {
        TestServer.LogMark mark = TestServer.logMark();

        page().post(Map.of(), BUTTONS, "2|" + subscription(0) + "|cancel_subscription");

        assertThat(mark.textSince()).contains("Refused a portal click on form:billing", "row 2 holds " + subscription(2))
                .doesNotContain(FacesDeployments.API_KEY);
    }

    @Test
    void aPostedValueCannotForgeALogLineOrFloodTheLog() {
        TestServer.LogMark mark = TestServer.logMark();
        String forged = "x\r\n[12/1/26, 10:00:00:000 UTC] 00000001 AUDIT forged-line-" + "A".repeat(20_000);

        assertRefused(page().post(Map.of(), BUTTONS, "0|" + forged + "|cancel_subscription"));

        String logged = mark.textSince();
        assertThat(logged).contains("Refused a portal click on form:billing", "\\u000d\\u000a[12/1/26", "(cut from " + forged.length() + " characters)");
        assertThat(logged.lines()).noneMatch(line -> line.startsWith("[12/1/26, 10:00:00:000 UTC]"))
                .allMatch(line -> line.length() < 2_000);
    }

    @Test
    void aViewStateFromAnotherSessionNeverReachesPaddle() {
        String victimsViewState = page().viewState();

        HttpResponse<String> response = page().with("jakarta.faces.ViewState", victimsViewState).post(Map.of(), BUTTONS,
                "0|" + subscription(0) + "|cancel_subscription");

        assertNeverReachedPaddle(response);
    }

    @Test
    void aForgedViewStateNeverReachesPaddle() {
        HttpResponse<String> response = page().with("jakarta.faces.ViewState", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA").post(Map.of(), BUTTONS,
                "0|" + subscription(0) + "|cancel_subscription");

        assertNeverReachedPaddle(response);
    }

    @Test
    void aGetCarryingTheViewStateAndAButtonValueNeverReachesPaddle() {
        HttpResponse<String> response = page().get(BUTTONS, "0|" + subscription(0) + "|cancel_subscription");

        assertNeverReachedPaddle(response);
    }


    @Test
    void aPostWithoutViewStateNeverReachesPaddle() {
        HttpResponse<String> response = page().without("jakarta.faces.ViewState").post(Map.of(), BUTTONS,
                "0|" + subscription(0) + "|cancel_subscription");

        assertNeverReachedPaddle(response);
    }
}
