package dev.portallinks.impl;

import dev.portallinks.api.Secrets;
import dev.portallinks.impl.cluster.ClusterSettings;
import dev.portallinks.impl.store.StoreSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration. Built by {@link PortalLinksConfig}; {@link #toString()} never shows the key.
 *
 * @param apiKey the API key
 * @param environment the Paddle environment the key belongs to
 * @param baseUrl where requests go: {@code paddle.base-url} or the environment's API URL
 * @param allowedOrigins the portal origins links may point to
 * @param fallbackUrl where the link helpers send customers when Paddle cannot be used, if configured
 * @param connectTimeout the HTTP connect timeout
 * @param readTimeout the HTTP read timeout
 * @param pageSize the page size for subscription listings
 * @param connection trust store, key store, hostname verifier and proxy for the HTTP client
 * @param readinessFollowsPaddle whether readiness is DOWN while the circuit to Paddle is open (opt-in)
 * @param linksPerCustomerPerMinute how many links one customer may ask for within any minute; 0: no limit
 * @param cluster where the rate-limit state lives: per instance, or shared through JCache
 * @param subscriptions when listings are served from the subscription store
 * @param notices what the configuration changed on its own, for a WARNING at start-up (e.g. a read timeout cut to
 *        the Fault Tolerance timeout)
 */
public record PortalLinksSettings(String apiKey, PaddleEnvironment environment, URI baseUrl, List<URI> allowedOrigins,
        Optional<URI> fallbackUrl, Duration connectTimeout, Duration readTimeout, int pageSize, ConnectionSettings connection,
        boolean readinessFollowsPaddle, int linksPerCustomerPerMinute, ClusterSettings cluster, StoreSettings subscriptions, List<String> notices) {

    /** Copies the list. */
    public PortalLinksSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        notices = List.copyOf(notices);
    }

    @Override
    public String toString() {
        return "PortalLinksSettings[apiKey=" + Secrets.REDACTED + ", environment=" + environment + ", baseUrl=" + baseUrl
                + ", allowedOrigins=" + allowedOrigins + ", fallbackUrl=" + fallbackUrl.map(Secrets::redact).orElse("none")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", pageSize=" + pageSize + ", connection=" + connection
                + ", readinessFollowsPaddle=" + readinessFollowsPaddle + ", linksPerCustomerPerMinute=" + linksPerCustomerPerMinute + ", cluster="
                + cluster.describe() + ", subscriptions=" + subscriptions + "]";
    }
}
