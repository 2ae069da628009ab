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
        CONFIGURATION
    }

    /**
     * The event for a request that an entry point's own check refused before the service was asked: the click or the
     * request named something the server-side state does not offer this customer.
     *
     * @param customer whose portal was asked for, not null
     * @param action the page asked for, or null when the request named none the server offers
     * @param subscription the subscription asked for, or null
     * @param entryPoint where it was asked for, not null
     * @return the event, refused now
     */
    public static PortalLinkRefused notPermitted(CustomerId customer, PortalAction action, SubscriptionId subscription, PortalEntryPoint entryPoint) {
        return new PortalLinkRefused(customer, action, subscription, Reason.NOT_PERMITTED, entryPoint, Instant.now());
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
