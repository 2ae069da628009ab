package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The Paddle simulator's answers read by the library's own mapping: what the simulator hands out is what the library
// accepts, and its wrong-link faults are what the library refuses. (The simulator's wire format is tested in portal-test.)
class SimulatorRoundTripTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final SubscriptionId SUB = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension();

    private static <T> T get(PaddleSimulator paddle, HttpRequest.Builder request, Class<T> type) {
        try {
            String body = HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + paddle.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return PaddleFixtures.JSONB.fromJson(body, type);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static PortalSessionEnvelope session(PaddleSimulator paddle) {
        return get(paddle, HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"subscription_ids\":[\"" + SUB + "\"]}")), PortalSessionEnvelope.class);
    }

    private static PortalSessionMapper mapper(PaddleSimulator paddle) {
        return new PortalSessionMapper(List.of(paddle.baseUrl()));
    }

    @Test
    void aSimulatedSessionIsACheckedSession(PaddleSimulator paddle) {
        paddle.subscription(CUSTOMER.value(), SUB.value());

        PortalSession session = mapper(paddle).toSession(session(paddle), PortalSessionRequest.of(CUSTOMER, SUB));

        assertThat(session.customer()).isEqualTo(CUSTOMER);
        assertThat(session.link(PortalAction.CANCEL_SUBSCRIPTION, SUB).toString()).startsWith(paddle.origin() + "/cpl_")
                .contains("subscription_id=" + SUB);
        assertThat(paddle.portalSessionsCreated(CUSTOMER.value(), SUB.value())).isEqualTo(1);
    }

    @Test
    void simulatedSubscriptionsAreSummaries(PaddleSimulator paddle) {
        Instant cancelsAt = Instant.parse("2030-03-15T00:00:00Z");
        paddle.subscription(CUSTOMER.value(), SUB.value()).status("past_due").product("AeroEdit Pro").scheduledChange("cancel", cancelsAt);

        SubscriptionListEnvelope page = get(paddle, HttpRequest.newBuilder(URI.create(paddle.origin() + "/subscriptions?customer_id=" + CUSTOMER)),
                SubscriptionListEnvelope.class);
        List<SubscriptionSummary> summaries = new SubscriptionMapper().toSummaries(page, CUSTOMER);

        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.id()).isEqualTo(SUB);
            assertThat(summary.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
            assertThat(summary.productNames()).containsExactly("AeroEdit Pro");
            assertThat(summary.scheduledChange()).isEqualTo(new ScheduledChange(ScheduledChange.Action.CANCEL, cancelsAt));
        });
    }

    @Test
    void theSimulatorsWrongLinksAreRefused(PaddleSimulator paddle) {
        paddle.subscription(CUSTOMER.value(), SUB.value());
        paddle.nextCalls(1, Fault.linkOnForeignHost()).nextCalls(1, Fault.linkForUnrequestedSubscription()).nextCalls(1, Fault.sessionForAnotherCustomer());
        PortalSessionRequest request = PortalSessionRequest.of(CUSTOMER, SUB);

        assertThatThrownBy(() -> mapper(paddle).toSession(session(paddle), request)).isInstanceOf(UnexpectedPaddleResponseException.class)
                .hasMessageContaining("https://portal.invalid, which is not an allowed portal origin");
        assertThatThrownBy(() -> mapper(paddle).toSession(session(paddle), request)).isInstanceOf(UnexpectedPaddleResponseException.class)
                .hasMessageContaining("which was not requested");
        assertThatThrownBy(() -> mapper(paddle).toSession(session(paddle), request)).isInstanceOf(UnexpectedPaddleResponseException.class)
                .hasMessageContaining("but the session was requested for " + CUSTOMER);
    }
}
