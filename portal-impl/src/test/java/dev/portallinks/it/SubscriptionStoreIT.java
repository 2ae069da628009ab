package dev.portallinks.it;

import static dev.portallinks.it.Probe.query;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Listings served from the subscription store while they are younger than {@code paddle.subscriptions.max-age-seconds}
 * (here 60 s, no listing interval): a billing page rendered again costs Paddle nothing, and a filtered listing is cut
 * from the complete one the store holds. {@link SubscriptionListingIntervalIT} tests the per-customer listing interval.
 */
class SubscriptionStoreIT extends SimulatedPaddleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("subscription-store", "paddle.subscriptions.max-age-seconds=60");
    }

    static List<String> ids(JsonObject answer) {
        return answer.getJsonArray("subscriptions").getValuesAs(JsonObject.class).stream().map(s -> s.getString("id")).toList();
    }

    @Test
    void aListingYoungerThanTheMaximumAgeIsServedWithoutAskingPaddle() {
        String customer = "ctm_01hv8x29kz0t586xy6zn1a62nz";
        paddle().subscription(customer, subscription(0)).status("active");
        paddle().subscription(customer, subscription(1)).status("past_due");

        JsonObject first = probe().get("subscriptions", query("customer", customer));
        JsonObject again = probe().get("subscriptions", query("customer", customer));
        JsonObject pastDue = probe().get("subscriptions", query("customer", customer, "status", "past_due"));

        assertThat(ids(first)).as(first.toString()).containsExactly(subscription(0), subscription(1));
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(ids(pastDue)).containsExactly(subscription(1));
        // One listing, of every status (the store keeps complete listings), for the three calls.
        assertThat(listingRequests()).singleElement().satisfies(request -> assertThat(request.query()).doesNotContain("status="));
    }

    @Test
    void eachCustomerIsListedOnce() {
        String other = "ctm_01hv8x29kz0t586xy6zn1a62ny";
        paddle().subscription(CUSTOMER, subscription(2));
        paddle().subscription(other, subscription(3));

        probe().get("subscriptions", query("customer", CUSTOMER));
        JsonObject otherAnswer = probe().get("subscriptions", query("customer", other));
        probe().get("subscriptions", query("customer", other));

        assertThat(ids(otherAnswer)).containsExactly(subscription(3));
        assertThat(listingRequests()).hasSize(2);
    }
}
