package dev.portallinks.webhooks.it;

import dev.portallinks.webhooks.it.app.ProbeServlet;
import dev.portallinks.webhooks.it.app.RecordingObserver;
import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The test WARs: the test application (its observers and probe) and in {@code WEB-INF/lib} this module and the API. */
final class WebhookDeployments {

    private WebhookDeployments() {
    }

    /**
     * The test application.
     *
     * @param name the deployment name
     * @param config its {@code microprofile-config.properties}
     * @return the archive
     */
    static WebArchive war(String name, Map<String, String> config) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addClasses(RecordingObserver.class, ProbeServlet.class)
                .addAsResource(new StringAsset(config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(Collectors.joining())),
                        "META-INF/microprofile-config.properties");
        for (String jar : System.getProperty("it.library.jars").split(",")) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }
}
