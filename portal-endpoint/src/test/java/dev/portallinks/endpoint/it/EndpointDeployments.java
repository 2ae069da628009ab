package dev.portallinks.endpoint.it;

import dev.portallinks.endpoint.it.app.SessionCustomerResolver;
import dev.portallinks.endpoint.it.app.TestResource;
import dev.portallinks.it.ComponentWarConfig;
import dev.portallinks.it.probe.AuditProbe;
import dev.portallinks.it.probe.AuditResource;
import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
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
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ComponentWarConfig.addTo(war, API_KEY, PADDLE_ORIGIN, changes);
        for (String jar : System.getProperty("it.library.jars").split(",")) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }
}
