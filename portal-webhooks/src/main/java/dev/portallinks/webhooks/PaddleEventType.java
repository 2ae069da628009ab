package dev.portallinks.webhooks;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * The CDI qualifier every notification is fired with: Paddle's {@code event_type}. An observer that names it gets only
 * that type; one without it gets every event of its parameter's type:
 *
 * <pre>{@code
 * void canceled(@Observes @PaddleEventType(PaddleEventType.SUBSCRIPTION_CANCELED) SubscriptionEvent event) { ... }
 * void anySubscriptionChange(@Observes SubscriptionEvent event) { ... }
 * void everything(@ObservesAsync PaddleNotification notification) { ... }
 * }</pre>
 *
 * <p>Any string Paddle sends is a valid value, so an application can observe an event type this library does not know
 * (it arrives as an {@link UnknownPaddleEvent}).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface PaddleEventType {

    /** {@value}. */
    String SUBSCRIPTION_CREATED = "subscription.created";
    /** {@value}. */
    String SUBSCRIPTION_UPDATED = "subscription.updated";
    /** {@value}. */
    String SUBSCRIPTION_ACTIVATED = "subscription.activated";
    /** {@value}. */
    String SUBSCRIPTION_TRIALING = "subscription.trialing";
    /** {@value}. */
    String SUBSCRIPTION_PAST_DUE = "subscription.past_due";
    /** {@value}. */
    String SUBSCRIPTION_PAUSED = "subscription.paused";
    /** {@value}. */
    String SUBSCRIPTION_RESUMED = "subscription.resumed";
    /** {@value}. */
    String SUBSCRIPTION_CANCELED = "subscription.canceled";
    /** {@value}. */
    String CUSTOMER_CREATED = "customer.created";
    /** {@value}. */
    String CUSTOMER_UPDATED = "customer.updated";
    /** {@value}. */
    String TRANSACTION_COMPLETED = "transaction.completed";

    /**
     * The event type, as Paddle writes it.
     *
     * @return e.g. {@code subscription.canceled}
     */
    String value();

    /** The qualifier as a value, for {@code Event.select} and {@code Instance.select}. */
    final class Literal extends AnnotationLiteral<PaddleEventType> implements PaddleEventType {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * Returns the qualifier for an event type.
         *
         * @param eventType the type, not null
         * @return the qualifier, never null
         */
        public static Literal of(String eventType) {
            return new Literal(Objects.requireNonNull(eventType, "eventType must not be null"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
