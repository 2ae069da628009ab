package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code <pl:billingButtons>} over {@code SubscriptionSummary} rows shows what makes sense for each subscription:
 * nothing for a canceled one, "Cancels on" instead of Cancel when a cancellation is scheduled, Update payment method
 * first when past due; and a click on a button the row does not offer now is refused.
 */
class ButtonsByStatusIT extends FacesIT {

    private static final String PAGE = "billing-summaries.xhtml";
    private static final String GERMAN_PAGE = "billing-summaries-de.xhtml";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("buttons-by-status", PAGE, GERMAN_PAGE);
    }

    @BeforeEach
    void twoActiveSubscriptions() {
        subscriptions(List.of(subscription(0), subscription(1)));
    }

    private String render() {
        return render(PAGE);
    }

    private String render(String name) {
        HttpResponse<String> page = getPage(name);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aCanceledSubscriptionHasNeitherButton() {
        status(subscription(0), "canceled", null);

        String html = render();

        assertThat(html).doesNotContain("form:billing:0:cancel", "form:billing:0:updatePaymentMethod")
                .contains("form:billing:1:cancel", "form:billing:1:updatePaymentMethod");
    }

    @Test
    void aScheduledCancellationSaysWhenInsteadOfOfferingCancel() {
        status(subscription(0), "active", "2030-03-15T12:00:00Z");

        String html = render();

        assertThat(html).contains("Cancels on March 15, 2030", "form:billing:0:updatePaymentMethod").doesNotContain("form:billing:0:cancel");
    }

    @Test
    void aScheduledCancellationIsDatedInTheViewsLanguage() {
        status(subscription(0), "active", "2030-03-15T12:00:00Z");

        // Faces may write the umlaut as a character or as a reference.
        String html = render(GERMAN_PAGE).replace("&auml;", "\u00e4").replace("&#228;", "\u00e4").replace("&#xe4;", "\u00e4");

        assertThat(html).contains("Endet am 15. M\u00e4rz 2030").doesNotContain("Cancels on");
    }

    @Test
    void aPastDueSubscriptionOffersUpdatePaymentMethodFirst() {
        status(subscription(0), "past_due", null);

        String html = render();

        assertThat(html.indexOf("form:billing:0:updatePaymentMethod")).isPositive().isLessThan(html.indexOf("form:billing:0:cancel"));
        assertThat(html.indexOf("form:billing:1:cancel")).isPositive().isLessThan(html.indexOf("form:billing:1:updatePaymentMethod"));
    }

    @Test
    void aCancelClickOnASubscriptionCanceledSinceRenderingIsRefused() {
        FormPost page = new FormPost(URI.create(base() + PAGE)).load();
        status(subscription(0), "canceled", null);

        assertRefused(page.post(Map.of(), "form:billing", "0|" + subscription(0) + "|cancel_subscription"));
    }

    @Test
    void anActiveRowsCancelStillOpensThePortal() {
        HttpResponse<String> response = new FormPost(URI.create(base() + PAGE)).load().post(Map.of(), "form:billing",
                "1|" + subscription(1) + "|cancel_subscription");

        assertThat(response.statusCode()).isEqualTo(303);
        assertOpensPortal(response.headers().firstValue("Location").orElseThrow(), "cancel_subscription", subscription(1));
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }
}
