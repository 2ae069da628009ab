package dev.portallinks.impl.store;

import dev.portallinks.api.PortalConfigurationException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * When {@link dev.portallinks.api.PortalLinkService#listSubscriptions} is served from the
 * {@link dev.portallinks.api.SubscriptionStore} instead of Paddle.
 *
 * <ul>
 * <li>{@value #MAX_AGE} ({@code PADDLE_SUBSCRIPTIONS_MAX_AGE_SECONDS}): a customer's listing is served from the store
 * for this long after it was listed, kept current by Paddle's notifications meanwhile. Default
 * {@value #DEFAULT_MAX_AGE_WITH_NOTIFICATIONS} s when notifications are received ({@value #WEBHOOK_SECRETS} is set), else 0:
 * without notifications a kept listing cannot learn that the customer cancelled in the portal.</li>
 * <li>{@value #MIN_LISTING_INTERVAL} ({@code PADDLE_SUBSCRIPTIONS_MIN_LISTING_INTERVAL_SECONDS}): the per-customer limit of
 * listings. A customer is listed from Paddle at most once per this interval; within it the last listing is served,
 * whatever the maximum age. Default {@value #DEFAULT_MIN_LISTING_INTERVAL} s (at most 10 listings a minute per customer);
 * 0 turns the limit off.</li>
 * </ul>
 *
 * @param maxAge how long a listing is served from the store; zero: never by age
 * @param minListingInterval the shortest time between two listings of one customer from Paddle; zero: no limit
 */
public record StoreSettings(Duration maxAge, Duration minListingInterval) {

    /** How long a customer's listing is served from the store, in seconds. */
    public static final String MAX_AGE = "paddle.subscriptions.max-age-seconds";
    /** The shortest time between two listings of one customer from Paddle, in seconds. */
    public static final String MIN_LISTING_INTERVAL = "paddle.subscriptions.min-listing-interval-seconds";
    /** Set when the application receives Paddle's notifications ({@code portal-webhooks}). */
    static final String WEBHOOK_SECRETS = "paddle.webhooks.secrets";
    /** The environment variable portal-webhooks reads for {@link #WEBHOOK_SECRETS} besides MicroProfile Config's own mapping. */
    static final String WEBHOOK_SECRETS_ENV = "PADDLE_WEBHOOK_SECRETS";

    static final int DEFAULT_MAX_AGE_WITH_NOTIFICATIONS = 3600;
    static final int DEFAULT_MIN_LISTING_INTERVAL = 6;
    private static final int MAX_SECONDS = 7 * 24 * 3600;

    /**
     * Reads the settings.
     *
     * @param lookup the configuration: a property's value, if set
     * @return the settings
     * @throws PortalConfigurationException naming the property whose value is not a whole number of seconds in range
     */
    public static StoreSettings read(Function<String, Optional<String>> lookup) {
        boolean notified = value(lookup, WEBHOOK_SECRETS).or(() -> value(lookup, WEBHOOK_SECRETS_ENV)).isPresent();
        int maxAge = seconds(lookup, MAX_AGE, notified ? DEFAULT_MAX_AGE_WITH_NOTIFICATIONS : 0, "PADDLE_SUBSCRIPTIONS_MAX_AGE_SECONDS");
        int interval = seconds(lookup, MIN_LISTING_INTERVAL, DEFAULT_MIN_LISTING_INTERVAL, "PADDLE_SUBSCRIPTIONS_MIN_LISTING_INTERVAL_SECONDS");
        return new StoreSettings(Duration.ofSeconds(maxAge), Duration.ofSeconds(interval));
    }

    private static Optional<String> value(Function<String, Optional<String>> lookup, String property) {
        return lookup.apply(property).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static int seconds(Function<String, Optional<String>> lookup, String property, int fallback, String environmentVariable) {
        Optional<String> configured = value(lookup, property);
        if (configured.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(configured.get());
            if (parsed >= 0 && parsed <= MAX_SECONDS) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        String shown = configured.get().length() > 20 ? configured.get().substring(0, 20) + "…" : configured.get();
        throw new PortalConfigurationException(property, "\"" + shown + "\" is not a whole number of seconds from 0 to " + MAX_SECONDS + " ("
                + environmentVariable + ")");
    }
}
