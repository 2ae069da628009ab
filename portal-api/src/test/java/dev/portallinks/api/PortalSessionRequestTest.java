package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Covers PortalSessionRequest: Paddle's limits (0 to 25 unique, non-null subscriptions), copying and order.
class PortalSessionRequestTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01grnn4zta5a1mf02jjze7y2ys");
    private static final SubscriptionId A = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId B = SubscriptionId.of("sub_01hv8x29kz0t586xy6zn1a62ny");
    private static final SubscriptionId C = SubscriptionId.of("sub_01hv915hmgnwqd9n5yxgy8t60c");

    private static List<SubscriptionId> distinctSubscriptions(int count) {
        return IntStream.range(0, count).mapToObj(i -> SubscriptionId.of(String.format("sub_%026d", i))).collect(Collectors.toList());
    }

    @Test
    void overviewRequestHasNoSubscriptions() {
        PortalSessionRequest request = PortalSessionRequest.overview(CUSTOMER);

        assertThat(request.customer()).isEqualTo(CUSTOMER);
        assertThat(request.subscriptions()).isEmpty();
    }

    @Test
    void zeroSubscriptionsAreAcceptedByEveryFactory() {
        assertThat(PortalSessionRequest.of(CUSTOMER).subscriptions()).isEmpty();
        assertThat(PortalSessionRequest.of(CUSTOMER, List.of()).subscriptions()).isEmpty();
        assertThat(new PortalSessionRequest(CUSTOMER, new ArrayList<>()).subscriptions()).isEmpty();
        assertThat(PortalSessionRequest.of(CUSTOMER, List.of())).isEqualTo(PortalSessionRequest.overview(CUSTOMER));
    }

    @Test
    void oneSubscriptionIsAccepted() {
        PortalSessionRequest request = PortalSessionRequest.of(CUSTOMER, A);

        assertThat(request.customer()).isEqualTo(CUSTOMER);
        assertThat(request.subscriptions()).containsExactly(A);
    }

    @Test
    void twentyFiveSubscriptionsAreAccepted() {
        List<SubscriptionId> subscriptions = distinctSubscriptions(25);

        assertThat(PortalSessionRequest.of(CUSTOMER, subscriptions).subscriptions()).containsExactlyElementsOf(subscriptions);
        assertThat(PortalSessionRequest.of(CUSTOMER, subscriptions.toArray(SubscriptionId[]::new)).subscriptions())
                .containsExactlyElementsOf(subscriptions);
        assertThat(PortalSessionRequest.MAX_SUBSCRIPTIONS).isEqualTo(25);
    }

    @ParameterizedTest
    @ValueSource(ints = {26, 30, 100})
    void moreThanTwentyFiveSubscriptionsAreRejected(int count) {
        List<SubscriptionId> subscriptions = distinctSubscriptions(count);

        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, subscriptions))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(count + " subscription IDs given")
                .hasMessageContaining("at most 25");
    }

    @Test
    void twentySixSubscriptionsAreRejectedByEveryFactory() {
        List<SubscriptionId> subscriptions = distinctSubscriptions(26);

        assertThatThrownBy(() -> new PortalSessionRequest(CUSTOMER, subscriptions))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("26")
                .hasMessageContaining("25");
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, subscriptions.toArray(SubscriptionId[]::new)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("26")
                .hasMessageContaining("25");
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, new LinkedHashSet<>(subscriptions)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("26")
                .hasMessageContaining("25");
    }

    @Test
    void duplicateSubscriptionIsRejectedNamingIt() {
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, A, B, A))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + A.value() + "\" appears more than once")
                .hasMessageNotContaining(B.value());
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, List.of(B, B)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(B.value());
    }

    @Test
    void duplicateByValueNotByIdentityIsRejected() {
        SubscriptionId sameAsA = SubscriptionId.of(new String(A.value().toCharArray()));

        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, A, sameAsA))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(A.value());
    }

    @Test
    void nullSubscriptionIsRejectedNamingItsIndex() {
        assertThatThrownBy(() -> new PortalSessionRequest(CUSTOMER, Arrays.asList(A, B, null)))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions[2] must not be null");
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, A, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions[1] must not be null");
    }

    @Test
    void nullSubscriptionInACollectionIsRejectedNamingItsIndex() {
        Collection<SubscriptionId> withNull = new ArrayList<>(Arrays.asList(null, A));

        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, withNull))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions[0] must not be null");
    }

    @Test
    void nullCustomerAndNullListAreRejectedNamingTheField() {
        assertThatThrownBy(() -> PortalSessionRequest.overview(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("customer must not be null");
        assertThatThrownBy(() -> new PortalSessionRequest(CUSTOMER, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions must not be null");
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, (Collection<SubscriptionId>) null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions must not be null");
        assertThatThrownBy(() -> PortalSessionRequest.of(CUSTOMER, (SubscriptionId[]) null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions must not be null");
    }

    @Test
    void sourceListIsCopied() {
        List<SubscriptionId> source = new ArrayList<>(List.of(A, B));

        PortalSessionRequest request = new PortalSessionRequest(CUSTOMER, source);
        source.add(C);
        source.set(0, C);

        assertThat(request.subscriptions()).containsExactly(A, B);
    }

    @Test
    void sourceCollectionIsCopied() {
        List<SubscriptionId> source = new ArrayList<>(List.of(A, B));

        PortalSessionRequest request = PortalSessionRequest.of(CUSTOMER, source);
        source.clear();

        assertThat(request.subscriptions()).containsExactly(A, B);
    }

    @Test
    void sourceArrayIsCopied() {
        SubscriptionId[] source = {A, B};

        PortalSessionRequest request = PortalSessionRequest.of(CUSTOMER, source);
        source[0] = C;

        assertThat(request.subscriptions()).containsExactly(A, B);
    }

    @Test
    void returnedListIsUnmodifiable() {
        PortalSessionRequest request = PortalSessionRequest.of(CUSTOMER, A, B);

        assertThatThrownBy(() -> request.subscriptions().add(C)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.subscriptions().set(0, C)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.subscriptions().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(request.subscriptions()).containsExactly(A, B);
    }

    @Test
    void orderIsKept() {
        assertThat(PortalSessionRequest.of(CUSTOMER, C, A, B).subscriptions()).containsExactly(C, A, B);
        assertThat(PortalSessionRequest.of(CUSTOMER, List.of(B, C, A)).subscriptions()).containsExactly(B, C, A);
        assertThat(PortalSessionRequest.of(CUSTOMER, new LinkedHashSet<>(List.of(C, B, A))).subscriptions()).containsExactly(C, B, A);
    }

    @Test
    void equalsIsByCustomerAndSubscriptionsInOrder() {
        assertThat(PortalSessionRequest.of(CUSTOMER, A, B)).isEqualTo(PortalSessionRequest.of(CUSTOMER, List.of(A, B)))
                .hasSameHashCodeAs(PortalSessionRequest.of(CUSTOMER, List.of(A, B)))
                .isNotEqualTo(PortalSessionRequest.of(CUSTOMER, B, A))
                .isNotEqualTo(PortalSessionRequest.of(CustomerId.of("ctm_01h8441jn5pcwrfhwh78jqt8hk"), A, B));
    }
}
