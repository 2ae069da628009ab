package dev.portallinks.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.PortalConfigurationException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Validation of the configuration: every failure names the property, and no message or toString() shows the key.
class SettingsReaderTest {

    private static final String SANDBOX_KEY = "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";
    private static final String LIVE_KEY = "pdl_live_apikey_01hv8x29kz0t586xy6zn1a62ny_UnitTestSecret";
    private static final String LEGACY_KEY = "4f8c2a9e71b3d05f6a2c8e4b9d1f7a3c5e0b2d4f6a8c1e3b5d7f9a2c4e6b8d0f1aUnitTestSecret";

    private static PortalLinksSettings read(Map<String, String> properties) {
        return new SettingsReader(key -> Optional.ofNullable(properties.get(key))).read();
    }

    private static Map<String, String> with(String key, String... propertyValuePairs) {
        Map<String, String> properties = new HashMap<>();
        if (key != null) {
            properties.put(SettingsReader.API_KEY, key);
        }
        for (int i = 0; i < propertyValuePairs.length; i += 2) {
            properties.put(propertyValuePairs[i], propertyValuePairs[i + 1]);
        }
        return properties;
    }

    /** Reads, expects a failure naming the property, and checks that no configured key leaks. */
    private static PortalConfigurationException fails(Map<String, String> properties, String property, String... expectedInMessage) {
        PortalConfigurationException e = catchThrowableOfType(PortalConfigurationException.class, () -> read(properties));
        assertThat(e).as("the configuration %s must be rejected", properties.keySet()).isNotNull();
        assertThat(e.property()).isEqualTo(property);
        assertThat(e.getMessage()).startsWith("Invalid configuration of " + property + ": ").contains(expectedInMessage);
        String configuredKey = properties.get(SettingsReader.API_KEY);
        for (String text : List.of(e.getMessage(), e.toString())) {
            assertThat(text).doesNotContain("UnitTestSecret");
            if (configuredKey != null && configuredKey.strip().length() > 5) {
                assertThat(text).doesNotContain(configuredKey).doesNotContain(configuredKey.strip());
            }
        }
        return e;
    }

    // --- The key and the environment ---

