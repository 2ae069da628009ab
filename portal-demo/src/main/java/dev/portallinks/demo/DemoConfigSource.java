package dev.portallinks.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults that point Portal Links at the embedded Paddle simulator when no API key is configured.
 *
 * <p>Only when neither the environment variable {@code PADDLE_API_KEY} nor the system property
 * {@code paddle.api-key} is set, it supplies the simulator's key, base URL, customer, and adds the simulator's
 * origin to the allowed portal origins. Its ordinal ({@value #ORDINAL}) is below every standard source, so
 * anything the user configures wins; with a real key it supplies nothing and the library's allow-list stays
 * Paddle's own.
 */
public final class DemoConfigSource implements ConfigSource {

    /** Below system properties (400), environment (300) and microprofile-config.properties (100). */
    static final int ORDINAL = 50;

    /** The key the simulator accepts; it is not a secret and works nowhere else. */
    public static final String SIMULATOR_KEY = "pdl_sdbx_apikey_01jdemosimulatorkey0000000_localonly";

    /**
     * The secret the embedded simulator signs its notifications with and the demo's receiver checks them against
     * (Paddle's form, {@code pdl_ntfset_…}); like {@link #SIMULATOR_KEY} it is not a secret and works nowhere else.
     */
    public static final String SIMULATOR_WEBHOOK_SECRET = "pdl_ntfset_01jdemowebhooksecret000000_localOnlyDemoSecret0000";

    /** Where the demo's receiver of Paddle's notifications answers (portal-webhooks' default path). */
    public static final String WEBHOOKS_PATH = "/paddle/webhooks";

    /** The simulated customer. */
    public static final String SIMULATED_CUSTOMER = "ctm_01jdemosimulatedcustomer00";

    private final Map<String, String> properties;

    /** Decides once, at start-up, whether the simulator is in use. */
    public DemoConfigSource() {
        this(System.getenv(), System.getProperties().stringPropertyNames().contains("paddle.api-key"));
    }

    DemoConfigSource(Map<String, String> environment, boolean keySystemProperty) {
        Map<String, String> defaults = new HashMap<>();
        boolean simulator = !keySystemProperty && isBlank(environment.get("PADDLE_API_KEY"));
        defaults.put("portal.demo.simulator", String.valueOf(simulator));
        if (simulator) {
            String origin = simulatorOrigin(environment);
            defaults.put("paddle.api-key", SIMULATOR_KEY);
            defaults.put("paddle.base-url", origin + "/simulator");
            defaults.put("paddle.portal.allowed-origins", "https://customer-portal.paddle.com,https://sandbox-customer-portal.paddle.com," + origin);
            defaults.put("portal.demo.customer-id", SIMULATED_CUSTOMER);
            // The simulator's portal notifies the demo's receiver, which keeps the billing page current without listing.
            defaults.put("paddle.webhooks.secrets", SIMULATOR_WEBHOOK_SECRET);
        }
        this.properties = Map.copyOf(defaults);
    }

    /**
     * The demo's own origin, where the embedded simulator answers and its notifications are sent.
     *
     * @param environment the environment variables
     * @return {@code http://localhost:<HTTP_PORT>}
     */
    public static String simulatorOrigin(Map<String, String> environment) {
        return "http://localhost:" + environment.getOrDefault("HTTP_PORT", "9080");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "portal-demo-simulator-defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
