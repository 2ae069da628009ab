package dev.portallinks.faces.it;

import dev.portallinks.faces.it.app.Account;
import dev.portallinks.it.ComponentWarConfig;
import dev.portallinks.it.probe.AuditProbe;
import dev.portallinks.it.probe.AuditResource;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The component's test WAR: the test pages, the server-side test state, and in {@code WEB-INF/lib} the component,
 * the real PortalLinkService implementation and the API, as an application ships them.
 */
final class FacesDeployments {

    /** A fake sandbox key, the only one the Paddle simulator accepts; tests assert it never shows up in a page. */
    static final String API_KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_FacesItSecretKey";

    /** The port the build reserved for Paddle and gave the server ({@code PADDLE_BASE_URL}); the simulator listens there. */
    static final int PADDLE_PORT = Integer.getInteger("it.paddle.port");

    /** The simulator's origin, of the API and of the portal links it hands out. */
    static final String PADDLE_ORIGIN = "http://127.0.0.1:" + PADDLE_PORT;

    private FacesDeployments() {
    }

    /**
     * The WAR.
     *
     * @param name the deployment name
     * @param pages the XHTML pages under src/test/resources/pages to include
     * @return the archive
     */
    static WebArchive war(String name, String... pages) {
        return war(name, Map.of(), pages);
    }

    /**
     * The WAR with some configuration changed.
     *
     * @param name the deployment name
     * @param changes properties to set; an empty value leaves the property unset (the library's default applies)
     * @param pages the XHTML pages under src/test/resources/pages to include
     * @return the archive
     */
    static WebArchive war(String name, Map<String, String> changes, String... pages) {
        return war(name, "web.xml", changes, pages);
    }

    /**
     * The WAR with another web.xml and some configuration changed.
     *
     * @param name the deployment name
     * @param webXml the web.xml under src/test/resources/pages to use
     * @param changes properties to set; an empty value leaves the property unset (the library's default applies)
     * @param pages the XHTML pages under src/test/resources/pages to include
     * @return the archive
     */
    static WebArchive war(String name, String webXml, Map<String, String> changes, String... pages) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(Account.class.getPackage())
                .addClasses(AuditProbe.class, AuditResource.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(page(webXml), "web.xml")
                .addAsWebInfResource(page("faces-config.xml"), "faces-config.xml")
                .addAsWebInfResource(page("test.taglib.xml"), "test.taglib.xml");
        ComponentWarConfig.addTo(war, API_KEY, PADDLE_ORIGIN, changes);
        war.addAsWebResource(page("fallback.xhtml"), "fallback.xhtml");
        for (String page : pages) {
            war.addAsWebResource(page(page), page);
        }
        for (String jar : System.getProperty("it.library.jars").split(",")) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }

    private static File page(String name) {
        URL resource = FacesDeployments.class.getClassLoader().getResource("pages/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("no test page " + name);
        }
        try {
            return Path.of(resource.toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
