package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Covers PortalSession: ID validation, one entry per subscription, link lookup, redacted toString, not Serializable.
class PortalSessionTest {

    private static final String ID = "cpls_01h4ge9r64c22exjsx0fy8b48b";
    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01grnn4zta5a1mf02jjze7y2ys");
    private static final SubscriptionId SUB_A = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId SUB_B = SubscriptionId.of("sub_01hv8x29kz0t586xy6zn1a62ny");
    private static final SubscriptionId NOT_IN_SESSION = SubscriptionId.of("sub_01hv915hmgnwqd9n5yxgy8t60c");
    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final URI OVERVIEW = URI.create(PORTAL + "?action=overview&token=pga_secretvalue123");
    private static final Instant CREATED_AT = Instant.parse("2024-10-01T12:00:00Z");

    private static URI subscriptionLink(String action, SubscriptionId subscription, String token) {
        return URI.create(PORTAL + "?action=" + action + "&subscription_id=" + subscription + "&token=" + token);
    }

    private static SubscriptionLinks links(SubscriptionId subscription, String tokenSuffix) {
        return new SubscriptionLinks(subscription, subscriptionLink("cancel_subscription", subscription, "pga_cancel" + tokenSuffix),
                subscriptionLink("update_subscription_payment_method", subscription, "pga_payment" + tokenSuffix));
    }

    private static PortalSession session(List<SubscriptionLinks> subscriptions) {
        return new PortalSession(ID, CUSTOMER, OVERVIEW, subscriptions, CREATED_AT, "b15ec92e-8688-40d4-a04d-af44e3ad1c8f");
    }

    @Test
    void keepsItsComponents() {
        SubscriptionLinks a = links(SUB_A, "secretA");
        PortalSession session = session(List.of(a));

        assertThat(session.id()).isEqualTo(ID);
        assertThat(session.customer()).isEqualTo(CUSTOMER);
        assertThat(session.overview()).isEqualTo(OVERVIEW);
        assertThat(session.subscriptions()).containsExactly(a);
        assertThat(session.createdAt()).isEqualTo(CREATED_AT);
        assertThat(session.requestId()).isEqualTo("b15ec92e-8688-40d4-a04d-af44e3ad1c8f");
    }

