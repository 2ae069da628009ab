package dev.portallinks.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A notification {@link PaddleSimulator#notify(NotificationSpec)} sends on demand, about one subscription the simulator
 * knows, and how it misbehaves: for the tests of a receiver. The notification's {@code data} is the subscription as
 * the simulator holds it when it is sent (the entity of {@code GET /subscriptions}, {@code scheduled_change} included).
 * Immutable and thread-safe; each method returns a changed copy.
 *
 * <pre>
 * paddle.notify(NotificationSpec.subscriptionUpdated(SUBSCRIPTION));                         // signed, dated now
 * paddle.notify(NotificationSpec.subscriptionUpdated(SUBSCRIPTION).duplicate());             // the same event twice
 * paddle.notify(NotificationSpec.subscription("subscription.past_due", SUBSCRIPTION)
 *         .occurredAt(Instant.parse("2030-01-01T00:00:00Z")).badSignature());
 * paddle.notify(NotificationSpec.subscriptionUpdated(SUBSCRIPTION).staleBy(Duration.ofSeconds(30)));
 * </pre>
 * Out of order with different states: send the newer state first, then change the subscription back and send the older
 * one with an earlier {@link #occurredAt}; {@link #outOfOrder()} does it in one call with the same state.
 */
public final class NotificationSpec {

    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z][a-z_]*\\.[a-z][a-z_]*$");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("^sub_[a-z\\d]{26}$");
    private static final Pattern EVENT_ID = Pattern.compile("^evt_[a-z\\d]{26}$");

    private final String eventType;
    private final String subscriptionId;
    private final Instant occurredAt;
    private final String eventId;
    private final boolean duplicate;
    private final boolean outOfOrder;
    private final boolean badSignature;
    private final Duration timestampShift;

    private NotificationSpec(String eventType, String subscriptionId, Instant occurredAt, String eventId, boolean duplicate, boolean outOfOrder,
            boolean badSignature, Duration timestampShift) {
        this.eventType = eventType;
        this.subscriptionId = subscriptionId;
        this.occurredAt = occurredAt;
        this.eventId = eventId;
        this.duplicate = duplicate;
        this.outOfOrder = outOfOrder;
        this.badSignature = badSignature;
        this.timestampShift = timestampShift;
    }

    /**
     * @param subscriptionId the subscription, {@code sub_…}
     * @return a {@code subscription.updated} notification, signed, dated by the simulator's clock
     */
    public static NotificationSpec subscriptionUpdated(String subscriptionId) {
        return subscription("subscription.updated", subscriptionId);
    }

    /**
     * @param eventType any event type whose {@code data} is a subscription: {@code subscription.created},
     *        {@code …activated}, {@code …trialing}, {@code …past_due}, {@code …paused}, {@code …resumed},
     *        {@code …canceled}, or one Paddle may add (for a receiver's test of unknown types)
     * @param subscriptionId the subscription, {@code sub_…}
     * @return that notification, signed, dated by the simulator's clock
     */
    public static NotificationSpec subscription(String eventType, String subscriptionId) {
        if (!EVENT_TYPE.matcher(Objects.requireNonNull(eventType, "eventType")).matches()) {
            throw new IllegalArgumentException("an event type matches " + EVENT_TYPE.pattern() + ", e.g. subscription.updated; \"" + eventType
                    + "\" does not");
        }
        if (!SUBSCRIPTION_ID.matcher(Objects.requireNonNull(subscriptionId, "subscriptionId")).matches()) {
            throw new IllegalArgumentException("a Paddle subscription ID matches " + SUBSCRIPTION_ID.pattern() + "; \"" + subscriptionId + "\" does not");
        }
        return new NotificationSpec(eventType, subscriptionId, null, null, false, false, false, Duration.ZERO);
    }

    /**
     * @param when the {@code occurred_at}; Paddle writes micro-seconds, finer digits are dropped
     * @return a copy dated then, instead of by the simulator's clock at sending
     */
    public NotificationSpec occurredAt(Instant when) {
        return new NotificationSpec(eventType, subscriptionId, Objects.requireNonNull(when, "when"), eventId, duplicate, outOfOrder, badSignature,
                timestampShift);
    }

    /**
     * @param id the {@code event_id}, {@code evt_} and 26 lower-case letters or digits: e.g. one a receiver has seen
     *        already, sent again as a new notification
     * @return a copy with that event ID, instead of a new one
     */
    public NotificationSpec eventId(String id) {
        if (!EVENT_ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("a Paddle event ID matches " + EVENT_ID.pattern() + "; \"" + id + "\" does not");
        }
        return new NotificationSpec(eventType, subscriptionId, occurredAt, id, duplicate, outOfOrder, badSignature, timestampShift);
    }

    /**
     * At-least-once delivery: the notification is delivered twice, byte for byte the same body (the same
     * {@code event_id} and {@code notification_id}, as Paddle's retries), each delivery signed anew.
     *
     * @return a copy delivered twice
     */
    public NotificationSpec duplicate() {
        return new NotificationSpec(eventType, subscriptionId, occurredAt, eventId, true, outOfOrder, badSignature, timestampShift);
    }

    /**
     * Out-of-order delivery: a newer copy is delivered first (its own {@code event_id} and {@code notification_id},
     * {@code occurred_at} one second later, the same {@code data}), then this one, older than what the receiver knows.
     *
     * @return a copy that arrives after a newer one
     */
    public NotificationSpec outOfOrder() {
        return new NotificationSpec(eventType, subscriptionId, occurredAt, eventId, duplicate, true, badSignature, timestampShift);
    }

    /** @return a copy whose {@code h1} is computed with another secret than the simulator's: a receiver must refuse it */
    public NotificationSpec badSignature() {
        return new NotificationSpec(eventType, subscriptionId, occurredAt, eventId, duplicate, outOfOrder, true, timestampShift);
    }

    /**
     * @param age how long before the simulator's clock the signature's {@code ts} lies; positive, whole seconds count
     * @return a copy with that stale timestamp (correctly signed)
     */
    public NotificationSpec staleBy(Duration age) {
        return new NotificationSpec(eventType, subscriptionId, occurredAt, eventId, duplicate, outOfOrder, badSignature, positive(age).negated());
    }

    /**
     * @param ahead how long after the simulator's clock the signature's {@code ts} lies; positive, whole seconds count
     * @return a copy with that timestamp in the future (correctly signed)
     */
    public NotificationSpec futureBy(Duration ahead) {
        return new NotificationSpec(eventType, subscriptionId, occurredAt, eventId, duplicate, outOfOrder, badSignature, positive(ahead));
    }

    private static Duration positive(Duration duration) {
        if (Objects.requireNonNull(duration, "duration").isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive, not " + duration);
        }
        return duration;
    }

    // ----------------------------------------------------------------------------------- For the simulator

    String eventType() {
        return eventType;
    }

    String subscriptionId() {
        return subscriptionId;
    }

    /** @return the {@code occurred_at}, or null for the clock at sending */
    Instant fixedOccurredAt() {
        return occurredAt;
    }

    /** @return the {@code event_id}, or null for a new one */
    String fixedEventId() {
        return eventId;
    }

    boolean isDuplicate() {
        return duplicate;
    }

    boolean isOutOfOrder() {
        return outOfOrder;
    }

    boolean isBadlySigned() {
        return badSignature;
    }

    /** @return how far the signature's {@code ts} is from the clock: negative is stale, positive in the future */
    Duration timestampShift() {
        return timestampShift;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotificationSpec that && eventType.equals(that.eventType) && subscriptionId.equals(that.subscriptionId)
                && Objects.equals(occurredAt, that.occurredAt) && Objects.equals(eventId, that.eventId) && duplicate == that.duplicate
                && outOfOrder == that.outOfOrder && badSignature == that.badSignature && timestampShift.equals(that.timestampShift);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventType, subscriptionId, occurredAt, eventId, duplicate, outOfOrder, badSignature, timestampShift);
    }

    @Override
    public String toString() {
        return "NotificationSpec[" + eventType + " " + subscriptionId + (occurredAt == null ? "" : " occurredAt=" + occurredAt)
                + (eventId == null ? "" : " eventId=" + eventId) + (duplicate ? " duplicate" : "") + (outOfOrder ? " outOfOrder" : "")
                + (badSignature ? " badSignature" : "") + (timestampShift.isZero() ? "" : " timestampShift=" + timestampShift) + "]";
    }
}
