package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// HTTPS with the test's own key store (a certificate the client under test trusts already, or one for another name),
// and a client certificate required: the handshake refuses a client without one, or with one the trust store does
// not trust, and the simulator counts the certificates it verified.
class TlsSettingsTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    /** The test's own certificate for the server, and a client's: made like the simulator's, by keytool. */
    private static GeneratedCertificate serverCertificate;
    private static GeneratedCertificate clientCertificate;
    private static GeneratedCertificate strangerCertificate;

    @BeforeAll
    static void makeCertificates() {
        serverCertificate = GeneratedCertificate.create();
        clientCertificate = GeneratedCertificate.create();
        strangerCertificate = GeneratedCertificate.create();
    }

    @AfterAll
    static void deleteCertificates() {
        serverCertificate.delete();
        clientCertificate.delete();
        strangerCertificate.delete();
    }

    private static HttpResponse<String> createSession(PaddleSimulator paddle, SSLContext client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return HttpClient.newBuilder().sslContext(client).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts the server's trust store and presents the identity's certificate, or none for null. */
    private static SSLContext client(Path trustStore, char[] trustPassword, GeneratedCertificate identity) throws GeneralSecurityException, IOException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(ServerTls.load(trustStore, trustPassword));
        KeyManagerFactory keys = null;
        if (identity != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(ServerTls.load(identity.keyStore(), identity.passwordChars()), identity.passwordChars());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void theTestsOwnKeyStoreIsServed() throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.builder().https(serverCertificate.keyStore(), serverCertificate.password()).start()) {
            paddle.customer(CUSTOMER);

            // a client trusting only the test's certificate: a certificate the simulator made would fail the handshake
            HttpResponse<String> answer = createSession(paddle, serverCertificate.clientContext());

            assertThat(paddle.origin()).startsWith("https://127.0.0.1:");
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.body()).contains("\"overview\":\"" + paddle.origin() + "/cpl_");
            assertThatThrownBy(paddle::trustStore).isInstanceOf(IllegalStateException.class).hasMessageContaining("own key store");
            assertThat(paddle.configuration()).doesNotContainKey("paddle-api/mp-rest/trustStore");
        }
    }

    @Test
    void aClientCertificateTheTrustStoreTrustsIsRequiredAndCounted() throws Exception {
        try (PaddleSimulator paddle = PaddleSimulator.builder().https()
                .requireClientCertificate(clientCertificate.trustStore(), clientCertificate.password()).start()) {
            paddle.customer(CUSTOMER);
            Path trustStore = paddle.trustStore();
            char[] password = paddle.trustStorePassword().toCharArray();

            assertThatThrownBy(() -> createSession(paddle, client(trustStore, password, null))).as("no client certificate")
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> createSession(paddle, client(trustStore, password, strangerCertificate))).as("an untrusted one")
                    .isInstanceOf(IOException.class);
            assertThat(paddle.requests()).isEmpty();
            assertThat(paddle.clientCertificatesVerified()).isZero();

            assertThat(createSession(paddle, client(trustStore, password, clientCertificate)).statusCode()).isEqualTo(201);
            assertThat(paddle.clientCertificatesVerified()).isEqualTo(1);
            assertThat(paddle.requests()).hasSize(1);
        }
    }

    @Test
    void aClientCertificateNeedsHttpsAndOneKindOfCertificate() {
        assertThatThrownBy(() -> PaddleSimulator.builder().requireClientCertificate(clientCertificate.trustStore(), clientCertificate.password())
                .start()).isInstanceOf(IllegalStateException.class).hasMessageContaining("https()");
        assertThatThrownBy(() -> PaddleSimulator.builder().https().https(serverCertificate.keyStore(), serverCertificate.password()).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("choose one");
        assertThatThrownBy(() -> PaddleSimulator.builder().embedded().https(serverCertificate.keyStore(), serverCertificate.password()).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTPS");
    }

    @Test
    void aPlainSimulatorVerifiesNoClientCertificates() {
        try (PaddleSimulator plain = PaddleSimulator.start()) {
            assertThat(plain.clientCertificatesVerified()).isZero();
        }
    }
}
