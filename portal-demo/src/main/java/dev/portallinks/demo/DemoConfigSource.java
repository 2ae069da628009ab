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
            String origin = "http://localhost:" + environment.getOrDefault("HTTP_PORT", "9080");
            defaults.put("paddle.api-key", SIMULATOR_KEY);
            defaults.put("paddle.base-url", origin + "/simulator");
            defaults.put("paddle.portal.allowed-origins", "https://customer-portal.paddle.com,https://sandbox-customer-portal.paddle.com," + origin);
            defaults.put("portal.demo.customer-id", SIMULATED_CUSTOMER);
        }
        this.properties = Map.copyOf(defaults);
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
