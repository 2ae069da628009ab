package dev.portallinks.test;

import static dev.portallinks.test.NotificationsTest.hmac;
import static dev.portallinks.test.NotificationsTest.json;
import static dev.portallinks.test.NotificationsTest.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.test.NotificationReceiver.Received;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The simulated portal's forms over real HTTP, as a browser uses them: open the link, confirm, read the answer page;
// the change is in the next listing and was notified, signed, before the answer page came.
class PortalFormTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String SUB = "sub_01h04vsc0qhwtsbsxh3422wjs4";
    private static final String UNBILLED = "sub_01h7zcgmdc6tmwtjehp3sh7azf";
    private static final Instant NOW = Instant.parse("2029-06-01T12:00:00Z");
    private static final String BILLING_PAGE = "http://localhost:9080/app/billing";
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern BACK_FIELD = Pattern.compile("<input type=\"hidden\" name=\"back\" value=\"([^\"]+)\">");

    static final NotificationReceiver RECEIVER = new NotificationReceiver();

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).notifyTo(RECEIVER.uri()));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        paddle.subscription(CUSTOMER, SUB).nextBilledAt(Instant.parse("2030-01-01T00:00:00Z"));
        paddle.subscription(CUSTOMER, UNBILLED).nextBilledAt(null);
    }

    @Test
    void cancellingSchedulesItAtThePeriodsEndNotifiesItAndLinksBack() {
        HttpResponse<String> page = get(link(SUB, "cancel_subscription"), BILLING_PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"confirm-cancel\"", "Cancel subscription");

        HttpResponse<String> confirmed = submit(page);

        // answered after the receiver answered: no waiting
        assertThat(RECEIVER.received()).hasSize(1);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your subscription will be canceled on <time id=\"cancels-on\" datetime=\"2030-01-01T00:00:00Z\">2030-01-01</time>",
                "<a id=\"back\" href=\"" + BILLING_PAGE + "\">");
        JsonObject listed = json(list().body()).getJsonArray("data").getJsonObject(0);
        assertThat(listed.getJsonObject("scheduled_change").getString("action")).isEqualTo("cancel");
        assertThat(listed.getJsonObject("scheduled_change").getString("effective_at")).isEqualTo("2030-01-01T00:00:00Z");
        Received received = RECEIVER.received().get(0);
        JsonObject notification = json(received.bodyText());
        assertThat(notification.getString("event_type")).isEqualTo("subscription.updated");
        assertThat(notification.getJsonObject("data")).isEqualTo(listed);
        Matcher signature = signature(received);
        assertThat(signature.group(2)).isEqualTo(hmac(paddle.notificationSecret(), signature.group(1), received.body()));
        assertThat(paddle.notificationsSent()).singleElement().satisfies(delivery -> assertThat(delivery.accepted()).isTrue());
    }

    @Test
    void withoutANextBillingDateTheCancellationIsIn30Days() {
        HttpResponse<String> confirmed = submit(get(link(UNBILLED, "cancel_subscription"), BILLING_PAGE));

        assertThat(confirmed.body()).contains("datetime=\"2029-07-01T12:00:00Z\">2029-07-01</time>");
        assertThat(json(RECEIVER.received().get(0).bodyText()).getJsonObject("data").getJsonObject("scheduled_change").getString("effective_at"))
                .isEqualTo("2029-07-01T12:00:00Z");
    }

    @Test
    void updatingThePaymentMethodNotifiesAndChangesNothingElse() {
        String before = json(list().body()).getJsonArray("data").getJsonObject(0).toString();
        HttpResponse<String> page = get(link(SUB, "update_subscription_payment_method"), BILLING_PAGE);
        assertThat(page.body()).contains("id=\"confirm-update\"", "Update payment method").doesNotContain("confirm-cancel");

        HttpResponse<String> confirmed = submit(page);

        assertThat(confirmed.body()).contains("Your payment method has been updated", "id=\"back\"");
        assertThat(RECEIVER.received()).singleElement()
                .satisfies(received -> assertThat(json(received.bodyText()).getString("event_type")).isEqualTo("subscription.updated"));
        assertThat(json(list().body()).getJsonArray("data").getJsonObject(0)).hasToString(before);
    }

    @Test
    void aRefererOffTheLoopbackGivesNoWayBackButTheBrowsers() {
        HttpResponse<String> page = get(link(SUB, "cancel_subscription"), "https://example.com/billing");

        assertThat(page.body()).doesNotContain("name=\"back\"", "id=\"back\"", "example.com");
        assertThat(submit(page).body()).contains("Your subscription will be canceled on").doesNotContain("id=\"back\"");
    }

    @Test
    void aCancellationScheduledAlreadyIsNotConfirmedAgain() {
        HttpResponse<String> page = get(link(SUB, "cancel_subscription"), BILLING_PAGE);
        submit(page);

        HttpResponse<String> again = submit(page);
        HttpResponse<String> reopened = get(link(SUB, "cancel_subscription"), BILLING_PAGE);

        assertThat(again.body()).contains("canceled on <time id=\"cancels-on\" datetime=\"2030-01-01T00:00:00Z\"");
        assertThat(RECEIVER.received()).hasSize(1);
        assertThat(reopened.body()).contains("scheduled to cancel on 2030-01-01").doesNotContain("confirm-cancel");
    }

    @Test
    void aCanceledSubscriptionHasNoFormAndAPostChangesNothing() {
        HttpResponse<String> page = get(link(SUB, "cancel_subscription"), BILLING_PAGE);
        paddle.subscription(CUSTOMER, SUB).status("canceled");

        HttpResponse<String> refused = submit(page);

        assertThat(get(link(SUB, "cancel_subscription"), BILLING_PAGE).body()).doesNotContain("<form");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("is canceled already");
        assertThat(RECEIVER.received()).isEmpty();
    }

    @Test
    void theOverviewListsTheSubscriptionsWithoutAForm() {
        paddle.subscription(CUSTOMER, UNBILLED).scheduledChange("pause", Instant.parse("2029-08-01T00:00:00Z"));
        URI overview = link(null, "overview");

        HttpResponse<String> page = get(overview, BILLING_PAGE);
        HttpResponse<String> posted = post(overview, "");

        assertThat(page.body()).contains("<li id=\"" + SUB + "\">Simulated plan: active</li>",
                "<li id=\"" + UNBILLED + "\">Simulated plan: active, scheduled to pause on 2029-08-01</li>").doesNotContain("<form");
        assertThat(posted.statusCode()).isEqualTo(409);
        assertThat(RECEIVER.received()).isEmpty();
    }

    @Test
    void aForgedLinkIsRefusedAndChangesNothing() {
        URI forged = URI.create(link(SUB, "cancel_subscription").toString().replaceAll("token=pga_.*", "token=pga_forged"));

        HttpResponse<String> posted = post(forged, "");

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(json(list().body()).getJsonArray("data").getJsonObject(0).isNull("scheduled_change")).isTrue();
        assertThat(RECEIVER.received()).isEmpty();
    }

    @Test
    void withoutADestinationTheFormChangesButNothingIsSent() {
        paddle.notifyTo(null);

        HttpResponse<String> confirmed = submit(get(link(SUB, "cancel_subscription"), BILLING_PAGE));

        assertThat(confirmed.body()).contains("Your subscription will be canceled on");
        assertThat(RECEIVER.received()).isEmpty();
        assertThat(paddle.notificationsSent()).isEmpty();
    }

    @Test
    void aHostConfirmsALinkItRendersItself() {
        PaddleSimulator.PortalLink opened = paddle.portalLink(link(SUB, "cancel_subscription").toString()).orElseThrow();

        PaddleSimulator.PortalChange change = paddle.confirm(opened);

        assertThat(change.cancelsAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(change.notifications()).singleElement().satisfies(delivery -> assertThat(delivery.accepted()).isTrue());
        assertThatThrownBy(() -> paddle.confirm(new PaddleSimulator.PortalLink(CUSTOMER, "overview", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paddle.confirm(new PaddleSimulator.PortalLink("ctm_01hv6y1jedq4p1n0yqn5ba3ky4", "cancel_subscription", SUB)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------------- Helpers

    /** @return a link of a fresh session for the subscription (none for the overview) */
    private URI link(String subscription, String action) {
        String body = subscription == null ? "{}" : "{\"subscription_ids\":[\"" + subscription + "\"]}";
        HttpResponse<String> session = send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonObject urls = json(session.body()).getJsonObject("data").getJsonObject("urls");
        return URI.create(subscription == null ? urls.getJsonObject("general").getString("overview")
                : urls.getJsonArray("subscriptions").getJsonObject(0).getString(action));
    }

    private HttpResponse<String> get(URI link, String referer) {
        return send(HttpRequest.newBuilder(link).header("Referer", referer));
    }

    /** Posts the page's form as a browser does: to its action, with its hidden field. */
    private HttpResponse<String> submit(HttpResponse<String> page) {
        Matcher form = FORM.matcher(page.body());
        assertThat(form.find()).as("a form in %s", page.body()).isTrue();
        Matcher back = BACK_FIELD.matcher(page.body());
        String fields = back.find() ? "back=" + URLEncoder.encode(unescaped(back.group(1)), StandardCharsets.UTF_8) : "";
        return post(paddle.baseUrl().resolve(unescaped(form.group(1))), fields);
    }

    private HttpResponse<String> post(URI target, String fields) {
        return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)));
    }

    private HttpResponse<String> list() {
        return send(HttpRequest.newBuilder(paddle.baseUrl().resolve("/subscriptions?customer_id=" + CUSTOMER)).header("Authorization",
                "Bearer " + paddle.apiKey()));
    }

    private static String unescaped(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
