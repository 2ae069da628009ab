package dev.portallinks.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event value types: validated at construction, no personal data in toString(), the qualifier as a value. */
class EventsTest {

    private static final Instant AT = Instant.parse("2024-04-12T10:18:49.621022Z");
    private static final SubscriptionSummary SUBSCRIPTION = new SubscriptionSummary(SubscriptionId.of("sub_01hv8x29kz0t586xy6zn1a62ny"),
            CustomerId.of("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), SubscriptionStatus.ACTIVE, null, "USD", List.of());

    @Test
    void everyKindMapsItsEventTypeAndNewTypesAreUnknown() {
        for (SubscriptionEvent.Kind kind : SubscriptionEvent.Kind.values()) {
            if (kind != SubscriptionEvent.Kind.UNKNOWN) {
                assertThat(SubscriptionEvent.Kind.fromEventType(kind.eventType())).isEqualTo(kind);
            }
        }
        assertThat(SubscriptionEvent.Kind.fromEventType("subscription.imported")).isEqualTo(SubscriptionEvent.Kind.UNKNOWN);
        assertThat(SubscriptionEvent.Kind.fromEventType(PaddleEventType.SUBSCRIPTION_PAST_DUE)).isEqualTo(SubscriptionEvent.Kind.PAST_DUE);
    }

    @Test
    void theEnvelopeIsRequired() {
        assertThatThrownBy(() -> new SubscriptionEvent(null, "subscription.updated", SubscriptionEvent.Kind.UPDATED, AT, null, false, SUBSCRIPTION, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new UnknownPaddleEvent("evt_1", " ", AT, null, false, "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventType");
        assertThatThrownBy(() -> new CustomerEvent("evt_1", "customer.updated", null, null, false, CustomerId.of("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"), null,
                null, null, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("occurredAt");
        assertThatThrownBy(() -> new TransactionEvent("evt_1", "transaction.completed", AT, null, false, "", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transactionId");
        assertThatThrownBy(() -> new SubscriptionEvent("evt_1", "subscription.updated", SubscriptionEvent.Kind.UPDATED, AT, null, false, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("subscription");
    }

    @Test
    void aCustomerEventShowsNoEmailOrNameInToString() {
        CustomerEvent event = new CustomerEvent("evt_1", "customer.updated", AT, "ntf_1", false, CustomerId.of("ctm_01hv6y1jedq4p1n0yqn5ba3ky4"),
                "jo@example.com", "Jo Brown", "active", AT);

        assertThat(event.toString()).contains("evt_1", "ctm_01hv6y1jedq4p1n0yqn5ba3ky4", "active").doesNotContain("jo@example.com", "Jo Brown");
    }

    @Test
    void theQualifierLiteralEqualsTheAnnotation() throws NoSuchMethodException {
        PaddleEventType annotation = Observed.class.getDeclaredMethod("canceled", SubscriptionEvent.class).getParameters()[0]
                .getAnnotation(PaddleEventType.class);

        assertThat(PaddleEventType.Literal.of(PaddleEventType.SUBSCRIPTION_CANCELED)).isEqualTo(annotation).hasSameHashCodeAs(annotation);
        assertThat(PaddleEventType.Literal.of("subscription.updated")).isNotEqualTo(annotation);
    }

    /** An observer method, for its annotation. */
    static final class Observed {
        void canceled(@PaddleEventType(PaddleEventType.SUBSCRIPTION_CANCELED) SubscriptionEvent event) {
            // only the annotation is read
        }
    }
}
