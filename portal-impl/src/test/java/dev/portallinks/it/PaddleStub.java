package dev.portallinks.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stub Paddle: WireMock on 127.0.0.1 at the port the build reserved and gave the server. */
public final class PaddleStub {

    /** A customer ID as Paddle writes them. */
    public static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    /** The portal path Paddle's links use. */
    public static final String PORTAL_PATH = "/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    /** The token every stubbed link carries; tests assert it never reaches a log. */
    public static final String TOKEN = "pga_ItPortalTokenValue0123456789";

    private PaddleStub() {
    }

    /** @return the port the stub listens on */
    public static int port() {
        return Integer.getInteger("it.paddle.port");
    }

    /** @return the stub's origin, allowed as a portal origin in the test deployments */
    public static String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** @return a WireMock extension bound to 127.0.0.1 on {@link #port()} */
    public static WireMockExtension extension() {
        return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").port(port())).build();
    }

    /**
     * A stub that closes keep-alive connections after they have been idle for the given time, as Paddle's edge does.
     *
     * @param idleTimeoutMillis how long an idle connection stays open
     * @return a WireMock extension bound to 127.0.0.1 on {@link #port()}
     */
    public static WireMockExtension closingIdleConnections(long idleTimeoutMillis) {
        return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").port(port()).jettyIdleTimeout(idleTimeoutMillis))
                .build();
    }

    /** @return the port of the stub's TLS variants ({@code it.paddle.https.port}) */
    public static int httpsPort() {
        return Integer.getInteger("it.paddle.https.port");
    }

    /** @return the TLS stub's origin */
    public static String httpsOrigin() {
        return "https://127.0.0.1:" + httpsPort();
    }

    /**
     * The stub Paddle over TLS, with the certificate for 127.0.0.1 that the build made ({@code it.tls.keystore}); the
     * build's trust store ({@code it.tls.truststore}) trusts it.
     *
     * @return a WireMock extension speaking only HTTPS on 127.0.0.1:{@link #httpsPort()}
     */
    public static WireMockExtension trustedHttps() {
        return https(System.getProperty("it.tls.keystore"));
    }

    /**
     * The stub Paddle over TLS with a certificate the build's trust store trusts, but for another host name
     * ({@code paddle-stub.invalid}), so only a hostname verifier that accepts it lets a request through.
     *
     * @return a WireMock extension speaking only HTTPS on 127.0.0.1:{@link #httpsPort()}
     */
    public static WireMockExtension trustedHttpsForAnotherName() {
        return https(System.getProperty("it.tls.keystore.other-name"));
    }

    /**
     * The stub Paddle over TLS with the build's certificate for 127.0.0.1, accepting only clients that present a
     * certificate the build's trust store trusts (the build's own key pair, {@code it.tls.keystore}).
     *
     * @return a WireMock extension speaking only HTTPS on 127.0.0.1:{@link #httpsPort()}
     */
    public static WireMockExtension trustedHttpsRequiringClientCertificate() {
        String password = System.getProperty("it.tls.password");
        return WireMockExtension.newInstance().options(httpsOptions(System.getProperty("it.tls.keystore")).needClientAuth(true)
                .trustStorePath(System.getProperty("it.tls.truststore")).trustStoreType("PKCS12").trustStorePassword(password)).build();
    }

    private static WireMockExtension https(String keystore) {
        return WireMockExtension.newInstance().options(httpsOptions(keystore)).build();
    }

    private static WireMockConfiguration httpsOptions(String keystore) {
        String password = System.getProperty("it.tls.password");
        return wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).httpsPort(httpsPort()).keystorePath(keystore).keystoreType("PKCS12")
                .keystorePassword(password).keyManagerPassword(password);
    }

    /**
     * The stub Paddle over TLS with WireMock's own self-signed certificate, which nothing trusts: as a TLS-inspecting
     * proxy or a man in the middle would present.
     *
     * @return a WireMock extension speaking only HTTPS on 127.0.0.1:{@link #httpsPort()}
     */
    public static WireMockExtension untrustedHttps() {
        return WireMockExtension.newInstance().options(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).httpsPort(httpsPort())).build();
    }

    /**
     * Configuration lines that point a test deployment at the TLS stub and trust the build's certificate through the
     * standard MicroProfile Rest Client keys, as an operator would. The file's ordinal beats the server-wide
     * {@code PADDLE_BASE_URL} that points the other tests at the plain-HTTP stub.
     *
     * @return {@code key=value} lines for {@link Deployments#war}
     */
    public static String[] httpsConfiguration() {
        return new String[] {"config_ordinal=500", "paddle.base-url=" + httpsOrigin(), "paddle.portal.allowed-origins=" + httpsOrigin(),
            "paddle-api/mp-rest/trustStore=file:" + System.getProperty("it.tls.truststore"),
            "paddle-api/mp-rest/trustStorePassword=" + System.getProperty("it.tls.password"), "paddle-api/mp-rest/trustStoreType=PKCS12"};
    }

    /**
     * A valid subscription ID, distinct per index.
     *
     * @param index 0 to 99
     * @return the ID
     */
    public static String subscription(int index) {
        return String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", index).substring(0, 30);
    }

    /**
     * Paddle's 201 answer for a portal session with links for the given subscriptions, pointing at the stub's portal.
     *
     * @param customer the customer
     * @param subscriptions the subscription IDs
     * @return the JSON body
     */
    public static String portalSessionBody(String customer, List<String> subscriptions) {
        StringBuilder links = new StringBuilder();
        for (String subscription : subscriptions) {
            if (links.length() > 0) {
                links.append(',');
            }
            links.append("{\"id\":\"").append(subscription).append("\",\"cancel_subscription\":\"").append(link("cancel_subscription", subscription))
                    .append("\",\"update_subscription_payment_method\":\"").append(link("update_subscription_payment_method", subscription)).append("\"}");
        }
        return "{\"data\":{\"id\":\"cpls_01h4ge9r64c22exjsx0fy8b48b\",\"customer_id\":\"" + customer + "\",\"urls\":{\"general\":{\"overview\":\""
                + link("overview", null) + "\"},\"subscriptions\":[" + links + "]},\"created_at\":\"2024-10-25T06:53:58Z\"},"
                + "\"meta\":{\"request_id\":\"it-request-1\"}}";
    }

    /**
     * Paddle's 201 answer like {@link #portalSessionBody}, with its links on the TLS stub's origin.
     *
     * @param customer the customer
     * @param subscriptions the subscription IDs
     * @return the JSON body
     */
    public static String httpsPortalSessionBody(String customer, List<String> subscriptions) {
        return portalSessionBody(customer, subscriptions).replace(origin(), httpsOrigin());
    }

    /**
     * A portal link on the stub's origin.
     *
     * @param action Paddle's action name
     * @param subscription the subscription, or null for the overview
     * @return the link
     */
    public static String link(String action, String subscription) {
        return origin() + PORTAL_PATH + "?action=" + action + (subscription == null ? "" : "&subscription_id=" + subscription) + "&token=" + TOKEN;
    }

    /**
     * A 201 JSON answer.
     *
     * @param body the body
     * @return the response definition
     */
    public static ResponseDefinitionBuilder created(String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * A JSON answer with a status.
     *
     * @param status the status
     * @param body the body
     * @return the response definition
     */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /**
     * Reads one of Paddle's fixtures (see paddle-fixtures/SOURCES.md).
     *
     * @param name the file name
     * @return its text
     */
    public static String fixture(String name) {
        try (InputStream in = PaddleStub.class.getClassLoader().getResourceAsStream("paddle-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
