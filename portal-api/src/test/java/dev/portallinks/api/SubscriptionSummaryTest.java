package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// Covers SubscriptionSummary: product names, the recurring subtotal, next billing date, copying and null checks.
class SubscriptionSummaryTest {

    private static final SubscriptionId ID = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01grnn4zta5a1mf02jjze7y2ys");
    private static final Instant NEXT = Instant.parse("2024-11-01T00:00:00Z");

    private static SubscriptionSummary summary(String currency, List<SubscriptionItem> items) {
        return new SubscriptionSummary(ID, CUSTOMER, SubscriptionStatus.ACTIVE, NEXT, currency, items);
    }

    private static SubscriptionItem recurring(String product, int quantity, long unitPrice, String currency) {
        return new SubscriptionItem(product, "Monthly", quantity, true, new Amount(unitPrice, currency));
    }

    private static SubscriptionItem oneTime(String product, int quantity, long unitPrice, String currency) {
        return new SubscriptionItem(product, "One-time", quantity, false, new Amount(unitPrice, currency));
    }

    @Test
    void keepsItsComponents() {
        List<SubscriptionItem> items = List.of(recurring("Pro", 1, 3000, "USD"));
        SubscriptionSummary summary = new SubscriptionSummary(ID, CUSTOMER, SubscriptionStatus.PAST_DUE, NEXT, "USD", items);

        assertThat(summary.id()).isEqualTo(ID);
        assertThat(summary.customer()).isEqualTo(CUSTOMER);
        assertThat(summary.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(summary.nextBilledAt()).isEqualTo(NEXT);
        assertThat(summary.currencyCode()).isEqualTo("USD");
        assertThat(summary.items()).isEqualTo(items);
    }

    @Test
    void productNamesAreDistinctInOrder() {
        SubscriptionSummary summary = summary("USD", List.of(
                recurring("Pro", 1, 3000, "USD"),
                recurring("Seats", 5, 1000, "USD"),
                oneTime("Pro", 1, 500, "USD"),
                oneTime("Onboarding", 1, 9900, "USD"),
                recurring("Seats", 2, 1000, "USD")));

        assertThat(summary.productNames()).containsExactly("Pro", "Seats", "Onboarding");
        assertThat(summary("USD", List.of()).productNames()).isEmpty();
    }

    @Test
    void recurringSubtotalSumsUnitPriceTimesQuantityOfRecurringItems() {
        SubscriptionSummary summary = summary("USD", List.of(
                recurring("Pro", 1, 3000, "USD"),
                recurring("Seats", 5, 1000, "USD"),
                oneTime("Onboarding", 1, 9900, "USD"),
                recurring("Storage", 0, 700, "USD")));

        assertThat(summary.recurringSubtotal()).contains(new Amount(8000, "USD"));
    }

    @Test
    void recurringSubtotalIsZeroWithoutRecurringItems() {
        assertThat(summary("EUR", List.of()).recurringSubtotal()).contains(new Amount(0, "EUR"));
        assertThat(summary("EUR", List.of(oneTime("Setup", 1, 500, "EUR"))).recurringSubtotal()).contains(new Amount(0, "EUR"));
    }

    @Test
    void recurringSubtotalIsEmptyWhenARecurringItemHasNoPrice() {
        SubscriptionSummary summary = summary("USD", List.of(
                recurring("Pro", 1, 3000, "USD"),
                new SubscriptionItem("Seats", null, 2, true, null)));

        assertThat(summary.recurringSubtotal()).isEmpty();
    }

    @Test
    void recurringSubtotalIsEmptyWhenARecurringItemHasAnotherCurrency() {
        SubscriptionSummary summary = summary("USD", List.of(
                recurring("Pro", 1, 3000, "USD"),
                recurring("Seats", 2, 900, "EUR")));

        assertThat(summary.recurringSubtotal()).isEmpty();
    }

    @Test
    void oneTimeItemsWithoutPriceOrInAnotherCurrencyDoNotMatter() {
        SubscriptionSummary summary = summary("USD", List.of(
                recurring("Pro", 2, 3000, "USD"),
                new SubscriptionItem("Setup", null, 1, false, null),
                oneTime("Import", 1, 900, "EUR")));

        assertThat(summary.recurringSubtotal()).contains(new Amount(6000, "USD"));
    }

    @Test
    void recurringSubtotalOverflowIsNotSilent() {
        SubscriptionSummary summary = summary("USD", List.of(recurring("Huge", 2, Long.MAX_VALUE / 2 + 1, "USD")));

        assertThatThrownBy(summary::recurringSubtotal).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void nextBillingIsPresentOnlyWhenBilledAgain() {
        assertThat(summary("USD", List.of()).nextBilling()).contains(NEXT);
        assertThat(new SubscriptionSummary(ID, CUSTOMER, SubscriptionStatus.CANCELED, null, "USD", List.of()).nextBilling()).isEmpty();
    }

    @Test
    void itemsAreCopiedAndUnmodifiable() {
        List<SubscriptionItem> source = new ArrayList<>(List.of(recurring("Pro", 1, 3000, "USD")));

        SubscriptionSummary summary = summary("USD", source);
        source.add(recurring("Seats", 1, 1000, "USD"));

        assertThat(summary.items()).extracting(SubscriptionItem::productName).containsExactly("Pro");
        assertThatThrownBy(() -> summary.items().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNullsNamingTheField() {
        List<SubscriptionItem> items = List.of();
        SubscriptionStatus active = SubscriptionStatus.ACTIVE;

        assertThatThrownBy(() -> new SubscriptionSummary(null, CUSTOMER, active, NEXT, "USD", items)).hasMessage("id must not be null");
        assertThatThrownBy(() -> new SubscriptionSummary(ID, null, active, NEXT, "USD", items)).hasMessage("customer must not be null");
        assertThatThrownBy(() -> new SubscriptionSummary(ID, CUSTOMER, null, NEXT, "USD", items)).hasMessage("status must not be null");
        assertThatThrownBy(() -> new SubscriptionSummary(ID, CUSTOMER, active, NEXT, null, items)).hasMessageStartingWith("currencyCode must not be null");
        assertThatThrownBy(() -> new SubscriptionSummary(ID, CUSTOMER, active, NEXT, "USD", null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("items must not be null");
    }

    @Test
    void rejectsAMalformedCurrencyCodeNamingTheField() {
        assertThatThrownBy(() -> new SubscriptionSummary(ID, CUSTOMER, SubscriptionStatus.ACTIVE, NEXT, "euro", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currencyCode")
                .hasMessageContaining("euro");
    }

    @Test
    void withoutAScheduledChangeNothingIsPending() {
        SubscriptionSummary summary = summary("USD", List.of());

        assertThat(summary.scheduledChange()).isNull();
        assertThat(summary.pendingChange()).isEmpty();
        assertThat(summary.cancellationScheduled()).isFalse();
    }

    @Test
    void aScheduledCancellationIsPendingWithItsDate() {
        ScheduledChange cancel = new ScheduledChange(ScheduledChange.Action.CANCEL, NEXT);

        SubscriptionSummary summary = new SubscriptionSummary(ID, CUSTOMER, SubscriptionStatus.ACTIVE, NEXT, "USD", List.of(), cancel);

        assertThat(summary.pendingChange()).contains(cancel);
        assertThat(summary.cancellationScheduled()).isTrue();
    }

    @Test
    void aScheduledPauseIsNotACancellation() {
        SubscriptionSummary summary = new SubscriptionSummary(ID, CUSTOMER, SubscriptionStatus.ACTIVE, NEXT, "USD", List.of(),
                new ScheduledChange(ScheduledChange.Action.PAUSE, NEXT));

        assertThat(summary.cancellationScheduled()).isFalse();
    }

    @Test
    void aScheduledChangeNeedsItsActionAndDate() {
        assertThatThrownBy(() -> new ScheduledChange(null, NEXT)).hasMessage("action must not be null");
        assertThatThrownBy(() -> new ScheduledChange(ScheduledChange.Action.CANCEL, null)).hasMessage("effectiveAt must not be null");
    }

    @Test
    void scheduledChangeActionsMapFromPaddlesNamesAndUnknownOnesDoNotFail() {
        assertThat(ScheduledChange.Action.fromPaddleName("cancel")).isEqualTo(ScheduledChange.Action.CANCEL);
        assertThat(ScheduledChange.Action.fromPaddleName("pause")).isEqualTo(ScheduledChange.Action.PAUSE);
        assertThat(ScheduledChange.Action.fromPaddleName("resume")).isEqualTo(ScheduledChange.Action.RESUME);
        assertThat(ScheduledChange.Action.fromPaddleName("upgrade")).isEqualTo(ScheduledChange.Action.UNKNOWN);
    }
}
