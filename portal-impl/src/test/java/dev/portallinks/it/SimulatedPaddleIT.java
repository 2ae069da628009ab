package dev.portallinks.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.PaddleExample;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import dev.portallinks.test.PaddleSimulator.PortalLink;
import dev.portallinks.test.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the integration tests against the Paddle simulator (portal-test): one simulator per test class, in this
 * JVM, on the port the build reserved and gave the servers as {@code PADDLE_BASE_URL} (or, for a class marked
 * {@link Https}, over TLS on the build's HTTPS port), accepting only the test WARs' key. Before each test it forgets everything (faults, requests, customers, subscriptions, links) and knows
 * {@link #CUSTOMER} again: a test seeds what else it needs, sets faults, and asserts on the requests Paddle received
 * and on the links it issued.
 */
public abstract class SimulatedPaddleIT extends PortalLinksIT {

    /** The customer the tests ask about, known in every test; Paddle's published examples are for this customer too. */
    protected static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    /** Makes the class's simulator answer {@code GET /subscriptions} in pages of at most this many (Paddle's: 200). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    protected @interface PagesOf {

        /** @return the largest page */
        int value();
    }

    /** The certificates the TLS simulator of an {@link Https} class can serve. */
    protected enum Certificate {
        /** The build's certificate for 127.0.0.1 ({@code it.tls.keystore}); the build's trust store trusts it. */
        BUILDS_FOR_LOOPBACK("it.tls.keystore"),
        /** The build's certificate for {@code paddle-simulator.invalid}: trusted, but not for the host the library calls. */
        BUILDS_FOR_ANOTHER_NAME("it.tls.keystore.other-name"),
        /** One the simulator makes at start, which nothing on the server trusts: as a TLS-inspecting proxy would present. */
        UNTRUSTED(null);

        private final String keyStoreProperty;

        Certificate(String keyStoreProperty) {
            this.keyStoreProperty = keyStoreProperty;
        }
    }

    /**
     * Makes the class's simulator speak only HTTPS, on {@link Deployments#paddleHttpsPort()}; the class's deployment
     * points there with {@link Deployments#httpsConfiguration()}.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    protected @interface Https {

        /** @return the certificate it serves */
        Certificate value();

        /** @return whether it requires a client certificate that the build's trust store trusts (the build's key pair is one) */
        boolean clientCertificate() default false;
    }

    /**
     * The class's simulator, started for it (an extension, not {@code @BeforeAll}: it needs the test class, for
     * {@link PagesOf} and {@link Https}); before each test it forgets everything and knows {@link #CUSTOMER} again.
     */
    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(SimulatedPaddleIT::simulatorFor).resetBeforeEachKnowing(CUSTOMER);

    private static PaddleSimulator.Builder simulatorFor(Class<?> testClass) {
        PaddleSimulator.Builder builder = PaddleSimulator.builder().port(Deployments.paddlePort()).apiKey(Deployments.API_KEY);
        PagesOf pages = testClass.getAnnotation(PagesOf.class);
        if (pages != null) {
            builder.maxPerPage(pages.value());
        }
        Https https = testClass.getAnnotation(Https.class);
        if (https != null) {
            overTls(builder, https);
        }
        return builder;
    }

    private static void overTls(PaddleSimulator.Builder builder, Https https) {
        String password = System.getProperty("it.tls.password");
        builder.port(Deployments.paddleHttpsPort());
        if (https.value().keyStoreProperty == null) {
            builder.https();
        } else {
            builder.https(Path.of(System.getProperty(https.value().keyStoreProperty)), password);
        }
        if (https.clientCertificate()) {
            builder.requireClientCertificate(Path.of(System.getProperty("it.tls.truststore")), password);
        }
    }

    /** @return the class's simulator */
    protected static PaddleSimulator paddle() {
        return PADDLE.simulator();
    }

    /**
     * A valid subscription ID, distinct per index (not seeded: {@code paddle().subscription(CUSTOMER, subscription(i))} does that).
     *
     * @param index 0 to 999
     * @return the ID
     */
    protected static String subscription(int index) {
        return String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", index);
    }

    /**
     * What a portal link of {@link #CUSTOMER} opens, to compare with {@link #issued}.
     *
     * @param action Paddle's action name
     * @param subscription the subscription, or null for the overview
     * @return the expected link
     */
    protected static PortalLink portalLink(String action, String subscription) {
        return new PortalLink(CUSTOMER, action, subscription);
    }

    /**
     * Reads a link from a probe's answer and asserts that the simulator issued it, on its own origin.
     *
     * @param answer the probe's answer
     * @param key where the link is, e.g. {@code overview}, {@code link} or {@code cancel}
     * @return what the link opens
     */
    protected static PortalLink issued(JsonObject answer, String key) {
        String link = answer.getString(key, "");
        assertThat(link).as("%s in %s", key, answer).startsWith(paddle().origin() + "/cpl_");
        Optional<PortalLink> opens = paddle().portalLink(link);
        assertThat(opens).as("a link the simulator issued: %s", link).isPresent();
        return opens.orElseThrow();
    }

    /** @return the requests for a portal session (any customer) Paddle received in this test, oldest first */
    protected static List<RecordedRequest> sessionRequests() {
        return received(RecordedRequest::isPortalSession);
    }

    /**
     * @param customer the customer
     * @return the requests for that customer's portal sessions, oldest first
     */
    protected static List<RecordedRequest> sessionRequests(String customer) {
        return received(request -> request.isPortalSession() && request.path().equals("/customers/" + customer + "/portal-sessions"));
    }

    /** @return the {@code GET /subscriptions} requests Paddle received in this test, oldest first */
    protected static List<RecordedRequest> listingRequests() {
        return received(request -> "GET".equals(request.method()) && "/subscriptions".equals(request.path()));
    }

    private static List<RecordedRequest> received(Predicate<RecordedRequest> kind) {
        return paddle().requests().stream().filter(kind).toList();
    }

    /**
     * @param request a recorded request
     * @return its query parameters, decoded (the first value of each)
     */
    protected static Map<String, String> parameters(RecordedRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : request.query().split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.putIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * @param text JSON text, e.g. a request body
     * @return it parsed, for comparing JSON by value
     */
    protected static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /**
     * @param example one of Paddle's published answers
     * @return its body, parsed, to read what the library must report from it
     */
    protected static JsonObject json(PaddleExample example) {
        return json(new String(example.bytes(), StandardCharsets.UTF_8)).asJsonObject();
    }
}
