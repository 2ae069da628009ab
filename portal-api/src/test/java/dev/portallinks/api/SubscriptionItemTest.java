package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

// Covers SubscriptionItem: its components, the required product name and the non-negative quantity.
class SubscriptionItemTest {

    @Test
    void keepsItsComponents() {
        SubscriptionItem item = new SubscriptionItem("Pro", "Monthly (per seat)", 3, true, new Amount(1000, "USD"));

        assertThat(item.productName()).isEqualTo("Pro");
        assertThat(item.priceName()).isEqualTo("Monthly (per seat)");
        assertThat(item.quantity()).isEqualTo(3);
        assertThat(item.recurring()).isTrue();
        assertThat(item.unitPrice()).isEqualTo(new Amount(1000, "USD"));
    }

    @Test
    void priceNameUnitPriceMayBeNullAndQuantityZero() {
        SubscriptionItem item = new SubscriptionItem("Setup", null, 0, false, null);

        assertThat(item.priceName()).isNull();
        assertThat(item.unitPrice()).isNull();
        assertThat(item.quantity()).isZero();
    }

    @Test
    void rejectsMissingProductName() {
        assertThatThrownBy(() -> new SubscriptionItem(null, "Monthly", 1, true, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("productName must not be null");
    }

    @Test
    void rejectsNegativeQuantity() {
        assertThatThrownBy(() -> new SubscriptionItem("Pro", "Monthly", -1, true, null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity -1 is negative");
    }
}
