package dev.portallinks.endpoint.it;

import dev.portallinks.endpoint.it.app.SessionCustomerResolver;
import dev.portallinks.endpoint.it.app.TestResource;
import dev.portallinks.it.probe.AuditProbe;
import dev.portallinks.it.probe.AuditResource;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The endpoint's test WARs: the test application (its resolver, login and audit recorder) and in {@code WEB-INF/lib} the
 * endpoint, the real PortalLinkService implementation and the API, as an application ships them.
 */
final class EndpointDeployments {

    /** A fake sandbox key, the only one the Paddle simulator accepts; tests assert it never shows up in an answer or a log. */
    static final String API_KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_EndpointItSecretKey";

    /** The port the build reserved for Paddle and gave the server ({@code PADDLE_BASE_URL}); the simulator listens there. */
    static final int PADDLE_PORT = Integer.getInteger("it.paddle.port");

    /** The simulator's origin, of the API and of the portal links it hands out. */
    static final String PADDLE_ORIGIN = "http://127.0.0.1:" + PADDLE_PORT;

    private EndpointDeployments() {
    }

    /**
     * The test application with the endpoint.
     *
     * @param name the deployment name
     * @param changes properties to set on top of the tests' defaults
     * @return the archive
     */
    static WebArchive war(String name, Map<String, String> changes) {
        return library(name, changes).addClasses(SessionCustomerResolver.class, AuditProbe.class, AuditResource.class, TestResource.class,
                TestResource.TestApplication.class);
    }

    /**
     * The endpoint's jar and the service without the test application: no resolver.
     *
     * @param name the deployment name
     * @param changes properties to set on top of the tests' defaults
     * @return the archive
     */
    static WebArchive withoutResolver(String name, Map<String, String> changes) {
        return library(name, changes);
    }

    private static WebArchive library(String name, Map<String, String> changes) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("paddle.api-key", API_KEY);
        config.put("paddle.portal.allowed-origins", "https://customer-portal.paddle.com," + PADDLE_ORIGIN);
        config.put("dev.portallinks.impl.PaddleGateway/CircuitBreaker/requestVolumeThreshold", "1000");
        // These tests are about the endpoint, not timeouts: on a loaded 2-core machine a cold simulator must not time out.
        config.put("dev.portallinks.impl.PaddleGateway/Timeout/value", "10000");
        config.put("paddle.http.read-timeout-ms", "10000");
        config.put("paddle.portal.links-per-customer-per-minute", "0");
        config.putAll(changes);
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining());
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
        for (String jar : System.getProperty("it.library.jars").split(",")) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }
}
