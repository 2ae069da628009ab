package dev.portallinks.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit event: a customer asked for a portal link and got none. Fired as a CDI event, synchronously and
 * asynchronously, by the same entry points as {@link PortalLinkIssued}, with the reason. When the fallback URL stood
 * in for a failure, {@link PortalLinkIssued} with {@code fallback} is fired instead.
 *
 * <p>Only what the server knows goes in: the customer from the server-side state, and the action and subscription
 * only when they were valid values (a tampered request's text never reaches the event). Immutable, serializable,
 * thread-safe, free of secrets.
 *
 * @param customer whose portal was asked for, not null
 * @param action the page asked for, or null when the request named none the server offers
 * @param subscription the subscription asked for, or null
 * @param reason why, not null
 * @param entryPoint where it was asked for, not null
 * @param refusedAt when, not null
 */
public record PortalLinkRefused(CustomerId customer, PortalAction action, SubscriptionId subscription, Reason reason, PortalEntryPoint entryPoint,
        Instant refusedAt) implements PortalAuditEvent {

    /** Why no link was handed out. */
    public enum Reason {
        /** The request named something the server-side state does not offer this customer (a tampered or stale click). */
        NOT_PERMITTED,
        /** The customer asked for too many links within a minute ({@link CustomerLinkLimitException}). */
        CUSTOMER_LIMIT,
        /** Paddle refused the request ({@link PaddleRequestRefusedException}). */
        PADDLE_REFUSED,
        /** Paddle's rate limit was in force ({@link PaddleRateLimitedException}). */
        PADDLE_RATE_LIMITED,
        /** Paddle could not be used ({@link PaddleUnavailableException}). */
        PADDLE_UNAVAILABLE,
        /** Paddle's answer failed the checks ({@link UnexpectedPaddleResponseException}). */
        UNEXPECTED_ANSWER,
        /** The library is not configured correctly ({@link PortalConfigurationException}). */
        CONFIGURATION;

        /**
         * @param failure what the service threw
         * @return the reason it stands for
         */
        public static Reason of(PortalLinkException failure) {
            Objects.requireNonNull(failure, "failure must not be null");
            if (failure instanceof CustomerLinkLimitException) {
                return CUSTOMER_LIMIT;
            }
            if (failure instanceof PaddleRateLimitedException) {
                return PADDLE_RATE_LIMITED;
            }
            if (failure instanceof PaddleRequestRefusedException) {
                return PADDLE_REFUSED;
            }
            if (failure instanceof PaddleUnavailableException) {
                return PADDLE_UNAVAILABLE;
            }
            if (failure instanceof PortalConfigurationException) {
                return CONFIGURATION;
            }
            return UNEXPECTED_ANSWER;
        }
    }

    /**
     * Validates the event.
     *
     * @throws NullPointerException naming a missing field
     */
    public PortalLinkRefused {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(entryPoint, "entryPoint must not be null");
        Objects.requireNonNull(refusedAt, "refusedAt must not be null");
    }
}
