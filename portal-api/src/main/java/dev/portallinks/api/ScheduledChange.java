package dev.portallinks.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A change Paddle has scheduled for a subscription (its {@code scheduled_change}): for example a cancellation that
 * takes effect at the end of the billing period. Immutable, serializable and thread-safe.
 *
 * @param action what will happen, not null
 * @param effectiveAt when it takes effect, not null
 */
public record ScheduledChange(Action action, Instant effectiveAt) implements java.io.Serializable {

    /** What Paddle will do. */
    public enum Action {
        /** The subscription will be canceled. */
        CANCEL("cancel"),
        /** The subscription will be paused. */
        PAUSE("pause"),
        /** The subscription will be resumed. */
        RESUME("resume"),
        /** An action this version of the library does not know yet (Paddle added one). */
        UNKNOWN("unknown");

        private final String paddleName;

        Action(String paddleName) {
            this.paddleName = paddleName;
        }

        /** @return the action as Paddle writes it, e.g. {@code cancel}; never null */
        public String paddleName() {
            return paddleName;
        }

        /**
         * Maps Paddle's name for an action; names added later map to {@link #UNKNOWN} rather than failing a listing.
         *
         * @param paddleName the name, not null
         * @return the action, never null
         */
        public static Action fromPaddleName(String paddleName) {
            Objects.requireNonNull(paddleName, "scheduled change action must not be null");
            for (Action action : values()) {
                if (action.paddleName.equals(paddleName)) {
                    return action;
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * Validates the change.
     *
     * @throws NullPointerException naming a missing field
     */
    public ScheduledChange {
        Validation.requireNonNull("action", action);
        Validation.requireNonNull("effectiveAt", effectiveAt);
    }

    /** @return whether the subscription is set to be canceled */
    public boolean isCancellation() {
        return action == Action.CANCEL;
    }
}