    @Test
    void overviewGivenAsTextIsTheSameValueAndTheSameUri() {
        List<SubscriptionLinks> subscriptions = List.of(links(SUB_A, "secretA"));
        PortalSession fromText = new PortalSession(ID, CUSTOMER, OVERVIEW.toString(), subscriptions, CREATED_AT,
                "b15ec92e-8688-40d4-a04d-af44e3ad1c8f");

        assertThat(fromText).isEqualTo(session(subscriptions)).hasSameHashCodeAs(session(subscriptions)).hasToString(session(subscriptions).toString());
        assertThat(fromText.overview()).isEqualTo(OVERVIEW);
        assertThat(fromText).isNotEqualTo(new PortalSession(ID, CUSTOMER, OVERVIEW.toString(), subscriptions, CREATED_AT, null));
        assertThatThrownBy(() -> new PortalSession(ID, CUSTOMER, "https://h/cpl_1?token=pga_secretvalue123&x=a b", subscriptions, CREATED_AT, null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("overview is not a valid URI")
                .hasMessageNotContaining("pga_secretvalue123");
    }

    @Test
    void requestIdMayBeNull() {
        PortalSession session = new PortalSession(ID, CUSTOMER, OVERVIEW, List.of(), CREATED_AT, null);

        assertThat(session.requestId()).isNull();
        assertThat(session.subscriptions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "cpls_123",
        "cpl_01h4ge9r64c22exjsx0fy8b48b",
        "CPLS_01h4ge9r64c22exjsx0fy8b48b",
        "cpls_01H4GE9R64C22EXJSX0FY8B48B",
        "cpls_01h4ge9r64c22exjsx0fy8b48",
        "cpls_01h4ge9r64c22exjsx0fy8b48bb",
        " cpls_01h4ge9r64c22exjsx0fy8b48b",
        "cpls_01h4ge9r64c22exjsx0fy8b48b\n",
        "ctm_01grnn4zta5a1mf02jjze7y2ys"
    })
    void rejectsIdsThatAreNotPortalSessionIds(String id) {
        assertThatThrownBy(() -> new PortalSession(id, CUSTOMER, OVERVIEW, List.of(), CREATED_AT, null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("portal session ID " + Validation.quoted(id) + " does not match")
                .hasMessageContaining(PortalSession.ID_PATTERN);
    }

    @Test
    void idPatternIsPaddles() {
        assertThat(PortalSession.ID_PATTERN).isEqualTo("^cpls_[a-z\\d]{26}$");
    }

    @Test
    void rejectsNullsNamingTheField() {
        assertThatThrownBy(() -> new PortalSession(null, CUSTOMER, OVERVIEW, List.of(), CREATED_AT, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("portal session ID must not be null");
        assertThatThrownBy(() -> new PortalSession(ID, null, OVERVIEW, List.of(), CREATED_AT, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("customer must not be null");
        assertThatThrownBy(() -> new PortalSession(ID, CUSTOMER, (URI) null, List.of(), CREATED_AT, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("overview must not be null");
        assertThatThrownBy(() -> new PortalSession(ID, CUSTOMER, (String) null, List.of(), CREATED_AT, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("overview must not be null");
        assertThatThrownBy(() -> new PortalSession(ID, CUSTOMER, OVERVIEW, null, CREATED_AT, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscriptions must not be null");
        assertThatThrownBy(() -> new PortalSession(ID, CUSTOMER, OVERVIEW, List.of(), null, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("createdAt must not be null");
    }

    @Test
    void rejectsTwoSetsOfLinksForOneSubscription() {
        List<SubscriptionLinks> duplicated = List.of(links(SUB_A, "1"), links(SUB_B, "2"), links(SUB_A, "3"));

        assertThatThrownBy(() -> session(duplicated))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one set of links")
                .hasMessageContaining("\"" + SUB_A + "\"")
                .hasMessageNotContaining(SUB_B.value());
    }

    @Test
    void subscriptionsAreCopiedAndUnmodifiable() {
        List<SubscriptionLinks> source = new ArrayList<>(List.of(links(SUB_A, "secretA")));

        PortalSession session = session(source);
        source.add(links(SUB_B, "secretB"));

        assertThat(session.subscriptions()).extracting(SubscriptionLinks::subscription).containsExactly(SUB_A);
        assertThatThrownBy(() -> session.subscriptions().add(links(SUB_B, "secretB"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void linkReturnsTheRightUriForEachActionAndSubscription() {
        SubscriptionLinks a = links(SUB_A, "secretA");
        SubscriptionLinks b = links(SUB_B, "secretB");
        PortalSession session = session(List.of(a, b));

        assertThat(session.link(PortalAction.CANCEL_SUBSCRIPTION, SUB_A)).isEqualTo(a.cancelSubscription());
        assertThat(session.link(PortalAction.UPDATE_PAYMENT_METHOD, SUB_A)).isEqualTo(a.updatePaymentMethod());
        assertThat(session.link(PortalAction.CANCEL_SUBSCRIPTION, SUB_B))
                .isEqualTo(subscriptionLink("cancel_subscription", SUB_B, "pga_cancelsecretB"));
        assertThat(session.link(PortalAction.UPDATE_PAYMENT_METHOD, SUB_B))
                .isEqualTo(subscriptionLink("update_subscription_payment_method", SUB_B, "pga_paymentsecretB"));
    }

    @Test
    void overviewLinkIgnoresTheSubscription() {
        PortalSession session = session(List.of(links(SUB_A, "secretA")));

        assertThat(session.link(PortalAction.OVERVIEW, null)).isEqualTo(OVERVIEW);
        assertThat(session.link(PortalAction.OVERVIEW, SUB_A)).isEqualTo(OVERVIEW);
        assertThat(session.link(PortalAction.OVERVIEW, NOT_IN_SESSION)).isEqualTo(OVERVIEW);
    }

    @Test
    void linkForASubscriptionNotInTheSessionIsRejected() {
        PortalSession session = session(List.of(links(SUB_A, "secretA")));

        assertThatThrownBy(() -> session.link(PortalAction.CANCEL_SUBSCRIPTION, NOT_IN_SESSION))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + NOT_IN_SESSION + "\" is not part of portal session " + ID);
        assertThatThrownBy(() -> session.link(PortalAction.UPDATE_PAYMENT_METHOD, NOT_IN_SESSION))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NOT_IN_SESSION.value());
    }

    @Test
    void subscriptionActionWithoutSubscriptionOrNullActionIsRejected() {
        PortalSession session = session(List.of(links(SUB_A, "secretA")));

        assertThatThrownBy(() -> session.link(PortalAction.CANCEL_SUBSCRIPTION, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("subscription (needed for CANCEL_SUBSCRIPTION)");
        assertThatThrownBy(() -> session.link(null, SUB_A))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("action must not be null");
    }

    @Test
    void linksForFindsPresentSubscriptionsOnly() {
        SubscriptionLinks a = links(SUB_A, "secretA");
        PortalSession session = session(List.of(a));

        assertThat(session.linksFor(SUB_A)).containsSame(a);
        assertThat(session.linksFor(NOT_IN_SESSION)).isEmpty();
        assertThatThrownBy(() -> session.linksFor(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("subscription must not be null");
    }

    @Test
    void toStringLeavesTheTokensOut() {
        PortalSession session = session(List.of(links(SUB_A, "secretA"), links(SUB_B, "secretB")));

        String text = session.toString();

        assertThat(text)
                .doesNotContain("pga_secretvalue123", "pga_cancelsecretA", "pga_paymentsecretA", "pga_cancelsecretB", "pga_paymentsecretB")
                .contains("[redacted]")
                .contains(PORTAL + "?action=overview&token=[redacted]")
                .contains(ID, CUSTOMER.value(), SUB_A.value(), SUB_B.value(), CREATED_AT.toString(), "b15ec92e-8688-40d4-a04d-af44e3ad1c8f");
        assertThat(text.split("\\[redacted]", -1)).hasSize(6);
    }

    @Test
    void isDeliberatelyNotSerializable() {
        assertThat(Serializable.class.isAssignableFrom(PortalSession.class)).isFalse();
        assertThat(Serializable.class.isAssignableFrom(SubscriptionLinks.class)).isFalse();
    }
}
