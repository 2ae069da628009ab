package dev.portallinks.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * This customer asked for more portal links within one minute than the application allows
 * ({@code paddle.portal.links-per-customer-per-minute}, 20 unless configured); no request was sent to Paddle.
 *
 * <p>A person clicks a billing button a few times a minute. Far more means a script replaying a click, and each
 * such click would create a Paddle session, take a place in the bulkhead and bring Paddle's rate limit closer for
 * every other customer. The limit is per customer, so other customers are not affected. Unlike
 * {@link PaddleRateLimitedException} (Paddle's own limit, which holds for the whole application), this one is about
 * this customer only: tell them to try again after {@link #retryAt()}. The link helpers do not send this customer
 * to the fallback URL.
 */
public final class CustomerLinkLimitException extends PortalLinkException {

    private static final long serialVersionUID = 1L;

    private final CustomerId customer;
    private final int limitPerMinute;
    private final Instant retryAt;
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param customer the customer who asked too often, not null
     * @param limitPerMinute the configured limit, at least 1
     * @param retryAfter how long until the customer's oldest link in the last minute leaves the window, not negative
     * @param retryAt when the next link will be allowed, not null
     */
    public CustomerLinkLimitException(CustomerId customer, int limitPerMinute, Duration retryAfter, Instant retryAt) {
        super("Customer " + Objects.requireNonNull(customer, "customer must not be null").value() + " asked for more than "
                + limitPerMinute + " portal links within a minute (paddle.portal.links-per-customer-per-minute); no request was sent"
                + " to Paddle. Tell the customer to try again after " + Objects.requireNonNull(retryAt, "retryAt must not be null"), null, null);
        if (limitPerMinute < 1) {
            throw new IllegalArgumentException("limitPerMinute must be at least 1, not " + limitPerMinute);
        }
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, not " + retryAfter);
        }
        this.customer = customer;
        this.limitPerMinute = limitPerMinute;
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
    }

    /** @return the customer whose links were refused, never null */
    public CustomerId customer() {
        return customer;
    }

    /** @return the configured number of links a customer may ask for within any minute */
    public int limitPerMinute() {
        return limitPerMinute;
    }

    /** @return how long the customer has to wait, never null or negative */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return when the customer's next link will be allowed, never null */
    public Instant retryAt() {
        return retryAt;
    }

    /** {@inheritDoc} The customer asked too fast: nothing was sent. */
    @Override
    public boolean rejectedWithoutCallingPaddle() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link PortalLinkRefused.Reason#CUSTOMER_LIMIT}
     */
    @Override
    public PortalLinkRefused.Reason refusalReason() {
        return PortalLinkRefused.Reason.CUSTOMER_LIMIT;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@link #retryAt()}
     */
    @Override
    public Optional<Instant> tryAgainAt() {
        return Optional.of(retryAt());
    }
}
