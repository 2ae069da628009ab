package dev.portallinks.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.faces.ClickResolver.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// The button-value format and the refusal rules, without a Faces runtime: what a button posts resolves back to exactly
// its target, and anything else (tampered, malformed, stale, not offered) is refused with a reason.
class ClickResolverTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String FIRST = "sub_01h04vsc0qhwtsbsxh3422wjs4";
    private static final String SECOND = "sub_01h7zcgmdc6tmwtjehp3sh7azf";
    private static final String ALL = ClickResolver.DEFAULT_ACTIONS;
    private static final Instant LATER = Instant.parse("2027-01-31T00:00:00Z");

    private static SubscriptionSummary summary(String id, SubscriptionStatus status, ScheduledChange change) {
        return new SubscriptionSummary(SubscriptionId.of(id), CustomerId.of(CUSTOMER), status, null, "USD", List.of(), change);
    }

    private static Row row(Object item) {
        return new Row(0, ClickResolver.subscriptionId(item), item);
    }

    // ------------------------------------------------------------------------------------------------ Values

    @Test
    void aRowButtonPostsRowSubscriptionAndAction() {
        assertThat(ClickResolver.rowValue(new Row(3, SubscriptionId.of(FIRST), FIRST), PortalAction.CANCEL_SUBSCRIPTION))
                .isEqualTo("3|" + FIRST + "|cancel_subscription");
    }

    @Test
    void aSingleButtonPostsItsActionAndForASubscriptionActionItsSubscription() {
        assertThat(ClickResolver.buttonValue(PortalAction.OVERVIEW, SubscriptionId.of(FIRST))).isEqualTo("overview");
        assertThat(ClickResolver.buttonValue(PortalAction.UPDATE_PAYMENT_METHOD, SubscriptionId.of(FIRST)))
                .isEqualTo("update_subscription_payment_method|" + FIRST);
        assertThat(ClickResolver.buttonValue(PortalAction.CANCEL_SUBSCRIPTION, null)).isEqualTo("cancel_subscription");
    }

    @Test
    void everyButtonARowShowsResolvesToItsOwnTarget() throws RefusedClickException {
        List<Object> items = List.of(FIRST, summary(SECOND, SubscriptionStatus.PAST_DUE, null));
        Set<PortalAction> shown = ClickResolver.shownActions(ALL);
        List<PortalTarget> resolved = new ArrayList<>();
        for (Row row : ClickResolver.rows(items)) {
            for (PortalAction action : ClickResolver.rowActions(row, shown)) {
                resolved.add(ClickResolver.resolveRowClick(ClickResolver.rowValue(row, action), CUSTOMER, items, ALL));
            }
        }

        CustomerId customer = CustomerId.of(CUSTOMER);
        assertThat(resolved).containsExactly(
                new PortalTarget(PortalAction.CANCEL_SUBSCRIPTION, customer, SubscriptionId.of(FIRST)),
                new PortalTarget(PortalAction.UPDATE_PAYMENT_METHOD, customer, SubscriptionId.of(FIRST)),
                new PortalTarget(PortalAction.UPDATE_PAYMENT_METHOD, customer, SubscriptionId.of(SECOND)),
                new PortalTarget(PortalAction.CANCEL_SUBSCRIPTION, customer, SubscriptionId.of(SECOND)));
    }

    @Test
    void theOverviewButtonResolvesToTheOverview() throws RefusedClickException {
        assertThat(ClickResolver.resolveRowClick("overview", CustomerId.of(CUSTOMER), List.of(FIRST), ALL))
                .isEqualTo(new PortalTarget(PortalAction.OVERVIEW, CustomerId.of(CUSTOMER), null));
    }

    // ------------------------------------------------------------------------------------- Row click refusals

    @Test
    void aRowWhoseSubscriptionChangedSinceRenderingIsRefused() {
        String posted = ClickResolver.rowValue(new Row(0, SubscriptionId.of(FIRST), FIRST), PortalAction.CANCEL_SUBSCRIPTION);

        assertThatThrownBy(() -> ClickResolver.resolveRowClick(posted, CUSTOMER, List.of(SECOND), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("row 0 holds " + SECOND + " now, but the post named \"" + FIRST + "\"");
    }

    @Test
    void aRowThatNoLongerExistsIsRefused() {
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("1|" + SECOND + "|cancel_subscription", CUSTOMER, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("row 1 is not one of the 1 current subscriptions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0|" + FIRST, "x|" + FIRST + "|cancel_subscription", "0|" + FIRST + "|delete",
        "0|" + FIRST + "|cancel_subscription|extra", "-1|" + FIRST, "OVERVIEW", " overview"})
    void aMalformedValueIsRefused(String posted) {
        assertThatThrownBy(() -> ClickResolver.resolveRowClick(posted, CUSTOMER, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessageStartingWith("malformed button value");
    }

    @Test
    void aNegativeRowIsRefusedAsNoRowOfTheCurrentSubscriptions() {
        // Well formed but for the sign: the index check itself must refuse it (not the list's own bounds check).
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("-1|" + FIRST + "|cancel_subscription", CUSTOMER, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessageContaining("row -1 is not one of the 1 current subscriptions");
    }

    @Test
    void theOverviewCannotBePostedAsARowAction() {
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("0|" + FIRST + "|overview", CUSTOMER, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("action OVERVIEW is not shown per subscription");
    }

    @Test
    void anActionTheComponentDoesNotShowIsRefused() {
        String actions = "update_payment_method";

        assertThatThrownBy(() -> ClickResolver.resolveRowClick("0|" + FIRST + "|cancel_subscription", CUSTOMER, List.of(FIRST), actions))
                .isInstanceOf(RefusedClickException.class).hasMessage("action CANCEL_SUBSCRIPTION is not shown per subscription");
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("overview", CUSTOMER, List.of(FIRST), actions))
                .isInstanceOf(RefusedClickException.class).hasMessage("the overview button is not shown");
    }

    @Test
    void aButtonTheRowDoesNotOfferForItsStatusIsRefused() {
        List<Object> canceled = List.of(summary(FIRST, SubscriptionStatus.CANCELED, null));
        List<Object> cancelScheduled = List.of(summary(FIRST, SubscriptionStatus.ACTIVE, new ScheduledChange(ScheduledChange.Action.CANCEL, LATER)));

        assertThatThrownBy(() -> ClickResolver.resolveRowClick("0|" + FIRST + "|update_payment_method", CUSTOMER, canceled, ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("row 0 (" + FIRST + ") does not offer UPDATE_PAYMENT_METHOD now: status canceled");
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("0|" + FIRST + "|cancel_subscription", CUSTOMER, cancelScheduled, ALL))
                .isInstanceOf(RefusedClickException.class)
                .hasMessage("row 0 (" + FIRST + ") does not offer CANCEL_SUBSCRIPTION now: status active, cancellation scheduled");
    }

    @Test
    void aMissingOrInvalidCustomerRefusesEveryClick() {
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("overview", null, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("the customer attribute evaluated to null");
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("overview", "  ", List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("the customer attribute evaluated to java.lang.String");
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("overview", "cus_123", List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessageStartingWith("the customer attribute is invalid:");
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("overview", 42, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("the customer attribute evaluated to java.lang.Integer");
    }

    @Test
    void subscriptionsThatAreNotACollectionOfSubscriptionsRefuseRowClicks() {
        String posted = "0|" + FIRST + "|cancel_subscription";

        assertThatThrownBy(() -> ClickResolver.resolveRowClick(posted, CUSTOMER, FIRST, ALL))
                .isInstanceOf(RefusedClickException.class).hasMessage("the subscriptions attribute is invalid: subscriptions must be a collection,"
                        + " not java.lang.String");
        assertThatThrownBy(() -> ClickResolver.resolveRowClick(posted, CUSTOMER, List.of(42), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessageContaining("not java.lang.Integer");
    }

    @Test
    void aPostedValueIsQuotedSafelyInTheRefusal() {
        assertThatThrownBy(() -> ClickResolver.resolveRowClick("0|x\r\nforged|cancel_subscription", CUSTOMER, List.of(FIRST), ALL))
                .isInstanceOf(RefusedClickException.class).hasMessageNotContaining("\n").hasMessageContaining("\\u000a");
    }

    // ------------------------------------------------------------------------------------------- Row actions

    @Test
    void aRowOffersCancelThenUpdateByDefault() {
        assertThat(ClickResolver.rowActions(row(FIRST), ClickResolver.shownActions(ALL)))
                .containsExactly(PortalAction.CANCEL_SUBSCRIPTION, PortalAction.UPDATE_PAYMENT_METHOD);
    }

    @Test
    void aPastDueRowOffersUpdatePaymentMethodFirst() {
        assertThat(ClickResolver.rowActions(row(summary(FIRST, SubscriptionStatus.PAST_DUE, null)), ClickResolver.shownActions(ALL)))
                .containsExactly(PortalAction.UPDATE_PAYMENT_METHOD, PortalAction.CANCEL_SUBSCRIPTION);
    }

    @Test
    void aCanceledRowOffersNothing() {
        Row canceled = row(summary(FIRST, SubscriptionStatus.CANCELED, null));

        assertThat(ClickResolver.rowActions(canceled, ClickResolver.shownActions(ALL))).isEmpty();
        assertThat(ClickResolver.showsScheduledCancellation(canceled, ClickResolver.shownActions(ALL))).isFalse();
    }

    @Test
    void aRowWithACancellationScheduledSaysSoInsteadOfOfferingCancel() {
        Row scheduled = row(summary(FIRST, SubscriptionStatus.ACTIVE, new ScheduledChange(ScheduledChange.Action.CANCEL, LATER)));

        assertThat(ClickResolver.rowActions(scheduled, ClickResolver.shownActions(ALL))).containsExactly(PortalAction.UPDATE_PAYMENT_METHOD);
        assertThat(ClickResolver.showsScheduledCancellation(scheduled, ClickResolver.shownActions(ALL))).isTrue();
        assertThat(ClickResolver.showsScheduledCancellation(scheduled, ClickResolver.shownActions("update_payment_method"))).isFalse();
    }

    @Test
    void aScheduledPauseLeavesCancelOffered() {
        Row paused = row(summary(FIRST, SubscriptionStatus.ACTIVE, new ScheduledChange(ScheduledChange.Action.PAUSE, LATER)));

        assertThat(ClickResolver.rowActions(paused, ClickResolver.shownActions(ALL)))
                .containsExactly(PortalAction.CANCEL_SUBSCRIPTION, PortalAction.UPDATE_PAYMENT_METHOD);
    }

    @Test
    void actionsAreSeparatedBySpacesOrCommasAndAnUnknownOneIsNamed() {
        assertThat(ClickResolver.shownActions(" overview,cancel_subscription  ")).containsExactlyInAnyOrder(PortalAction.OVERVIEW,
                PortalAction.CANCEL_SUBSCRIPTION);
        assertThatThrownBy(() -> ClickResolver.shownActions("overview delete")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delete");
    }

    // ----------------------------------------------------------------------------------- Single button clicks

    @Test
    void aSingleButtonResolvesToItsActionAndTheSubscriptionItRenderedFor() throws RefusedClickException {
        CustomerId customer = CustomerId.of(CUSTOMER);

        assertThat(ClickResolver.resolveButtonClick("overview", customer, "overview", null))
                .isEqualTo(new PortalTarget(PortalAction.OVERVIEW, customer, null));
        assertThat(ClickResolver.resolveButtonClick("cancel_subscription|" + FIRST, customer, "cancel_subscription", SubscriptionId.of(FIRST)))
                .isEqualTo(new PortalTarget(PortalAction.CANCEL_SUBSCRIPTION, customer, SubscriptionId.of(FIRST)));
    }

    @Test
    void aSingleButtonWhoseRowNowHoldsAnotherSubscriptionIsRefused() {
        assertThatThrownBy(() -> ClickResolver.resolveButtonClick("cancel_subscription|" + FIRST, CUSTOMER, "cancel_subscription", SECOND))
                .isInstanceOf(RefusedClickException.class).hasMessage("the button's subscription is " + SECOND + " now, but the post named \"" + FIRST + "\"");
    }

    @Test
    void aSingleButtonPostWithoutItsSubscriptionIsRefused() {
        assertThatThrownBy(() -> ClickResolver.resolveButtonClick("cancel_subscription", CUSTOMER, "cancel_subscription", FIRST))
                .isInstanceOf(RefusedClickException.class).hasMessage("the button's subscription is " + FIRST + " now, but the post named \"\"");
    }

    @Test
    void aSingleButtonPostNamingAnotherActionIsRefused() {
        assertThatThrownBy(() -> ClickResolver.resolveButtonClick("cancel_subscription|" + FIRST, CUSTOMER, "update_payment_method", FIRST))
                .isInstanceOf(RefusedClickException.class).hasMessage("the post named \"cancel_subscription|" + FIRST + "\" but the button is"
                        + " update_subscription_payment_method");
    }

    @Test
    void anOverviewButtonPostCarryingASubscriptionIsRefused() {
        assertThatThrownBy(() -> ClickResolver.resolveButtonClick("overview|" + FIRST, CUSTOMER, "overview", null))
                .isInstanceOf(RefusedClickException.class).hasMessageContaining("for a button without subscription");
    }

    @Test
    void aSingleButtonWithoutUsableAttributesRefusesClicks() {
        assertThatThrownBy(() -> ClickResolver.resolveButtonClick("cancel_subscription|" + FIRST, CUSTOMER, "cancel_subscription", null))
                .isInstanceOf(RefusedClickException.class).hasMessageStartingWith("the subscription attribute is invalid:");
        assertThatThrownBy(() -> ClickResolver.resolveButtonClick("delete", CUSTOMER, "delete", null))
                .isInstanceOf(RefusedClickException.class).hasMessageStartingWith("the action attribute is invalid:");
    }
}
