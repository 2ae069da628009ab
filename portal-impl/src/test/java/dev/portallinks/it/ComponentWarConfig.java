package dev.portallinks.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The {@code microprofile-config.properties} of the test WARs that put a component in front of the service (the Faces
 * components, the redirect endpoint): the WAR's key, the test Paddle's origin among the allowed portal origins, and
 * settings that keep those tests about the component rather than the service's protections, which portal-impl's own
 * tests cover: a circuit breaker that the failures they provoke do not open, timeouts a cold simulator on a loaded
 * 2-core machine does not reach, and no per-customer link limit (they ask for many links a minute for one customer; a
 * test of the limit sets it).
 */
public final class ComponentWarConfig {

    private ComponentWarConfig() {
    }

    /**
     * Adds the configuration to a WAR.
     *
     * @param war the WAR
     * @param apiKey the key the WAR's service sends to Paddle
     * @param paddleOrigin the test Paddle's origin, whose portal links the service must accept
     * @param changes properties to set on top of the defaults; an empty value leaves the property unset (the library's
     *        default applies)
     * @return the WAR
     */
    public static WebArchive addTo(WebArchive war, String apiKey, String paddleOrigin, Map<String, String> changes) {
        return war.addAsResource(new StringAsset(properties(apiKey, paddleOrigin, changes)), "META-INF/microprofile-config.properties");
    }

    private static String properties(String apiKey, String paddleOrigin, Map<String, String> changes) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("paddle.api-key", apiKey);
        config.put("paddle.portal.allowed-origins", "https://customer-portal.paddle.com," + paddleOrigin);
        config.put("dev.portallinks.impl.PaddleCircuit/CircuitBreaker/requestVolumeThreshold", "1000");
        config.put("dev.portallinks.impl.PaddleGateway/Timeout/value", "10000");
        config.put("paddle.http.read-timeout-ms", "10000");
        config.put("paddle.portal.links-per-customer-per-minute", "0");
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining());
    }
}
