package dev.portallinks.test;

import static dev.portallinks.test.Answer.error;
import static dev.portallinks.test.Answer.forbidden;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A Paddle Billing API on 127.0.0.1 for tests: the two calls Portal Links makes, in Paddle's wire format, with the
 * customers and subscriptions a test seeds, the faults it asks for, and a record of every request.
 *
 * <ul>
 * <li>{@code POST /customers/{customer_id}/portal-sessions}: {@code 201} with Paddle's envelope and links for exactly the
 * subscriptions asked for; {@code 400 invalid_field} for a malformed customer or subscription ID, more than 25 or
 * duplicate IDs, or a subscription that is not the customer's; {@code 404 not_found} for an unknown customer.</li>
 * <li>{@code GET /subscriptions?customer_id=…&status=…&after=…&per_page=…}: the customer's subscriptions, with Paddle's
 * cursor pagination ({@code meta.pagination}).</li>
 * <li>Every call checks {@code Authorization: Bearer <key>} as Paddle does ({@code 403 authentication_missing},
 * {@code authentication_malformed}, {@code invalid_token}), {@code Paddle-Version} when sent, and the key's permissions
 * ({@code 403 forbidden}, see {@link #withoutPermission}).</li>
 * <li>The links open a small page on this server ({@code GET /cpl_…}) that shows customer, action and subscription
 * when the token is one this simulator issued, and refuses it otherwise. A cancel link's page has a form (button
 * {@code id="confirm-cancel"}) that schedules the cancellation at the end of the billing period, a payment-method
 * link's page one ({@code id="confirm-update"}) that updates it; both post to the link itself and answer a confirmation
 * page ("Your subscription will be canceled on …"). Paddle's portal has no return URL: the pages link back
 * ({@code id="back"}) to where the portal page was opened from, when that was on 127.0.0.1 or localhost.</li>
 * </ul>
 *
 * <h2>Notifications</h2>
 * With a destination ({@link Builder#notifyTo}), each change made in the simulated portal sends what Paddle sends:
 * {@code subscription.updated} with the subscription entity (the same JSON as a listing's, {@code scheduled_change}
 * included), in Paddle's envelope ({@code event_id}, {@code event_type}, {@code occurred_at}, {@code notification_id},
 * {@code data}), signed in {@code Paddle-Signature: ts=…;h1=…} (HMAC-SHA256 of {@code ts:body} with
 * {@link #notificationSecret()}). It is sent synchronously, before the confirmation page is answered, so a test needs
 * not wait for it. {@link #notify(NotificationSpec)} sends one on demand, also duplicated, out of order, badly signed or
 * with a stale or future timestamp; {@link #notificationsSent()} tells what was delivered and what the receiver
 * answered. Changing a {@link SimulatedSubscription} from a test sends nothing by itself.
 * <pre>
 * try (PaddleSimulator paddle = PaddleSimulator.builder().notifyTo(URI.create("http://127.0.0.1:9080/app/paddle/webhooks")).start()) {
 *     // give paddle.notificationSecret() to the receiver under test, then:
 *     paddle.subscription(CUSTOMER, SUBSCRIPTION).scheduledChange("cancel", Instant.parse("2030-01-31T00:00:00Z"));
 *     paddle.notify(NotificationSpec.subscriptionUpdated(SUBSCRIPTION));
 *     paddle.notify(NotificationSpec.subscriptionUpdated(SUBSCRIPTION).duplicate());
 *     paddle.notify(NotificationSpec.subscriptionUpdated(SUBSCRIPTION).badSignature());
 *     assertTrue(paddle.notificationsSent().get(0).accepted());
 * }
 * </pre>
 *
 * <h2>Connections</h2>
 * Its own small HTTP/1.1 server (one thread per connection, keep-alive, optionally HTTPS) does what Paddle's edge
 * does to connections and what a general-purpose server would hide: it closes keep-alive connections left idle
 * ({@link Builder#closeIdleConnectionsAfter}, switchable while it runs), closes or resets a connection after reading a
 * request, closes it halfway through an answer, or holds an answer ({@link Fault}). Over HTTPS it serves a certificate
 * it makes or the test's own ({@link Builder#https(Path, String)}), and can require a client certificate
 * ({@link Builder#requireClientCertificate}). It counts connections and requests
 * ({@link #connectionsOpened()}, {@link RecordedRequest#connection()}, {@link #mark()}) and its own CPU time
 * ({@link #cpuTime()}), so a benchmark can use it as the Paddle it calls. A simulator built with
 * {@link Builder#embedded()} has no server: its host hands it the requests.
 *
 * <h2>Usage</h2>
 * <pre>
 * try (PaddleSimulator paddle = PaddleSimulator.start()) {
 *     paddle.subscription("ctm_01gysfvfy7vqhpzkq8rjmrq7an", "sub_01h04vsc0qhwtsbsxh3422wjs4").status("past_due");
 *     paddle.nextCalls(2, Fault.serverError(503));
 *     // point the library at paddle.configuration(), call it, then:
 *     assertEquals(1, paddle.portalSessionsCreated("ctm_01gysfvfy7vqhpzkq8rjmrq7an", "sub_01h04vsc0qhwtsbsxh3422wjs4"));
 * }
 * </pre>
 * In JUnit 5, {@link PaddleSimulatorExtension} starts it and points an in-JVM library at it. Thread-safe.
 */
public final class PaddleSimulator implements AutoCloseable {

    /** The subscription statuses Paddle knows. */
    static final Set<String> STATUSES = Set.of("active", "canceled", "past_due", "paused", "trialing");
    /** The permission {@code POST /customers/{id}/portal-sessions} needs. */
    public static final String PORTAL_SESSION_WRITE = "customer_portal_session.write";
    /** The permission {@code GET /subscriptions} needs. */
    public static final String SUBSCRIPTION_READ = "subscription.read";

    private static final String CUSTOMER_ID = "^ctm_[a-z\\d]{26}$";
    private static final String SUBSCRIPTION_ID = "^sub_[a-z\\d]{26}$";
    private static final String SESSIONS_PREFIX = "/customers/";
    private static final String SESSIONS_SUFFIX = "/portal-sessions";
    static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String TOKEN_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    /** Random characters of a session's token; two more, per link, follow them. */
    private static final int TOKEN_KEY_LENGTH = 38;
    private static final int MAX_SUBSCRIPTIONS = 25;
    /** Links remembered for the portal page by default; the oldest are forgotten beyond it, so a long run cannot fill the heap. */
    public static final int DEFAULT_REMEMBERED_LINKS = 10_000;
    /** Requests (and sessions) remembered for the assertions by default; older ones are forgotten. */
    public static final int DEFAULT_REMEMBERED_REQUESTS = 10_000;
    /** Looked up once: {@code Json.createReader()} and the like search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A session this simulator created. */
    private record CreatedSession(String customer, List<String> subscriptions) {
    }

    /**
     * What a portal link this simulator issued opens.
     *
     * @param customer the customer's Paddle ID
     * @param action Paddle's action: {@code overview}, {@code cancel_subscription} or
     *        {@code update_subscription_payment_method}
     * @param subscription the subscription's Paddle ID, or null for the overview
     */
    public record PortalLink(String customer, String action, String subscription) {
    }

    /**
     * What confirming a portal link's form changed, {@link #confirm(PortalLink)}.
     *
     * @param link the link whose form was confirmed
     * @param cancelsAt when the subscription cancels, for a {@code cancel_subscription} link; null for a payment method
     * @param notifications the notifications sent about the change (none without a destination, or when nothing changed)
     */
    public record PortalChange(PortalLink link, Instant cancelsAt, List<NotificationDelivery> notifications) {

        /** Copies the notifications. */
        public PortalChange {
            Objects.requireNonNull(link, "link");
            notifications = List.copyOf(notifications);
        }
    }

    private final SimulatorServer server;
    private final GeneratedCertificate certificate;
    private final boolean embedded;
    private final int rememberedRequests;
    private final String apiKey;
    private final int maxPerPage;
    private final int rememberedLinks;
    private final Clock clock;
    private final Notifier notifier;
    private final Map<String, SimulatedSubscription> subscriptions = new ConcurrentHashMap<>();
    private final List<String> subscriptionOrder = new CopyOnWriteArrayList<>();
    private final Set<String> customers = ConcurrentHashMap.newKeySet();
    private final Set<String> missingPermissions = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedDeque<Fault> nextFaults = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicLong requestsReceived = new AtomicLong();
    private final ConcurrentLinkedDeque<CreatedSession> sessions = new ConcurrentLinkedDeque<>();
    private final AtomicInteger sessionCount = new AtomicInteger();
    /** The issued links by their token's key; the keys in the order issued, and how many links they hold together. */
    private final Map<String, IssuedLinks> issued = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> issuedOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger issuedLinkCount = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Fault always;

    private PaddleSimulator(Builder builder) {
        this.apiKey = builder.apiKey;
        this.maxPerPage = builder.maxPerPage;
        this.rememberedLinks = builder.rememberedLinks;
        this.rememberedRequests = builder.rememberedRequests;
        this.clock = builder.clock;
        this.notifier = new Notifier(clock, builder.notificationSecret == null ? Notifier.newSecret() : builder.notificationSecret, builder.notifyTo,
                builder.rememberedRequests);
        this.embedded = builder.embedded;
        boolean tls = builder.https || builder.keyStore != null;
        // a certificate of its own only when the test gave none
        certificate = tls && builder.keyStore == null ? GeneratedCertificate.create() : null;
        ServerTls serverTls = !tls ? null : new ServerTls(certificate == null ? builder.keyStore : certificate.keyStore(),
                certificate == null ? builder.keyStorePassword : certificate.passwordChars(), builder.clientTrustStore, builder.clientTrustStorePassword);
        server = embedded ? null : new SimulatorServer(builder.port, serverTls, builder.closeIdleConnectionsAfter, this::serve);
    }

    /**
     * Starts a simulator on a free port of 127.0.0.1 with a random sandbox key.
     *
     * @return the running simulator; close it when done
     */
    public static PaddleSimulator start() {
        return builder().start();
    }

    /** @return a builder for a simulator with another key, port or page size */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a simulator before it starts. */
    public static final class Builder {

        private String apiKey = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_" + randomText(32, TOKEN_CHARACTERS.substring(0, 62));
        private int port;
        private int maxPerPage = 200;
        private int rememberedLinks = DEFAULT_REMEMBERED_LINKS;
        private int rememberedRequests = DEFAULT_REMEMBERED_REQUESTS;
        private boolean https;
        private Path keyStore;
        private char[] keyStorePassword;
        private Path clientTrustStore;
        private char[] clientTrustStorePassword;
        private boolean embedded;
        private Duration closeIdleConnectionsAfter;
        private Clock clock = Clock.systemUTC();
        private URI notifyTo;
        private String notificationSecret;

        private Builder() {
        }

        /**
         * @param apiKey the only key the simulator accepts
         * @return this
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * @param port the port on 127.0.0.1; 0 (the default) for a free one
         * @return this
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param maxPerPage the largest page {@code GET /subscriptions} answers (Paddle's is 200), to test pagination
         * @return this
         */
        public Builder maxPerPage(int maxPerPage) {
            if (maxPerPage < 1 || maxPerPage > 200) {
                throw new IllegalArgumentException("maxPerPage must be 1 to 200, not " + maxPerPage);
            }
            this.maxPerPage = maxPerPage;
            return this;
        }

        /**
         * @param rememberedLinks how many of the latest links the portal page still opens (default
         *        {@value PaddleSimulator#DEFAULT_REMEMBERED_LINKS}); older ones answer 403 like a forged link. A
         *        session's links are forgotten together, oldest session first; the latest session's links stay even
         *        when they alone are more.
         * @return this
         */
        public Builder rememberedLinks(int rememberedLinks) {
            if (rememberedLinks < 1) {
                throw new IllegalArgumentException("rememberedLinks must be at least 1, not " + rememberedLinks);
            }
            this.rememberedLinks = rememberedLinks;
            return this;
        }

        /**
         * @param rememberedRequests how many of the latest requests {@link PaddleSimulator#requests()} keeps, and
         *        how many of the latest sessions {@link PaddleSimulator#portalSessionsCreated} counts (default
         *        {@value PaddleSimulator#DEFAULT_REMEMBERED_REQUESTS}), so a long run cannot fill the heap
         * @return this
         */
        public Builder rememberedRequests(int rememberedRequests) {
            if (rememberedRequests < 1) {
                throw new IllegalArgumentException("rememberedRequests must be at least 1, not " + rememberedRequests);
            }
            this.rememberedRequests = rememberedRequests;
            return this;
        }

        /**
         * Closes keep-alive connections that stay idle this long after an answer, as Paddle's edge does (and Node's
         * HTTP server after 5 s): a client that reuses a pooled connection after that meets a closed one, or one
         * closing just as its request arrives. Without this (the default) idle connections stay open until the client
         * closes them or the simulator closes. {@link PaddleSimulator#closeIdleConnectionsAfter} changes it while the
         * simulator runs.
         *
         * @param idle how long a connection may stay idle; positive
         * @return this
         */
        public Builder closeIdleConnectionsAfter(Duration idle) {
            this.closeIdleConnectionsAfter = positive(idle);
            return this;
        }

        /**
         * Makes a simulator without a server of its own, for a host that hands it each request through
         * {@link PaddleSimulator#serve(SimulatorExchange)} (a servlet in a demo application, for example). It then
         * has no {@link PaddleSimulator#origin()} (the host's URL applies), no HTTPS, no faults that need a
         * connection of its own ({@link Fault#hang()}, {@link Fault#closeBeforeAnswer()},
         * {@link Fault#resetConnection()}, {@link Fault#closeDuringAnswer()}), no closing of idle connections, and no connections or threads to count
         * ({@link PaddleSimulator#connectionsOpened()} and {@link PaddleSimulator#cpuTime()} stay zero).
         *
         * @return this
         */
        public Builder embedded() {
            this.embedded = true;
            return this;
        }

        /**
         * Serves HTTPS with a self-signed certificate for 127.0.0.1 made at start; {@link PaddleSimulator#trustStore()} holds it.
         *
         * @return this
         */
        public Builder https() {
            this.https = true;
            return this;
        }

        /**
         * Serves HTTPS with the test's own certificate instead of one made at start: for a certificate the client
         * under test already trusts, or one for another host name. The simulator then has no trust store of its own
         * ({@link PaddleSimulator#trustStore()} and {@link PaddleSimulator#clientSslContext()} refuse; the test's trust
         * store applies), and {@link PaddleSimulator#configuration()} names none.
         *
         * @param pkcs12KeyStore a PKCS12 key store with one key entry, the certificate and its key
         * @param password the store's password, also the key's
         * @return this
         */
        public Builder https(Path pkcs12KeyStore, String password) {
            this.keyStore = Objects.requireNonNull(pkcs12KeyStore, "pkcs12KeyStore");
            this.keyStorePassword = Objects.requireNonNull(password, "password").toCharArray();
            return this;
        }

        /**
         * Over HTTPS, accepts only clients that present a certificate this trust store trusts (a mutual TLS gateway
         * before Paddle): the handshake of a client without one fails, and
         * {@link PaddleSimulator#clientCertificatesVerified()} counts the connections whose certificate was verified.
         * Needs {@link #https()} or {@link #https(Path, String)}.
         *
         * @param pkcs12TrustStore a PKCS12 trust store with the certificates (or their issuers) to accept
         * @param password its password
         * @return this
         */
        public Builder requireClientCertificate(Path pkcs12TrustStore, String password) {
            this.clientTrustStore = Objects.requireNonNull(pkcs12TrustStore, "pkcs12TrustStore");
            this.clientTrustStorePassword = Objects.requireNonNull(password, "password").toCharArray();
            return this;
        }

        /**
         * Sends Paddle's notifications (signed with {@link #notificationSecret}) to this URL: when its simulated portal
         * page schedules a cancellation or updates a payment method, and on demand ({@link PaddleSimulator#notify}).
         * Without one (the default) nothing is sent. {@link PaddleSimulator#notifyTo} changes it while the simulator runs.
         *
         * @param destination the receiver's URL, http(s) on 127.0.0.1, localhost or [::1]
         * @return this
         * @throws IllegalArgumentException for any other host or scheme: tests talk to the loopback interface only
         */
        public Builder notifyTo(URI destination) {
            this.notifyTo = Notifier.loopback(destination);
            return this;
        }

        /**
         * @param secret the secret the notifications are signed with (HMAC-SHA256 keyed with its UTF-8 bytes), the one the
         *        receiver under test is given; by default one shaped like Paddle's ({@code pdl_ntfset_01…}) is made at
         *        start, see {@link PaddleSimulator#notificationSecret()}
         * @return this
         */
        public Builder notificationSecret(String secret) {
            if (Objects.requireNonNull(secret, "secret").isEmpty()) {
                throw new IllegalArgumentException("the notification secret must not be empty");
            }
            this.notificationSecret = secret;
            return this;
        }

        /**
         * @param clock the simulator's clock (the system's UTC clock by default): it dates the notifications'
         *        {@code occurred_at} and signature {@code ts}, the sessions' {@code created_at} and the recorded requests
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the running simulator */
        public PaddleSimulator start() {
            if (https && keyStore != null) {
                throw new IllegalStateException("https() makes a certificate, https(keyStore, password) serves the test's: choose one");
            }
            if (clientTrustStore != null && !https && keyStore == null) {
                throw new IllegalStateException("a client certificate is asked for in the TLS handshake: requireClientCertificate needs https()");
            }
            if (embedded && (https || keyStore != null)) {
                throw new IllegalStateException("an embedded simulator has no server of its own, so no HTTPS: its host decides");
            }
            if (embedded && closeIdleConnectionsAfter != null) {
                throw new IllegalStateException("an embedded simulator has no connections of its own: its host decides when they close");
            }
            return new PaddleSimulator(this);
        }
    }

    // ------------------------------------------------------------------------------------------ Where it is

    /** @return the API's base URL, {@code http://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create(origin());
    }

    /** @return the origin of the API and of the portal links it hands out */
    public String origin() {
        if (embedded) {
            throw new IllegalStateException("an embedded simulator answers at its host's URL; it has no origin of its own");
        }
        return server.base().toString();
    }

    /**
     * @return the PKCS12 trust store holding the simulator's certificate (password {@link #trustStorePassword()})
     * @throws IllegalStateException when the simulator serves plain HTTP, or the test's own key store
     *         ({@link Builder#https(Path, String)})
     */
    public Path trustStore() {
        return https().trustStore();
    }

    /** @return the trust store's password (a random one, made at start) */
    public String trustStorePassword() {
        return https().password();
    }

    /** @return an SSL context that trusts the simulator's certificate only, for a client in the test */
    public SSLContext clientSslContext() {
        return https().clientContext();
    }

    private GeneratedCertificate https() {
        if (certificate == null) {
            throw new IllegalStateException(!embedded && "https".equals(server.base().getScheme())
                    ? "The simulator serves the test's own key store (builder().https(keyStore, password)): the test's trust store applies"
                    : "The simulator serves plain HTTP; start it with builder().https()");
        }
        return certificate;
    }

    /** @return the key the simulator accepts */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The library's configuration for this simulator, as MicroProfile Config properties: {@code paddle.base-url},
     * {@code paddle.api-key} and {@code paddle.portal.allowed-origins}; with HTTPS also the Rest Client's
     * {@code paddle-api/mp-rest/trustStore}, {@code …/trustStorePassword} and {@code …/trustStoreType}.
     *
     * @return the properties, in that order
     */
    public Map<String, String> configuration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("paddle.base-url", origin());
        configuration.put("paddle.api-key", apiKey);
        configuration.put("paddle.portal.allowed-origins", origin());
        if (certificate != null) {
            configuration.put("paddle-api/mp-rest/trustStore", certificate.trustStore().toUri().toString());
            configuration.put("paddle-api/mp-rest/trustStorePassword", certificate.password());
            configuration.put("paddle-api/mp-rest/trustStoreType", "PKCS12");
        }
        return configuration;
    }

    /**
     * The same configuration as environment variables, one {@code NAME=value} per line: paste them into a server's
     * {@code server.env} (Open Liberty), or pass them to the process that runs the server under test.
     *
     * @return the lines
     */
    public String serverEnv() {
        StringBuilder lines = new StringBuilder();
        configuration().forEach((property, value) -> lines.append(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                .append('=').append(value).append('\n'));
        return lines.toString();
    }

    // ---------------------------------------------------------------------------------------------- Seeding

    /**
     * Makes a customer known (without subscriptions, a portal session for the overview still works).
     *
     * @param id the customer's Paddle ID, {@code ctm_…}
     * @return this
     */
    public PaddleSimulator customer(String id) {
        if (!isId(Objects.requireNonNull(id, "id"), "ctm_")) {
            throw new IllegalArgumentException("a Paddle customer ID matches " + CUSTOMER_ID + "; \"" + id + "\" does not");
        }
        customers.add(id);
        return this;
    }

    /**
     * Adds a subscription (active, next billed in 2030) to a customer, or returns the one with that ID.
     *
     * @param customer the customer's Paddle ID; made known if it was not
     * @param id the subscription's Paddle ID, {@code sub_…}
     * @return the subscription, to set its status, product, price or scheduled change
     */
    public SimulatedSubscription subscription(String customer, String id) {
        customer(customer);
        SimulatedSubscription subscription = subscriptions.computeIfAbsent(id, key -> {
            SimulatedSubscription created = new SimulatedSubscription(key, customer);
            subscriptionOrder.add(key);
            return created;
        });
        if (!subscription.customer().equals(customer)) {
            throw new IllegalArgumentException(id + " belongs to " + subscription.customer() + ", not to " + customer);
        }
        return subscription;
    }

    /**
     * Seeds customers and subscriptions from JSON, e.g. a test resource:
     * <pre>
     * {"customers": [{"id": "ctm_…", "subscriptions": [
     *     {"id": "sub_…", "status": "past_due", "product": "AeroEdit Pro",
     *      "price": {"name": "Monthly", "unit_price_cents": 3000, "currency": "USD"},
     *      "quantity": 10,
     *      "next_billed_at": "2030-01-01T00:00:00Z",
     *      "scheduled_change": {"action": "cancel", "effective_at": "2030-01-31T00:00:00Z"}}]}]}
     * </pre>
     * Every subscription field but {@code id} is optional (the defaults of {@link #subscription}).
     *
     * @param json the document
     * @return this
     * @throws IllegalArgumentException naming the field that is missing or wrong, e.g. {@code customers[0].subscriptions[1].status}
     */
    public PaddleSimulator seed(String json) {
        JsonSeed.apply(this, json);
        return this;
    }

    /**
     * Takes a permission away from the key, so the calls that need it answer {@code 403 forbidden}.
     *
     * @param permission {@link #PORTAL_SESSION_WRITE} or {@link #SUBSCRIPTION_READ}
     * @return this
     */
    public PaddleSimulator withoutPermission(String permission) {
        missingPermissions.add(Objects.requireNonNull(permission, "permission"));
        return this;
    }

    // ----------------------------------------------------------------------------------------------- Faults

    /**
     * Makes the next calls fail; after them the simulator answers normally again (or with {@link #always}).
     *
     * @param calls how many calls, at least 1
     * @param fault what they get
     * @return this
     */
    public PaddleSimulator nextCalls(int calls, Fault fault) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1, not " + calls);
        }
        refuseConnectionFaultWhenEmbedded(fault);
        for (int i = 0; i < calls; i++) {
            nextFaults.add(fault);
        }
        return this;
    }

    /**
     * Makes every call fail this way until changed; {@link #nextCalls} faults come first.
     *
     * @param fault what every call gets, or null for healthy answers again
     * @return this
     */
    public PaddleSimulator always(Fault fault) {
        if (fault != null) {
            refuseConnectionFaultWhenEmbedded(fault);
        }
        this.always = fault;
        return this;
    }

    private void refuseConnectionFaultWhenEmbedded(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (embedded && fault.needsOwnConnection()) {
            throw new IllegalStateException(fault + " needs the simulator's own server; an embedded simulator answers through its host");
        }
    }

    // -------------------------------------------------------------------------------------------- Recording

    /** @return every request received since the start or the last {@link #reset}, oldest first */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The calls to Paddle's API among {@link #requests()}: what a test means by "the library asked Paddle", without
     * the portal pages a browser opened (and their late favicon requests).
     *
     * @return those requests, oldest first
     */
    public List<RecordedRequest> apiCalls() {
        return requests.stream().filter(RecordedRequest::isApiCall).toList();
    }

    /**
     * Tells what a portal link opens, when this simulator issued it (and still remembers it, see
     * {@link Builder#rememberedLinks}): for a test that asserts where a redirect leads, or a host that renders its own
     * portal page.
     *
     * @param link the link, e.g. a redirect's {@code Location}
     * @return customer, action and subscription; empty for a link it did not issue, or one changed after it was issued
     */
    public Optional<PortalLink> portalLink(String link) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(link, "link"));
        } catch (IllegalArgumentException notALink) {
            return Optional.empty();
        }
        if (uri.getRawPath() == null || !isPortalPath(uri.getRawPath())) {
            return Optional.empty();
        }
        return issuedFor(uri.getRawPath(), query(uri.getRawQuery()));
    }

    private Optional<PortalLink> issuedFor(String path, Map<String, String> query) {
        String token = query.getOrDefault("token", "");
        int length = "pga_".length() + TOKEN_KEY_LENGTH + 2;
        if (token.length() != length || !token.startsWith("pga_")) {
            return Optional.empty();
        }
        IssuedLinks links = issued.get(token.substring("pga_".length(), length - 2));
        int high = TOKEN_CHARACTERS.indexOf(token.charAt(length - 2));
        int low = TOKEN_CHARACTERS.indexOf(token.charAt(length - 1));
        if (links == null || !links.path().equals(path) || high < 0 || low < 0) {
            return Optional.empty();
        }
        return links.opens(high << 6 | low, query.get("action"), query.get("subscription_id"));
    }

    /**
     * Counts the portal sessions this simulator created for a customer with exactly these subscriptions (in any order).
     *
     * @param customer the customer
     * @param subscriptions the subscriptions of the session; none for an overview-only session
     * @return how many
     */
    public int portalSessionsCreated(String customer, String... subscriptions) {
        Set<String> wanted = Set.of(subscriptions);
        return (int) sessions.stream().filter(s -> s.customer().equals(customer) && s.subscriptions().size() == subscriptions.length
                && wanted.containsAll(s.subscriptions())).count();
    }

    /**
     * @param quiet how long
     * @return whether no request arrived within that time before now
     */
    public boolean receivedNothingFor(Duration quiet) {
        RecordedRequest last = requests.peekLast();
        return last == null || last.receivedAt().isBefore(clock.instant().minus(quiet));
    }

    /**
     * Forgets every customer, subscription, missing permission, fault, request, notification sent and issued link; the
     * notification destination and secret stay.
     */
    public void reset() {
        clearFaultsAndRequests();
        subscriptions.clear();
        subscriptionOrder.clear();
        customers.clear();
        missingPermissions.clear();
        issued.clear();
        issuedOrder.clear();
        issuedLinkCount.set(0);
    }

    /** Forgets the faults, the recorded requests and the notifications sent; the seeded data and the destination stay. */
    public void clearFaultsAndRequests() {
        nextFaults.clear();
        always = null;
        requests.clear();
        requestCount.set(0);
        sessions.clear();
        sessionCount.set(0);
        notifier.forgetSent();
    }

    // ---------------------------------------------------------------------------------------- Notifications

    /**
     * Sends the notifications to this URL from now on (see {@link Builder#notifyTo}), or to nobody.
     *
     * @param destination the receiver's URL, http(s) on 127.0.0.1, localhost or [::1]; null to send nothing
     * @return this
     * @throws IllegalArgumentException for any other host or scheme
     */
    public PaddleSimulator notifyTo(URI destination) {
        notifier.destination(destination);
        return this;
    }

    /** @return where the notifications go; empty when nothing is sent */
    public Optional<URI> notificationDestination() {
        return Optional.ofNullable(notifier.destination());
    }

    /**
     * @return the secret the notifications are signed with, to configure the receiver under test with (the test's own
     *         from {@link Builder#notificationSecret}, or the one made at start)
     */
    public String notificationSecret() {
        return notifier.secret();
    }

    /**
     * Sends a notification about a subscription now, as the spec says (duplicated, out of order, badly signed, with a
     * stale or future timestamp), synchronously: when this returns, the receiver has answered each delivery or failed to
     * within 2 s.
     *
     * @param spec the notification
     * @return its deliveries, in the order made (also in {@link #notificationsSent()})
     * @throws IllegalArgumentException when the simulator knows no such subscription
     * @throws IllegalStateException when there is no destination ({@link #notifyTo})
     */
    public List<NotificationDelivery> notify(NotificationSpec spec) {
        SimulatedSubscription subscription = subscriptions.get(Objects.requireNonNull(spec, "spec").subscriptionId());
        if (subscription == null) {
            throw new IllegalArgumentException("the simulator knows no subscription " + spec.subscriptionId() + ": seed it with subscription(customer, id)");
        }
        return notifier.notify(spec, Answer.subscriptionJson(subscription));
    }

    /**
     * @return the notifications delivered (or tried) since the start or the last {@link #clearFaultsAndRequests()},
     *         oldest first; as many as {@link Builder#rememberedRequests} at most
     */
    public List<NotificationDelivery> notificationsSent() {
        return notifier.sent();
    }

    /**
     * Does what the confirm button of a portal link's page does, as Paddle's portal: for a {@code cancel_subscription}
     * link it schedules the cancellation at the end of the billing period ({@code scheduled_change} action
     * {@code cancel}, effective at {@code next_billed_at}, or in 30 days when there is none); for an
     * {@code update_subscription_payment_method} link nothing shows but the notification. Each change sends
     * {@code subscription.updated} with the subscription, synchronously, when there is a destination. A cancellation
     * already scheduled stays as it was, and sends nothing. The simulator's own page calls this when its form is posted;
     * a host that renders its own portal page (the demo) calls it with {@link #portalLink(String)}'s answer.
     *
     * @param link a cancel or payment-method link
     * @return what changed, and the notifications sent
     * @throws IllegalArgumentException for an overview link, or a subscription the simulator does not know (any more)
     *         for that customer
     * @throws IllegalStateException when the subscription is canceled already
     */
    public PortalChange confirm(PortalLink link) {
        Objects.requireNonNull(link, "link");
        boolean cancel = "cancel_subscription".equals(link.action());
        if (!cancel && !"update_subscription_payment_method".equals(link.action())) {
            throw new IllegalArgumentException("only cancel_subscription and update_subscription_payment_method links have a form to confirm, not "
                    + link.action());
        }
        SimulatedSubscription subscription = link.subscription() == null ? null : subscriptions.get(link.subscription());
        if (subscription == null || !subscription.customer().equals(link.customer())) {
            throw new IllegalArgumentException("the simulator knows no subscription " + link.subscription() + " of " + link.customer());
        }
        synchronized (subscription) {
            if ("canceled".equals(subscription.status())) {
                throw new IllegalStateException(subscription.id() + " is canceled already");
            }
            if (!cancel) {
                return new PortalChange(link, null, notifier.changed("subscription.updated", Answer.subscriptionJson(subscription)));
            }
            if ("cancel".equals(subscription.scheduledAction())) {
                return new PortalChange(link, subscription.scheduledAt(), List.of());
            }
            Instant cancelsAt = subscription.nextBilledAt() != null ? subscription.nextBilledAt() : clock.instant().plus(Duration.ofDays(30));
            subscription.scheduledChange("cancel", cancelsAt);
            return new PortalChange(link, cancelsAt, notifier.changed("subscription.updated", Answer.subscriptionJson(subscription)));
        }
    }

    // ------------------------------------------------------------------------------ Connections and cost

    /**
     * Changes, while the simulator runs, how long a keep-alive connection may stay idle after an answer before the
     * simulator closes it (see {@link Builder#closeIdleConnectionsAfter}); it applies to the connections idle already.
     *
     * @param idle how long; positive
     * @return this
     */
    public PaddleSimulator closeIdleConnectionsAfter(Duration idle) {
        ownServer("closing idle connections").closeIdleConnectionsAfter(positive(idle));
        return this;
    }

    /**
     * Keeps idle keep-alive connections open from now on (the default), until the client or {@link #close()} closes them.
     *
     * @return this
     */
    public PaddleSimulator keepIdleConnectionsOpen() {
        ownServer("keeping idle connections").closeIdleConnectionsAfter(null);
        return this;
    }

    /**
     * @return the TCP connections the simulator accepted since it started ({@link #reset} does not change it); 0 for
     *         an embedded simulator
     */
    public long connectionsOpened() {
        return embedded ? 0 : server.connectionsOpened();
    }

    /**
     * @return the TLS connections on which the client presented a certificate the trust store of
     *         {@link Builder#requireClientCertificate} trusts, since the simulator started ({@link #reset} does not
     *         change it); 0 when none is required
     */
    public long clientCertificatesVerified() {
        return embedded ? 0 : server.clientCertificatesVerified();
    }

    /** @return the connections open now; 0 for an embedded simulator */
    public int openConnections() {
        return embedded ? 0 : server.openConnections();
    }

    /**
     * @return the requests the simulator received since it started, portal pages and faulty calls included; unlike
     *         {@link #requests()} neither bounded nor cleared by {@link #reset}
     */
    public long requestsReceived() {
        return requestsReceived.get();
    }

    /**
     * The CPU time of the simulator's own threads since it started: the one accepting connections, the one closing idle
     * ones, and one per connection, running or ended. A benchmark divides it by the calls to tell what the simulator
     * costs per call, and whether it is the bottleneck. It leaves out the JVM's shared work (garbage collection, the JIT
     * compiler).
     *
     * @return the time; zero for an embedded simulator (its host's threads do the work) and where the JVM does not
     *         measure thread CPU time
     */
    public Duration cpuTime() {
        return Duration.ofNanos(embedded ? 0 : server.cpuNanos());
    }

    /**
     * Marks this moment, to count what happens after it: requests, connections opened, connections used (also those
     * opened before), CPU time. A test or benchmark may hold any number of marks.
     *
     * <pre>
     * PaddleSimulator.Mark mark = paddle.mark();
     * // ... 1000 calls from a client with a connection pool ...
     * assertThat(mark.connectionsUsed()).isLessThanOrEqualTo(20);
     * </pre>
     *
     * @return the mark
     */
    public Mark mark() {
        return new Mark(this);
    }

    /**
     * Counts since {@link PaddleSimulator#mark()}. Each method reads the simulator anew, so one mark can be read
     * several times while calls go on.
     */
    public static final class Mark {

        private final PaddleSimulator simulator;
        private final long requests;
        private final long connectionsOpened;
        private final long lastRequestRead;
        private final long cpuNanos;

        private Mark(PaddleSimulator simulator) {
            this.simulator = simulator;
            this.requests = simulator.requestsReceived();
            this.connectionsOpened = simulator.connectionsOpened();
            this.lastRequestRead = simulator.embedded ? 0 : simulator.server.requestsRead();
            this.cpuNanos = simulator.cpuTime().toNanos();
        }

        /** @return the requests received since the mark, see {@link PaddleSimulator#requestsReceived()} */
        public long requests() {
            return simulator.requestsReceived() - requests;
        }

        /** @return the connections accepted since the mark */
        public long connectionsOpened() {
            return simulator.connectionsOpened() - connectionsOpened;
        }

        /**
         * @return how many distinct connections carried at least one request since the mark: those opened since and
         *         those opened before, open now or closed since; 0 for an embedded simulator
         */
        public long connectionsUsed() {
            return simulator.embedded ? 0 : simulator.server.connectionsUsedAfter(lastRequestRead);
        }

        /** @return the simulator's CPU time since the mark, see {@link PaddleSimulator#cpuTime()} */
        public Duration cpuTime() {
            return simulator.cpuTime().minusNanos(cpuNanos);
        }
    }

    private SimulatorServer ownServer(String what) {
        if (embedded) {
            throw new IllegalStateException("an embedded simulator has no connections of its own, so no " + what + ": its host decides");
        }
        return server;
    }

    private static Duration positive(Duration idle) {
        if (Objects.requireNonNull(idle, "idle").isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the idle time must be positive, not " + idle);
        }
        return idle;
    }

    /** Stops the server and closes its connections; hanging and slow answers end. */
    @Override
    public void close() {
        closing.countDown();
        if (embedded) {
            return;
        }
        server.close();
        if (certificate != null) {
            certificate.delete();
        }
    }

    // ------------------------------------------------------------------------------------------- HTTP

    /**
     * Answers one request: what an embedded simulator's host calls for each request it receives (its own server
     * does the same). Records the request, applies the next fault, and answers like Paddle.
     *
     * @param exchange the request and where to send the answer
     * @throws IOException when the request cannot be read or the answer cannot be sent
     */
    public void serve(SimulatorExchange exchange) throws IOException {
        requestsReceived.incrementAndGet();
        String body = new String(exchange.body(), StandardCharsets.UTF_8);
        String path = exchange.path();
        String rawQuery = exchange.rawQuery();
        long connection = exchange instanceof SimulatorServer.Exchange own ? own.connection() : 0;
        record(new RecordedRequest(exchange.method(), path, rawQuery == null ? "" : rawQuery, maskedHeaders(exchange.headers()), body,
                clock.instant(), connection));
        if (isPortalPath(path) && ("GET".equals(exchange.method()) || "POST".equals(exchange.method()))) {
            servePortal(exchange, path, rawQuery, body);
            return;
        }
        Fault fault = nextFaults.poll();
        if (fault == null) {
            fault = always;
        }
        if (fault != null && misbehave(exchange, fault)) {
            return;
        }
        answer(exchange.method(), path, query(rawQuery), header(exchange, "Authorization"), header(exchange, "Paddle-Version"), body, fault,
                exchange.base()).send(exchange, fault);
    }

    /**
     * The simulated portal page: GET shows the link's page with its confirm form; POST (the form, to the link itself)
     * confirms. The way back is where the page's GET came from, when that was on the loopback interface: Paddle's portal
     * has no return URL.
     */
    private void servePortal(SimulatorExchange exchange, String path, String rawQuery, String body) throws IOException {
        PortalLink link = issuedFor(path, query(rawQuery)).orElse(null);
        if (link == null) {
            Answer.portalRefused().send(exchange, null);
            return;
        }
        if ("GET".equals(exchange.method())) {
            String self = exchange.base().getRawPath() + path + (rawQuery == null ? "" : "?" + rawQuery);
            List<SimulatedSubscription> shown = subscriptionOrder.stream().map(subscriptions::get)
                    .filter(s -> s.customer().equals(link.customer()) && (link.subscription() == null || s.id().equals(link.subscription()))).toList();
            Answer.portalPage(link, self, loopbackOrNull(header(exchange, "Referer")), shown).send(exchange, null);
            return;
        }
        String back = loopbackOrNull(query(body).get("back"));
        try {
            Answer.portalConfirmed(confirm(link), back).send(exchange, null);
        } catch (IllegalArgumentException | IllegalStateException unchangeable) {
            Answer.portalUnchanged(unchangeable.getMessage(), back).send(exchange, null);
        }
    }

    /** @return the URL when it is http(s) on the loopback interface, else null */
    private static String loopbackOrNull(String url) {
        if (url == null) {
            return null;
        }
        try {
            return Notifier.onLoopback(URI.create(url)) ? url : null;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private void record(RecordedRequest request) {
        requests.add(request);
        if (requestCount.incrementAndGet() > rememberedRequests && requests.pollFirst() != null) {
            requestCount.decrementAndGet();
        }
    }

    private static String header(SimulatorExchange exchange, String name) {
        for (Map.Entry<String, List<String>> header : exchange.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** @return true when the fault replaced the answer entirely */
    private boolean misbehave(SimulatorExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case SLOW -> pause(fault.duration());
            case HANG -> {
                if (exchange instanceof SimulatorServer.Exchange own) {
                    own.hang(fault.duration());
                } else {
                    pause(fault.duration());
                }
                return true;
            }
            case CLOSE_BEFORE_ANSWER -> {
                return true;
            }
            case RESET_CONNECTION -> {
                ((SimulatorServer.Exchange) exchange).reset();
                return true;
            }
            case ERROR -> {
                Answer.faultError(fault).send(exchange, null);
                return true;
            }
            case GARBAGE -> {
                Answer.garbage().send(exchange, null);
                return true;
            }
            case ANSWER -> {
                Fault.FixedAnswer fixed = fault.fixedAnswer();
                Map<String, String> headers = new LinkedHashMap<>(fixed.headers());
                headers.put("Content-Type", fixed.contentType());
                exchange.respond(fixed.status(), headers, fixed.body().clone());
                return true;
            }
            case HTML_PAGE -> {
                Answer.htmlErrorPage(fault.status()).send(exchange, null);
                return true;
            }
            default -> {
                // the answer is built normally and then changed (links, customer) or cut (CLOSE_DURING_ANSWER)
            }
        }
        return false;
    }

    private void pause(Duration duration) {
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer answer(String method, String path, Map<String, String> query, String authorization, String paddleVersion, String body, Fault fault, URI base) {
        Answer refused = refusedAuthentication(authorization, paddleVersion);
        if (refused != null) {
            return refused;
        }
        String customer = sessionsCustomer(path);
        if (customer != null && "POST".equals(method)) {
            return createPortalSession(URLDecoder.decode(customer, StandardCharsets.UTF_8), body, fault, originOf(base));
        }
        if ("/subscriptions".equals(path) && "GET".equals(method)) {
            return listSubscriptions(query, base);
        }
        return error(404, "not_found", "The simulator has no " + method + " " + path + " (it simulates the two calls Portal Links makes).",
                List.of());
    }

    private Answer refusedAuthentication(String authorization, String paddleVersion) {
        if (authorization == null) {
            return error(403, "authentication_missing", "Authentication header missing.", List.of());
        }
        // the scheme in any case (RFC 9110 11.1): Paddle's Node SDK sends "bearer"
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length()) || authorization.length() == "Bearer ".length()) {
            return error(403, "authentication_malformed", "Authentication header included, but incorrectly formatted.", List.of());
        }
        if (!authorization.substring("Bearer ".length()).equals(apiKey)) {
            return error(403, "invalid_token", "Invalid or revoked API key.", List.of());
        }
        if (paddleVersion != null && !"1".equals(paddleVersion)) {
            return error(400, "invalid_field", "Invalid request.", List.of(Map.entry("Paddle-Version", "must be 1")));
        }
        return null;
    }

    // ------------------------------------------------------------------------------------- Portal sessions

    private Answer createPortalSession(String customer, String body, Fault fault, String ownOrigin) {
        if (missingPermissions.contains(PORTAL_SESSION_WRITE)) {
            return forbidden(PORTAL_SESSION_WRITE);
        }
        if (!isId(customer, "ctm_")) {
            return error(400, "invalid_field", "Invalid request.", List.of(Map.entry("customer_id", "does not match pattern " + CUSTOMER_ID)));
        }
        if (!customers.contains(customer)) {
            return error(404, "not_found", "Entity " + customer + " not found", List.of());
        }
        List<String> ids;
        try {
            ids = subscriptionIds(body);
        } catch (JsonException | ClassCastException malformed) {
            return error(400, "bad_request", "Invalid request body: it is not the JSON the endpoint expects.", List.of());
        }
        List<Map.Entry<String, String>> fieldErrors = new ArrayList<>();
        if (ids.size() > MAX_SUBSCRIPTIONS) {
            fieldErrors.add(Map.entry("subscription_ids", "must contain at most " + MAX_SUBSCRIPTIONS + " items"));
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            fieldErrors.add(Map.entry("subscription_ids", "items must be unique"));
        }
        for (int i = 0; i < ids.size(); i++) {
            SimulatedSubscription known = subscriptions.get(ids.get(i));
            if (!isId(ids.get(i), "sub_")) {
                fieldErrors.add(Map.entry("subscription_ids[" + i + "]", "does not match pattern " + SUBSCRIPTION_ID));
            } else if (known == null || !known.customer().equals(customer)) {
                fieldErrors.add(Map.entry("subscription_ids[" + i + "]", "subscription does not belong to the customer"));
            }
        }
        if (!fieldErrors.isEmpty()) {
            return error(400, "invalid_field", "Invalid request.", fieldErrors);
        }
        sessions.add(new CreatedSession(customer, List.copyOf(ids)));
        if (sessionCount.incrementAndGet() > rememberedRequests && sessions.pollFirst() != null) {
            sessionCount.decrementAndGet();
        }
        Fault.Kind change = fault == null ? null : fault.kind();
        String answeredCustomer = change == Fault.Kind.OTHER_CUSTOMER_LINK ? "ctm_" + randomText(26, ID_CHARACTERS) : customer;
        List<String> linked = new ArrayList<>(ids);
        if (change == Fault.Kind.UNREQUESTED_SUBSCRIPTION_LINK) {
            linked.add("sub_" + randomText(26, ID_CHARACTERS));
        }
        IssuedLinks links = issue(customer, linked);
        return Answer.sessionCreated(answeredCustomer, links, ownOrigin, change == Fault.Kind.FOREIGN_HOST_LINK, clock.instant());
    }

    private static List<String> subscriptionIds(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue ids = reader.readObject().get("subscription_ids");
            if (ids == null || ids.getValueType() == JsonValue.ValueType.NULL) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (JsonValue id : (JsonArray) ids) {
                result.add(((JsonString) id).getString());
            }
            return result;
        }
    }

    /** Remembers a session's links, and forgets the oldest sessions' links beyond {@link Builder#rememberedLinks}. */
    private IssuedLinks issue(String customer, List<String> linked) {
        IssuedLinks links = new IssuedLinks(randomText(TOKEN_KEY_LENGTH, TOKEN_CHARACTERS), customer, "/cpl_" + randomText(26, ID_CHARACTERS),
                ThreadLocalRandom.current().nextInt(64 * 64), List.copyOf(linked));
        issued.put(links.key(), links);
        issuedOrder.add(links.key());
        issuedLinkCount.addAndGet(links.count());
        while (issuedLinkCount.get() > rememberedLinks) {
            String oldest = issuedOrder.peek();
            if (oldest == null || oldest.equals(links.key())) {
                // the newest session's links stay, even when they alone are more than the limit
                break;
            }
            if (issuedOrder.remove(oldest)) {
                IssuedLinks forgotten = issued.remove(oldest);
                if (forgotten != null) {
                    issuedLinkCount.addAndGet(-forgotten.count());
                }
            }
        }
        return links;
    }

    // ---------------------------------------------------------------------------------------- Subscriptions

    private Answer listSubscriptions(Map<String, String> query, URI base) {
        if (missingPermissions.contains(SUBSCRIPTION_READ)) {
            return forbidden(SUBSCRIPTION_READ);
        }
        String customer = query.get("customer_id");
        Set<String> statuses = STATUSES;
        String status = query.get("status");
        if (status != null && !status.isBlank()) {
            statuses = Set.of(status.split(","));
            for (String one : statuses) {
                if (!STATUSES.contains(one)) {
                    return error(400, "invalid_field", "Invalid request.", List.of(Map.entry("status", "\"" + one + "\" is not one of " + STATUSES)));
                }
            }
        }
        int perPage = 50;
        if (query.containsKey("per_page")) {
            try {
                perPage = Integer.parseInt(query.get("per_page"));
            } catch (NumberFormatException notANumber) {
                perPage = -1;
            }
            if (perPage < 1 || perPage > 200) {
                return error(400, "invalid_field", "Invalid request.", List.of(Map.entry("per_page", "must be 1 to 200")));
            }
        }
        Set<String> wanted = statuses;
        List<SimulatedSubscription> matching = subscriptionOrder.stream().map(subscriptions::get)
                .filter(s -> (customer == null || Set.of(customer.split(",")).contains(s.customer())) && wanted.contains(s.status())).toList();
        int start = 0;
        String after = query.get("after");
        if (after != null) {
            start = matching.stream().map(SimulatedSubscription::id).toList().indexOf(after) + 1;
            if (start == 0) {
                return error(400, "invalid_field", "Invalid request.", List.of(Map.entry("after", "cursor does not match an entity")));
            }
        }
        int size = Math.min(perPage, maxPerPage);
        List<SimulatedSubscription> page = matching.subList(Math.min(start, matching.size()), Math.min(start + size, matching.size()));
        String last = page.isEmpty() ? (after == null ? "" : after) : page.get(page.size() - 1).id();
        String next = base + "/subscriptions?" + (customer == null ? "" : "customer_id=" + customer + "&") + "after=" + last + "&per_page=" + size;
        return Answer.subscriptionsPage(page, size, next, start + page.size() < matching.size(), matching.size());
    }

    // --------------------------------------------------------------------------------------------- Helpers

    private static String originOf(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static Map<String, List<String>> maskedHeaders(Map<String, List<String>> received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), "authorization".equalsIgnoreCase(name)
                ? values.stream().map(PaddleSimulator::masked).toList() : List.copyOf(values)));
        return headers;
    }

    /** The scheme and the key's first 16 characters ({@code pdl_sdbx_apikey_}): enough to tell keys apart, never the secret. */
    private static String masked(String authorization) {
        int keyStart = authorization.indexOf(' ') + 1;
        int shown = Math.min(authorization.length(), keyStart + 16);
        return authorization.substring(0, shown) + (shown < authorization.length() ? "…[masked]" : "");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            parameters.putIfAbsent(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /**
     * Random characters for IDs and tokens. {@link ThreadLocalRandom}, not {@code SecureRandom}: nobody guesses a test
     * simulator's tokens, and {@code SecureRandom} would cost more than the rest of an answer.
     */
    static String randomText(int length, String alphabet) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** @return whether the text is the prefix and 26 of {@code [a-z0-9]}, as Paddle's IDs are; a loop, since it runs for every ID of every call */
    private static boolean isId(String text, String prefix) {
        if (text.length() != prefix.length() + 26 || !text.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the path is a portal link's, {@code /cpl_…} */
    private static boolean isPortalPath(String path) {
        return isId(path, "/cpl_");
    }

    /** @return the raw customer ID of a {@code /customers/{id}/portal-sessions} path, or null for another path */
    private static String sessionsCustomer(String path) {
        if (!path.startsWith(SESSIONS_PREFIX) || !path.endsWith(SESSIONS_SUFFIX) || path.length() <= SESSIONS_PREFIX.length() + SESSIONS_SUFFIX.length()) {
            return null;
        }
        String customer = path.substring(SESSIONS_PREFIX.length(), path.length() - SESSIONS_SUFFIX.length());
        return customer.indexOf('/') < 0 ? customer : null;
    }
}
