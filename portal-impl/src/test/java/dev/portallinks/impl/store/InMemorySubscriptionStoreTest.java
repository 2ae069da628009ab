package dev.portallinks.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionStore.CustomerSubscriptions;
import dev.portallinks.api.SubscriptionSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default store: listings, notifications by version, and its bound. */
class InMemorySubscriptionStoreTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final SubscriptionId FIRST = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId SECOND = SubscriptionId.of("sub_01hv8x29kz0t586xy6zn1a62ny");
    private static final Instant LISTED = Instant.parse("2026-12-07T10:00:00Z");

    private final InMemorySubscriptionStore store = new InMemorySubscriptionStore(2);

    private static SubscriptionSummary summary(SubscriptionId id, SubscriptionStatus status) {
        return summary(CUSTOMER, id, status);
    }

    private static SubscriptionSummary summary(CustomerId customer, SubscriptionId id, SubscriptionStatus status) {
        return new SubscriptionSummary(id, customer, status, null, "USD", List.of());
    }

    private List<SubscriptionStatus> statuses() {
        return store.find(CUSTOMER).orElseThrow().subscriptions().stream().map(SubscriptionSummary::status).toList();
    }

    @Test
    void aListingIsHeldAsListedWithItsTime() {
        store.putListing(CUSTOMER, List.of(summary(FIRST, SubscriptionStatus.ACTIVE), summary(SECOND, SubscriptionStatus.PAST_DUE)), LISTED);

        CustomerSubscriptions held = store.find(CUSTOMER).orElseThrow();
        assertThat(held.listedAt()).isEqualTo(LISTED);
        assertThat(held.subscriptions()).extracting(SubscriptionSummary::id).containsExactly(FIRST, SECOND);
    }

    @Test
    void aNotificationNewerThanTheListingChangesItAndAnOlderOneIsStale() {
        store.putListing(CUSTOMER, List.of(summary(FIRST, SubscriptionStatus.ACTIVE)), LISTED);

        assertThat(store.apply(summary(FIRST, SubscriptionStatus.CANCELED), LISTED.plusSeconds(5))).isTrue();
        assertThat(store.apply(summary(FIRST, SubscriptionStatus.PAST_DUE), LISTED.plusSeconds(2))).isFalse();
        assertThat(store.apply(summary(FIRST, SubscriptionStatus.PAUSED), LISTED.minusSeconds(1))).isFalse();

        assertThat(statuses()).containsExactly(SubscriptionStatus.CANCELED);
    }

    @Test
    void aListingDoesNotUndoANotificationThatOccurredAfterIt() {
        store.apply(summary(FIRST, SubscriptionStatus.CANCELED), LISTED.plusSeconds(5));
        store.apply(summary(SECOND, SubscriptionStatus.ACTIVE), LISTED.plusSeconds(6));

        store.putListing(CUSTOMER, List.of(summary(FIRST, SubscriptionStatus.ACTIVE)), LISTED);

        // FIRST keeps the later cancellation; SECOND, created after the listing was asked for, stays too.
        assertThat(statuses()).containsExactly(SubscriptionStatus.CANCELED, SubscriptionStatus.ACTIVE);
        assertThat(store.find(CUSTOMER).orElseThrow().listedAt()).isEqualTo(LISTED);
    }

    @Test
    void aListingReplacesNotificationsOlderThanItAndDropsWhatItNoLongerHolds() {
        store.apply(summary(FIRST, SubscriptionStatus.ACTIVE), LISTED.minusSeconds(60));
        store.apply(summary(SECOND, SubscriptionStatus.ACTIVE), LISTED.minusSeconds(60));

        store.putListing(CUSTOMER, List.of(summary(FIRST, SubscriptionStatus.PAST_DUE)), LISTED);

        assertThat(statuses()).containsExactly(SubscriptionStatus.PAST_DUE);
    }

    @Test
    void notificationsAloneDoNotMakeAListing() {
        store.apply(summary(FIRST, SubscriptionStatus.ACTIVE), LISTED);

        assertThat(store.find(CUSTOMER).orElseThrow().listed()).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedCustomerIsForgottenBeyondTheCapacity() {
        CustomerId second = CustomerId.of("ctm_01hv8x29kz0t586xy6zn1a62nz");
        CustomerId third = CustomerId.of("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");
        store.putListing(CUSTOMER, List.of(), LISTED);
        store.putListing(second, List.of(), LISTED);
        store.find(CUSTOMER);

        store.putListing(third, List.of(), LISTED);

        assertThat(store.find(CUSTOMER)).isPresent();
        assertThat(store.find(second)).isEmpty();
        assertThat(store.find(third)).isPresent();
    }
}
