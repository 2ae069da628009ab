package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

// The resolver's answer: validated, copied, immutable, and the ownership question it answers.
class PortalCustomerTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final SubscriptionId FIRST = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId SECOND = SubscriptionId.of("sub_01h7zcgmdc6tmwtjehp3sh7azf");

    @Test
    void mayManageExactlyTheSubscriptionsItWasGiven() {
        PortalCustomer customer = PortalCustomer.of(CUSTOMER, FIRST);

        assertThat(customer.mayManage(FIRST)).isTrue();
        assertThat(customer.mayManage(SECOND)).isFalse();
        assertThat(PortalCustomer.of(CUSTOMER).mayManage(FIRST)).isFalse();
    }

    @Test
    void keepsTheGivenOrderAndCollapsesDuplicates() {
        assertThat(PortalCustomer.of(CUSTOMER, List.of(SECOND, FIRST, SECOND)).subscriptions()).containsExactly(SECOND, FIRST);
    }

    @Test
    void isACopyThatCannotBeChanged() {
        Set<SubscriptionId> given = new HashSet<>(Set.of(FIRST));
        PortalCustomer customer = new PortalCustomer(CUSTOMER, given);
        given.add(SECOND);

        assertThat(customer.subscriptions()).containsExactly(FIRST);
        assertThatThrownBy(() -> customer.subscriptions().add(SECOND)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesMissingValuesNamingThem() {
        assertThatThrownBy(() -> PortalCustomer.of(null, FIRST)).isInstanceOf(NullPointerException.class).hasMessageContaining("customer");
        assertThatThrownBy(() -> new PortalCustomer(CUSTOMER, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("subscriptions");
        assertThatThrownBy(() -> PortalCustomer.of(CUSTOMER, Arrays.asList(FIRST, null))).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("must not contain null");
        assertThatThrownBy(() -> PortalCustomer.of(CUSTOMER, FIRST).mayManage(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalsByValueAndSurvivesSerialization() throws Exception {
        PortalCustomer customer = PortalCustomer.of(CUSTOMER, FIRST, SECOND);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(customer);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(customer).isEqualTo(new PortalCustomer(CUSTOMER, Set.of(SECOND, FIRST)));
        }
    }
}