    @Test
    void sandboxKeyMeansSandbox() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY));

        assertThat(settings.apiKey()).isEqualTo(SANDBOX_KEY);
        assertThat(settings.environment()).isEqualTo(PaddleEnvironment.SANDBOX);
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://sandbox-api.paddle.com"));
    }

    @Test
    void liveKeyMeansLive() {
        PortalLinksSettings settings = read(with(LIVE_KEY));

        assertThat(settings.environment()).isEqualTo(PaddleEnvironment.LIVE);
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.paddle.com"));
    }

    @Test
    void defaults() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY));

        assertThat(settings.allowedOrigins()).containsExactly(URI.create("https://customer-portal.paddle.com"),
                URI.create("https://sandbox-customer-portal.paddle.com"));
        assertThat(settings.fallbackUrl()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1000));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(2000));
        assertThat(settings.pageSize()).isEqualTo(200);
        assertThat(settings.linksPerCustomerPerMinute()).isEqualTo(20);
    }

    @Test
    void missingKeyIsReportedWithItsEnvironmentVariable() {
        fails(with(null), "paddle.api-key", "PADDLE_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void blankKeyIsReportedWithItsEnvironmentVariable(String key) {
        fails(with(key), "paddle.api-key", "PADDLE_API_KEY", "it is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_abc1234567890UnitTestSecret", "live_abc1234567890UnitTestSecret"})
    void clientSideTokenIsRejected(String token) {
        fails(with(token), "paddle.api-key", "client-side token");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer " + SANDBOX_KEY,
        SANDBOX_KEY + "\n",
        " " + SANDBOX_KEY,
        "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny UnitTestSecret",
        "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny\tUnitTestSecret"
    })
    void keyWithWhitespaceOrBearerPrefixIsRejected(String key) {
        fails(with(key), "paddle.api-key", "spaces or line breaks");
    }

    @ParameterizedTest
    @ValueSource(strings = {SANDBOX_KEY + "\"", SANDBOX_KEY + ";", "\"" + SANDBOX_KEY + "\"", "pdl_sdbx_apikey_é_UnitTestSecret"})
    void keyWithForeignCharactersIsRejected(String key) {
        fails(with(key), "paddle.api-key", "characters a Paddle API key does not have");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdl_sdbx_apikey_short", "pdl_live_apikey_01hv8x29kz0t586xy6zn1a62ny", "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62n_Secret",
        "pdl_sdbx_apikey_01HV8X29KZ0T586XY6ZN1A62NY_Secret", "pdl_sdbx_ntfset_01hv8x29kz0t586xy6zn1a62ny_Secret", "pdl_sdbx_apikey_01hv8x29kz0t586xy6zn1a62ny_"})
    void aKeyWithoutTheShapeOfAPaddleKeyIsAConfigurationErrorAtStartUp(String key) {
        fails(with(key), SettingsReader.API_KEY, "does not have its shape", "a 26-character ID, _ and the secret part");
    }

    @Test
    void aRealShapedKeyWithAnUnderscoreInItsSecretIsAccepted() {
        String key = "pdl_live_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO";

        assertThat(read(with(key)).apiKey()).isEqualTo(key);
    }

    @Test
    void legacyKeyNeedsTheEnvironment() {
        fails(with(LEGACY_KEY), "paddle.environment", "PADDLE_ENVIRONMENT", "legacy");
    }

    @ParameterizedTest
    @CsvSource({
        "live, LIVE, https://api.paddle.com",
        "LIVE, LIVE, https://api.paddle.com",
        "' sandbox ', SANDBOX, https://sandbox-api.paddle.com"
    })
    void legacyKeyWithEnvironmentIsAccepted(String environment, PaddleEnvironment expected, URI baseUrl) {
        PortalLinksSettings settings = read(with(LEGACY_KEY, SettingsReader.ENVIRONMENT, environment));

        assertThat(settings.apiKey()).isEqualTo(LEGACY_KEY);
        assertThat(settings.environment()).isEqualTo(expected);
        assertThat(settings.baseUrl()).isEqualTo(baseUrl);
    }

    @Test
    void matchingEnvironmentIsAccepted() {
        assertThat(read(with(LIVE_KEY, SettingsReader.ENVIRONMENT, "live")).environment()).isEqualTo(PaddleEnvironment.LIVE);
    }

    @Test
    void sandboxKeyWithLiveEnvironmentIsRejected() {
        fails(with(SANDBOX_KEY, SettingsReader.ENVIRONMENT, "live"), "paddle.api-key", "sandbox key", "paddle.environment is live");
    }

    @Test
    void liveKeyWithSandboxEnvironmentIsRejected() {
        fails(with(LIVE_KEY, SettingsReader.ENVIRONMENT, "sandbox"), "paddle.api-key", "live key", "paddle.environment is sandbox");
    }

    @Test
    void unknownEnvironmentIsRejected() {
        fails(with(LEGACY_KEY, SettingsReader.ENVIRONMENT, "production"), "paddle.environment", "\"production\"", "sandbox or live");
    }

    @Test
    void keyPastedIntoTheEnvironmentIsNotEchoed() {
        PortalConfigurationException e = fails(with(LEGACY_KEY, SettingsReader.ENVIRONMENT, LIVE_KEY), "paddle.environment",
                "is not a Paddle environment");

        assertThat(e.getMessage()).doesNotContain(LIVE_KEY);
    }

    // --- The base URL ---

    @ParameterizedTest
    @ValueSource(strings = {"https://api.paddle.com", "https://API.paddle.com/", "https://api.paddle.com:443/"})
    void sandboxKeyWithLiveBaseUrlIsRejected(String baseUrl) {
        fails(with(SANDBOX_KEY, SettingsReader.BASE_URL, baseUrl), "paddle.base-url", "Paddle live");
    }

    @Test
    void liveKeyWithSandboxBaseUrlIsRejected() {
        fails(with(LIVE_KEY, SettingsReader.BASE_URL, "https://sandbox-api.paddle.com"), "paddle.base-url", "Paddle sandbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089", "http://localhost:8089/", "http://[::1]:8089", "https://paddle-proxy.example/v1",
        "https://sandbox-api.paddle.com"})
    void baseUrlOverrideIsAccepted(String baseUrl) {
        assertThat(read(with(SANDBOX_KEY, SettingsReader.BASE_URL, baseUrl)).baseUrl()).isEqualTo(URI.create(baseUrl));
    }

    @Test
    void blankBaseUrlMeansTheEnvironmentsUrl() {
        assertThat(read(with(LIVE_KEY, SettingsReader.BASE_URL, "  ")).baseUrl()).isEqualTo(URI.create("https://api.paddle.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://127.0.0.1.example.com:8089", "http://10.0.0.1:8089"})
    void plainHttpBaseUrlIsOnlyAllowedOnLoopback(String baseUrl) {
        fails(with(SANDBOX_KEY, SettingsReader.BASE_URL, baseUrl), "paddle.base-url", "plain http", "PADDLE_BASE_URL");
    }

    @ParameterizedTest
    @CsvSource({
        "not a url, is not a valid URL",
        "sandbox-api.paddle.com, is not an absolute http(s) URL",
        "ftp://sandbox-api.paddle.com, is not an absolute http(s) URL",
        "https:///path-only, is not an absolute http(s) URL"
    })
    void malformedBaseUrlIsRejected(String baseUrl, String problem) {
        fails(with(SANDBOX_KEY, SettingsReader.BASE_URL, baseUrl), "paddle.base-url", problem, "PADDLE_BASE_URL");
    }

    @Test
    void keyInsideABaseUrlIsNotEchoed() {
        fails(with(SANDBOX_KEY, SettingsReader.BASE_URL, "http://proxy.example/?key=" + SANDBOX_KEY), "paddle.base-url", "plain http");
    }

    @Test
    void aLegacyKeyInsideABaseUrlIsNotEchoed() {
        fails(with(LEGACY_KEY, SettingsReader.ENVIRONMENT, "sandbox", SettingsReader.BASE_URL, "http://proxy.example/?key=" + LEGACY_KEY),
                "paddle.base-url", "plain http", "?key=[redacted]");
    }

    @Test
    void aLegacyKeyPastedIntoTheEnvironmentIsNotEchoed() {
        fails(with(LEGACY_KEY, SettingsReader.ENVIRONMENT, LEGACY_KEY), "paddle.environment", "\"[redacted]\" is not a Paddle environment");
    }

    // --- Allowed origins ---

    @Test
    void allowedOriginsAreAList() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.ALLOWED_ORIGINS,
                "https://portal.example.com , http://127.0.0.1:8089,https://sandbox-customer-portal.paddle.com/,"));

        assertThat(settings.allowedOrigins()).containsExactly(URI.create("https://portal.example.com"), URI.create("http://127.0.0.1:8089"),
                URI.create("https://sandbox-customer-portal.paddle.com/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw | is not an origin",
        "https://customer-portal.paddle.com?x=1 | is not an origin",
        "https://customer-portal.paddle.com#top | is not an origin",
        "http://portal.example.com | plain http",
        "customer-portal.paddle.com | is not an absolute http(s) URL",
        "https://customer-portal.paddle.com, not an origin | is not a valid URL",
        ", , | lists no origin"
    })
    void badAllowedOriginsAreRejected(String origins, String problem) {
        fails(with(SANDBOX_KEY, SettingsReader.ALLOWED_ORIGINS, origins), "paddle.portal.allowed-origins", problem);
    }

    // --- Fallback URL ---

    @Test
    void fallbackUrlIsRead() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.FALLBACK_URL,
                "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw"));

        assertThat(settings.fallbackUrl()).contains(URI.create("https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw"));
    }

    @Test
    void fallbackUrlWithTokenIsRejectedWithoutShowingIt() {
        PortalConfigurationException e = fails(with(SANDBOX_KEY, SettingsReader.FALLBACK_URL,
                "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=pga_eyJUnitTestToken"),
                "paddle.portal.fallback-url", "contains a token");

        assertThat(e.getMessage()).doesNotContain("pga_");
    }

    @Test
    void plainHttpFallbackUrlIsRejected() {
        fails(with(SANDBOX_KEY, SettingsReader.FALLBACK_URL, "http://billing.example.com/portal"), "paddle.portal.fallback-url", "plain http");
    }

    // --- Numbers ---

    @Test
    void numbersAreRead() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.CONNECT_TIMEOUT, "500", SettingsReader.READ_TIMEOUT, " 1500 ",
                SettingsReader.PAGE_SIZE, "1"));

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.pageSize()).isEqualTo(1);
        assertThat(settings.notices()).isEmpty();
    }

    // --- The read timeout follows the Fault Tolerance timeout (a blocked socket read ignores FT's interrupt) ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nothing configured: the annotated 2000 ms        | -                                                                      | -    | -    | 2000
            class-level FT timeout, read timeout unset       | dev.portallinks.impl.PaddleGateway/Timeout/value=700                   | -    | -    | 700
            global FT timeout, read timeout unset            | Timeout/value=1200                                                     | -    | -    | 1200
            FT timeout in seconds                            | dev.portallinks.impl.PaddleGateway/Timeout/unit=SECONDS                | -    | -    | 2000000
            shortest of the two methods                      | dev.portallinks.impl.PaddleGateway/listSubscriptions/Timeout/value=900 | -    | -    | 900
            a longer read timeout is cut to the FT timeout   | -                                                                      | 5000 | -    | 2000
            a shorter read timeout is kept                   | -                                                                      | 800  | -    | 800
            the standard key, longer, is cut too             | -                                                                      | -    | 5000 | 2000
            FT timeout switched off: the read timeout alone  | dev.portallinks.impl.PaddleGateway/Timeout/enabled=false               | 5000 | -    | 5000
            FT switched off: the default read timeout        | MP_Fault_Tolerance_NonFallback_Enabled=false                           | -    | -    | 2000
            """)
    void theReadTimeoutFollowsTheFaultToleranceTimeout(String description, String faultTolerance, String readTimeout, String standardReadTimeout,
            long expectedMillis) {
        Map<String, String> config = with(SANDBOX_KEY);
        if (faultTolerance != null) {
            config.put(faultTolerance.substring(0, faultTolerance.indexOf('=')), faultTolerance.substring(faultTolerance.indexOf('=') + 1));
        }
        if (readTimeout != null) {
            config.put(SettingsReader.READ_TIMEOUT, readTimeout);
        }
        if (standardReadTimeout != null) {
            config.put(SettingsReader.REST_CLIENT_READ_TIMEOUT, standardReadTimeout);
        }

        assertThat(read(config).readTimeout()).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void aReadTimeoutLongerThanTheFaultToleranceTimeoutIsANoticeNamingBothKeys() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.READ_TIMEOUT, "5000"));

        assertThat(settings.notices()).singleElement().asString().contains("paddle.http.read-timeout-ms (5000 ms)",
                "Fault Tolerance timeout of the calls to Paddle (2000 ms)", "the HTTP read timeout is 2000 ms",
                "dev.portallinks.impl.PaddleGateway/Timeout/value");
    }

    @Test
    void circuitBreakerKeysOnTheGatewayAreANoticeNamingTheClassThatHasTheCircuit() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, "dev.portallinks.impl.PaddleGateway/CircuitBreaker/delay", "30000",
                "dev.portallinks.impl.PaddleGateway/listSubscriptions/CircuitBreaker/requestVolumeThreshold", "20",
                "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/failureRatio", "0.8", "dev.portallinks.impl.PaddleGateway/Retry/maxRetries", "1"));

        assertThat(settings.notices()).containsExactly("dev.portallinks.impl.PaddleGateway/CircuitBreaker/delay,"
                + " dev.portallinks.impl.PaddleGateway/listSubscriptions/CircuitBreaker/requestVolumeThreshold has no effect: the circuit"
                + " breaker counts calls, not attempts, on dev.portallinks.impl.PaddleCircuit; set the same keys with that class name instead");
    }

    @ParameterizedTest
    @CsvSource({
        "paddle.http.connect-timeout-ms, 0, 60000",
        "paddle.http.connect-timeout-ms, abc, 60000",
        "paddle.http.connect-timeout-ms, -1, 60000",
        "paddle.http.connect-timeout-ms, 60001, 60000",
        "paddle.http.read-timeout-ms, 1.5, 60000",
        "paddle.http.read-timeout-ms, 99999999999, 60000",
        "paddle.subscriptions.page-size, 201, 200",
        "paddle.subscriptions.page-size, 0, 200",
        "paddle.subscriptions.page-size, abc, 200"
    })
    void badNumberIsRejectedNamingTheProperty(String property, String value, int max) {
        fails(with(SANDBOX_KEY, property, value), property, "\"" + value + "\" is not a whole number from 1 to " + max);
    }

    @Test
    void aBadNumberIsQuotedCutAndEscapedNeverAsPasted() {
        // A number property holding a pasted secret and a forged log line: neither reaches the message as it is.
        String pasted = "user:S3cretPassw0rd@cache.example\r\nSEVERE forged line " + "x".repeat(200);

        PortalConfigurationException e = fails(with(SANDBOX_KEY, SettingsReader.CLUSTER_TIMEOUT, pasted), SettingsReader.CLUSTER_TIMEOUT,
                "is not a whole number from 1 to");

        assertThat(e.getMessage()).doesNotContain("S3cretPassw0rd").doesNotContain("\r").doesNotContain("\n").contains("\\u000d")
                .contains(" characters)").contains("(cut from ");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "5, 5", " 10000 , 10000"})
    void theCustomerLinkLimitIsReadAndZeroTurnsItOff(String value, int expected) {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.LINKS_PER_CUSTOMER_PER_MINUTE, value));

        assertThat(settings.linksPerCustomerPerMinute()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10001", "twenty", "2.5"})
    void aBadCustomerLinkLimitNamesThePropertyItsVariableAndHowToTurnItOff(String value) {
        fails(with(SANDBOX_KEY, SettingsReader.LINKS_PER_CUSTOMER_PER_MINUTE, value), SettingsReader.LINKS_PER_CUSTOMER_PER_MINUTE,
                "\"" + value + "\" is not a whole number from 0 to 10000 (PADDLE_PORTAL_LINKS_PER_CUSTOMER_PER_MINUTE; 0 turns the limit off)");
    }

    // --- The standard MicroProfile Rest Client keys: trust store, key store, hostname verifier, proxy, timeouts ---

    private static final String STORE_PASSWORD = "StorePassw0rdSecret";

    /** An empty PKCS12 store written to a temporary file: enough to show it is read with the configured password. */
    private static Path emptyStore(Path folder) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = folder.resolve("store.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    @Test
    void noConnectionKeysMeansTheServersDefaults() {
        ConnectionSettings connection = read(with(SANDBOX_KEY)).connection();

        assertThat(connection.trustStore()).isEmpty();
        assertThat(connection.keyStore()).isEmpty();
        assertThat(connection.hostnameVerifier()).isEmpty();
        assertThat(connection.proxy()).isEmpty();
        assertThat(connection.sslContext()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:", ""})
    void trustAndKeyStoresAreLoadedFromTheStandardKeys(String scheme, @TempDir Path folder) throws Exception {
        String location = scheme + emptyStore(folder);

        ConnectionSettings connection = read(with(SANDBOX_KEY, SettingsReader.TRUST_STORE, location, SettingsReader.TRUST_STORE_PASSWORD,
                STORE_PASSWORD, SettingsReader.TRUST_STORE_TYPE, "PKCS12", SettingsReader.KEY_STORE, location, SettingsReader.KEY_STORE_PASSWORD,
                STORE_PASSWORD)).connection();

        assertThat(connection.trustStore()).get().extracting(KeyStore::getType).isEqualTo("PKCS12");
        assertThat(connection.keyStore()).isPresent();
        assertThat(connection.sslContext()).isPresent();
        assertThat(connection.toString()).contains("trustStore=configured", "keyStore=configured").doesNotContain(STORE_PASSWORD);
        assertThat(SettingsReader.TRUST_STORE).isEqualTo("paddle-api/mp-rest/trustStore");
    }

    @Test
    void aMissingTrustStoreNamesTheKey(@TempDir Path folder) {
        fails(with(SANDBOX_KEY, SettingsReader.TRUST_STORE, "file:" + folder.resolve("absent.p12")), SettingsReader.TRUST_STORE,
                "cannot read the store", "absent.p12", "NoSuchFileException", SettingsReader.TRUST_STORE_PASSWORD);
    }

    @Test
    void aTrustStoreMissingFromTheClassPathNamesTheKey() {
        fails(with(SANDBOX_KEY, SettingsReader.TRUST_STORE, "classpath:/no/such/truststore.p12"), SettingsReader.TRUST_STORE,
                "classpath:/no/such/truststore.p12", "FileNotFoundException");
    }

    @Test
    void aWrongTrustStorePasswordNamesThePasswordKeyButNotThePassword(@TempDir Path folder) throws Exception {
        PortalConfigurationException e = fails(with(SANDBOX_KEY, SettingsReader.TRUST_STORE, emptyStore(folder).toString(),
                SettingsReader.TRUST_STORE_PASSWORD, "WrongPassw0rdSecret", SettingsReader.TRUST_STORE_TYPE, "PKCS12"), SettingsReader.TRUST_STORE,
                "wrong password", SettingsReader.TRUST_STORE_PASSWORD);

        assertThat(e.getMessage()).doesNotContain("WrongPassw0rdSecret", STORE_PASSWORD);
    }

    @Test
    void anUnknownStoreTypeNamesTheTypeKey(@TempDir Path folder) throws Exception {
        fails(with(SANDBOX_KEY, SettingsReader.TRUST_STORE, emptyStore(folder).toString(), SettingsReader.TRUST_STORE_TYPE, "NOPE"),
                SettingsReader.TRUST_STORE_TYPE, "\"NOPE\" is not a key store type");
    }

    /** A hostname verifier an operator could name in the configuration. */
    public static final class AcceptLocalhostOnly implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return "localhost".equals(hostname);
        }
    }

    @Test
    void aHostnameVerifierIsCreatedFromItsClassName() {
        ConnectionSettings connection = read(with(SANDBOX_KEY, SettingsReader.HOSTNAME_VERIFIER, AcceptLocalhostOnly.class.getName())).connection();

        assertThat(connection.hostnameVerifier()).get().isInstanceOf(AcceptLocalhostOnly.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.NoSuchVerifier", "java.lang.String"})
    void aHostnameVerifierThatCannotBeMadeIsRejected(String className) {
        fails(with(SANDBOX_KEY, SettingsReader.HOSTNAME_VERIFIER, className), SettingsReader.HOSTNAME_VERIFIER, className,
                "javax.net.ssl.HostnameVerifier");
    }

    @ParameterizedTest
    @CsvSource({"proxy.example.com:3128, proxy.example.com, 3128", "127.0.0.1:8080, 127.0.0.1, 8080", "'[::1]:3128', ::1, 3128"})
    void aProxyAddressIsHostAndPort(String text, String host, int port) {
        ConnectionSettings connection = read(with(SANDBOX_KEY, SettingsReader.PROXY_ADDRESS, text)).connection();

        assertThat(connection.proxy()).contains(new ConnectionSettings.ProxyAddress(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "proxy.example.com:0", "proxy.example.com:65536", ":3128", "http://proxy:3128/x", "proxy:abc"})
    void aMalformedProxyAddressIsRejected(String text) {
        fails(with(SANDBOX_KEY, SettingsReader.PROXY_ADDRESS, text), SettingsReader.PROXY_ADDRESS, "is not host:port");
    }

    @Test
    void theStandardTimeoutKeysApplyWhenThePaddleKeysAreAbsent() {
        PortalLinksSettings standard = read(with(SANDBOX_KEY, SettingsReader.REST_CLIENT_CONNECT_TIMEOUT, "700", SettingsReader.REST_CLIENT_READ_TIMEOUT,
                "1500"));
        PortalLinksSettings both = read(with(SANDBOX_KEY, SettingsReader.REST_CLIENT_READ_TIMEOUT, "1500", SettingsReader.READ_TIMEOUT, "1800"));

        assertThat(standard.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(standard.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(both.readTimeout()).isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void aBadStandardTimeoutNamesTheStandardKey() {
        fails(with(SANDBOX_KEY, SettingsReader.REST_CLIENT_READ_TIMEOUT, "soon"), SettingsReader.REST_CLIENT_READ_TIMEOUT, "\"soon\" is not a whole number");
    }

    // --- toString ---

    @Test
    void settingsToStringHidesTheKey() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.FALLBACK_URL, "https://billing.example.com/portal"));

        assertThat(settings.toString()).doesNotContain(SANDBOX_KEY).doesNotContain("UnitTestSecret").contains("apiKey=[redacted]",
                "environment=SANDBOX", "https://sandbox-api.paddle.com", "https://billing.example.com/portal", "pageSize=200");
    }

    @Test
    void legacyKeySettingsToStringHidesTheKey() {
        PortalLinksSettings settings = read(with(LEGACY_KEY, SettingsReader.ENVIRONMENT, "live"));

        assertThat(settings.toString()).doesNotContain(LEGACY_KEY).doesNotContain("UnitTestSecret").contains("environment=LIVE");
    }

    // --- The cluster (paddle.cluster.*) ---

    @Test
    void withoutACacheNameTheStateIsPerInstance() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY));

        assertThat(settings.cluster().shared()).isFalse();
        assertThat(settings.cluster().timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.cluster().retryInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.notices()).isEmpty();
        assertThat(settings.toString()).contains("cluster=per instance");
    }

    @Test
    void aCacheNameSharesTheStateThroughTwoCaches() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.CLUSTER_CACHE_NAME, "portal-links",
                SettingsReader.CLUSTER_CACHE_PROVIDER, "com.hazelcast.cache.HazelcastMemberCachingProvider",
                SettingsReader.CLUSTER_CACHE_URI, "classpath:hazelcast-portal.xml", SettingsReader.CLUSTER_TIMEOUT, "250",
                SettingsReader.CLUSTER_RETRY_INTERVAL, "10000"));

        assertThat(settings.cluster().shared()).isTrue();
        assertThat(settings.cluster().windowCacheName()).isEqualTo("portal-links.retry-after");
        assertThat(settings.cluster().customerCacheName()).isEqualTo("portal-links.customer-links");
        assertThat(settings.cluster().cacheUri()).contains(URI.create("classpath:hazelcast-portal.xml"));
        assertThat(settings.cluster().timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.cluster().retryInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.toString()).contains("JCache caches portal-links.retry-after and portal-links.customer-links");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", ".starts-with-a-dot", "slash/in/it"})
    void aCacheNameThatIsNotOneIsRejected(String name) {
        fails(with(SANDBOX_KEY, SettingsReader.CLUSTER_CACHE_NAME, name), SettingsReader.CLUSTER_CACHE_NAME, "is not a cache name");
    }

    @Test
    void aProviderThatIsNotOnTheClassPathIsRejected() {
        fails(with(SANDBOX_KEY, SettingsReader.CLUSTER_CACHE_NAME, "portal-links", SettingsReader.CLUSTER_CACHE_PROVIDER, "com.example.NoSuchProvider"),
                SettingsReader.CLUSTER_CACHE_PROVIDER, "is not on the application's class path", "HazelcastMemberCachingProvider");
    }

    @Test
    void aProviderThatIsNotACachingProviderIsRejected() {
        fails(with(SANDBOX_KEY, SettingsReader.CLUSTER_CACHE_NAME, "portal-links", SettingsReader.CLUSTER_CACHE_PROVIDER, "java.lang.String"),
                SettingsReader.CLUSTER_CACHE_PROVIDER, "is not a javax.cache.spi.CachingProvider");
    }

    @ParameterizedTest
    @CsvSource({"paddle.cluster.timeout-ms, 0", "paddle.cluster.timeout-ms, 10001", "paddle.cluster.retry-interval-ms, 99",
        "paddle.cluster.retry-interval-ms, soon"})
    void clusterBoundsOutOfRangeAreRejected(String property, String value) {
        fails(with(SANDBOX_KEY, SettingsReader.CLUSTER_CACHE_NAME, "portal-links", property, value), property, "is not a whole number");
    }

    @Test
    void clusterKeysWithoutACacheNameAreANotice() {
        PortalLinksSettings settings = read(with(SANDBOX_KEY, SettingsReader.CLUSTER_TIMEOUT, "50"));

        assertThat(settings.cluster().shared()).isFalse();
        assertThat(settings.notices()).containsExactly("paddle.cluster.timeout-ms set but paddle.cluster.cache-name is not: the rate-limit"
                + " state is per instance");
    }
}
