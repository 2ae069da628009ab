package dev.portallinks.it;

import dev.portallinks.it.probe.ProbeResource;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test WARs: the probe, the library jars exactly as an application ships them ({@code WEB-INF/lib}),
 * and a {@code microprofile-config.properties} with the test key plus whatever the test class overrides.
 * The test Paddle's URL ({@link #paddleOrigin()}) reaches the server as {@code PADDLE_BASE_URL} (server.env, written by
 * the build).
 */
public final class Deployments {

    /**
     * The per-customer link limit, off in the test WARs unless a test sets it: most tests call Paddle many times a
     * minute for one customer on purpose (circuit breaker, bulkhead, retries). {@code CustomerLinkLimitIT} tests it.
     */
    static final String NO_CUSTOMER_LINK_LIMIT = "paddle.portal.links-per-customer-per-minute=0";
    /** The tests of Paddle's listing see every listing reach Paddle; the store's own tests set the rules they test. */
    static final String NO_LISTING_LIMIT = "paddle.subscriptions.min-listing-interval-seconds=0";

    /** A fake sandbox key; tests assert it never shows up in a log, message or answer. */
    public static final String API_KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_ItSecretKeyValue";

    private Deployments() {
    }

    /** @return the port on 127.0.0.1 the build reserved for the test Paddle ({@code it.paddle.port}) */
    public static int paddlePort() {
        return Integer.getInteger("it.paddle.port");
    }

    /** @return the test Paddle's origin, the servers' {@code PADDLE_BASE_URL}; its portal links are allowed in the test WARs */
    public static String paddleOrigin() {
        return "http://127.0.0.1:" + paddlePort();
    }

    /** @return the port on 127.0.0.1 the build reserved for the test Paddle over TLS ({@code it.paddle.https.port}) */
    public static int paddleHttpsPort() {
        return Integer.getInteger("it.paddle.https.port");
    }

    /** @return the TLS test Paddle's origin */
    public static String paddleHttpsOrigin() {
        return "https://127.0.0.1:" + paddleHttpsPort();
    }

    /**
     * Configuration lines that point a test deployment at the TLS test Paddle and trust the build's certificate
     * ({@code it.tls.truststore}) through the standard MicroProfile Rest Client keys, as an operator would. The file's
     * ordinal beats the server-wide {@code PADDLE_BASE_URL} that points the other tests at the plain-HTTP Paddle.
     *
     * @return {@code key=value} lines for {@link #war}
     */
    public static String[] httpsConfiguration() {
        return new String[] {"config_ordinal=500", "paddle.base-url=" + paddleHttpsOrigin(), "paddle.portal.allowed-origins=" + paddleHttpsOrigin(),
            "paddle-api/mp-rest/trustStore=file:" + System.getProperty("it.tls.truststore"),
            "paddle-api/mp-rest/trustStorePassword=" + System.getProperty("it.tls.password"), "paddle-api/mp-rest/trustStoreType=PKCS12"};
    }

    /**
     * The test WAR.
     *
     * @param name the deployment name (also its context root)
     * @param configLines extra MicroProfile Config lines, {@code key=value}; a later line wins over an earlier one
     * @return the archive
     */
    public static WebArchive war(String name, String... configLines) {
        StringBuilder config = new StringBuilder()
                .append("paddle.api-key=").append(API_KEY).append('\n')
                .append("paddle.portal.allowed-origins=https://customer-portal.paddle.com,").append(paddleOrigin()).append('\n')
                .append(NO_CUSTOMER_LINK_LIMIT).append('\n')
                .append(NO_LISTING_LIMIT).append('\n');
        for (String line : configLines) {
            config.append(line).append('\n');
        }
        return warWithConfig(name, config.toString());
    }

    /**
     * A test WAR with exactly the given configuration (no key unless given).
     *
     * @param name the deployment name
     * @param config the whole microprofile-config.properties
     * @return the archive
     */
    public static WebArchive warWithConfig(String name, String config) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(ProbeResource.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        for (String jar : System.getProperty("it.library.jars").split(",")) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }
}
