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
 * {@code <pl:portalButton>} in an {@code h:dataTable}: each row's button posts its subscription ID, and a click whose
 * ID is not the row's subscription now (the rows moved after the page was rendered, or the post was altered) is
 * refused, never acted on for whatever subscription holds that row now.
 */
class PortalButtonInTableIT extends FacesIT {

    private static final String ROW_1_BUTTON = "form:table:1:cancel";
    private static final List<String> THREE = List.of(subscription(0), subscription(1), subscription(2));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("portal-button-in-table", "table-buttons.xhtml");
    }

    @BeforeEach
    void threeSubscriptions() {
        subscriptions(THREE);
    }

    private FormPost page() {
        return new FormPost(URI.create(base() + "table-buttons.xhtml")).load();
    }


    @Test
    void theRowsButtonCancelsTheRowsSubscription() {
        HttpResponse<String> response = page().post(Map.of(), ROW_1_BUTTON, "cancel_subscription|" + subscription(1));

        assertThat(response.statusCode()).isEqualTo(303);
        assertOpensPortal(response.headers().firstValue("Location").orElseThrow(), "cancel_subscription", subscription(1));
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void aClickOnARowThatNowHoldsAnotherSubscriptionIsRefused() {
        FormPost page = page();
        removeSubscription(subscription(0)); // row 1 now holds subscription(2)

        assertRefused(page.post(Map.of(), ROW_1_BUTTON, "cancel_subscription|" + subscription(1)));
    }

    @Test
    void aClickNamingAnotherSubscriptionThanTheRowsIsRefused() {
        assertRefused(page().post(Map.of(), ROW_1_BUTTON, "cancel_subscription|" + subscription(2)));
    }

    @Test
    void aClickWithoutTheSubscriptionIsRefused() {
        assertRefused(page().post(Map.of(), ROW_1_BUTTON, "cancel_subscription"));
    }
}
