package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

// Covers the default methods of PortalLinkService: what they pass on to the abstract methods.
class PortalLinkServiceTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01grnn4zta5a1mf02jjze7y2ys");
    private static final SubscriptionId SUB_A = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId SUB_B = SubscriptionId.of("sub_01hv8x29kz0t586xy6zn1a62ny");
    private static final URI LINK = URI.create("https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw?token=pga_x");

    /** Records the arguments of the abstract methods. */
    private static final class RecordingService implements PortalLinkService {

        final List<Object> calls = new ArrayList<>();

        @Override
        public PortalSession createSession(PortalSessionRequest request) {
            calls.add(request);
            return new PortalSession("cpls_01h4ge9r64c22exjsx0fy8b48b", request.customer(), LINK, List.of(), Instant.EPOCH, null);
        }

        @Override
        public CompletionStage<PortalSession> createSessionAsync(PortalSessionRequest request) {
            return CompletableFuture.completedFuture(createSession(request));
        }

        @Override
        public URI link(PortalAction action, CustomerId customer, SubscriptionId subscription) {
            calls.add(action);
            calls.add(customer);
            calls.add(subscription == null ? "no subscription" : subscription);
            return LINK;
        }

        @Override
        public List<SubscriptionSummary> listSubscriptions(CustomerId customer, Set<SubscriptionStatus> statuses) {
            calls.add(customer);
            calls.add(statuses);
            return List.of();
        }
    }

    private final RecordingService service = new RecordingService();

    @Test
    void createSessionForACustomerAsksForTheOverviewOnly() {
        PortalSession session = service.createSession(CUSTOMER);

        assertThat(session.customer()).isEqualTo(CUSTOMER);
        assertThat(service.calls).containsExactly(PortalSessionRequest.overview(CUSTOMER));
    }

    @Test
    void createSessionWithSubscriptionsBuildsAValidatedRequest() {
        service.createSession(CUSTOMER, List.of(SUB_B, SUB_A));

        assertThat(service.calls).containsExactly(PortalSessionRequest.of(CUSTOMER, SUB_B, SUB_A));
        assertThatThrownBy(() -> service.createSession(CUSTOMER, List.of(SUB_A, SUB_A)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SUB_A.value());
        assertThat(service.calls).hasSize(1);
    }

    @Test
    void overviewLinkPassesNoSubscription() {
        assertThat(service.overviewLink(CUSTOMER)).isEqualTo(LINK);
        assertThat(service.calls).containsExactly(PortalAction.OVERVIEW, CUSTOMER, "no subscription");
    }

    @Test
    void subscriptionLinksPassTheirAction() {
        service.cancelSubscriptionLink(CUSTOMER, SUB_A);
        service.updatePaymentMethodLink(CUSTOMER, SUB_B);

        assertThat(service.calls).containsExactly(
                PortalAction.CANCEL_SUBSCRIPTION, CUSTOMER, SUB_A,
                PortalAction.UPDATE_PAYMENT_METHOD, CUSTOMER, SUB_B);
    }

    @Test
    void subscriptionLinksRejectANullSubscriptionBeforeAnyCall() {
        assertThatThrownBy(() -> service.cancelSubscriptionLink(CUSTOMER, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscription must not be null");
        assertThatThrownBy(() -> service.updatePaymentMethodLink(CUSTOMER, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscription must not be null");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void listSubscriptionsWithoutStatusesAsksForAll() {
        assertThat(service.listSubscriptions(CUSTOMER)).isEmpty();

        assertThat(service.calls).hasSize(2);
        assertThat(service.calls.get(0)).isEqualTo(CUSTOMER);
        assertThat(service.calls.get(1)).isEqualTo(Set.of());
    }
}
