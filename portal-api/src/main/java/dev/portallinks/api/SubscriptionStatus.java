package dev.portallinks.api;

import java.util.Objects;

/** The status of a Paddle subscription, as listed by {@link PortalLinkService#listSubscriptions}. */
public enum SubscriptionStatus {

    /** Billed as usual. */
    ACTIVE("active"),
    /** Canceled; no longer billed. */
    CANCELED("canceled"),
    /** A payment failed; Paddle is retrying it. */
    PAST_DUE("past_due"),
    /** Paused; not billed until resumed. */
    PAUSED("paused"),
    /** In its trial period. */
    TRIALING("trialing"),
    /** A status this version of the library does not know yet (Paddle added one); never sent as a filter. */
    UNKNOWN("unknown");

    private final String paddleName;

    SubscriptionStatus(String paddleName) {
        this.paddleName = paddleName;
    }

    /**
     * Returns the status as Paddle writes it, e.g. {@code past_due}.
     *
     * @return the name, never null
     */
    public String paddleName() {
        return paddleName;
    }

    /**
     * Maps Paddle's name for a status; names added by Paddle later map to {@link #UNKNOWN} rather than failing
     * a whole listing.
     *
     * @param paddleName the name, not null
     * @return the status, never null
     */
    public static SubscriptionStatus fromPaddleName(String paddleName) {
        Objects.requireNonNull(paddleName, "subscription status must not be null");
        for (SubscriptionStatus status : values()) {
            if (status.paddleName.equals(paddleName)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
