package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// HTTPS with a certificate the simulator makes at start: a client trusting its trust store gets Paddle's answers and
// links on the https origin; a client with the JVM's default trust refuses the certificate, as it would refuse an
// impostor of Paddle.
class HttpsTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(PaddleSimulator.builder().https());

    private static HttpRequest createSession(PaddleSimulator paddle) {
        return HttpRequest.newBuilder(paddle.baseUrl().resolve("/customers/" + CUSTOMER + "/portal-sessions"))
                .header("Authorization", "Bearer " + paddle.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    @Test
    void aClientTrustingTheGeneratedCertificateGetsPaddlesAnswer(PaddleSimulator paddle) throws IOException, InterruptedException {
        paddle.customer(CUSTOMER);
        HttpClient trusting = HttpClient.newBuilder().sslContext(paddle.clientSslContext()).build();

        HttpResponse<String> answer = trusting.send(createSession(paddle), HttpResponse.BodyHandlers.ofString());

        assertThat(paddle.origin()).startsWith("https://127.0.0.1:");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("\"overview\":\"" + paddle.origin() + "/cpl_");
    }

    @Test
    void aClientWithTheDefaultTrustRefusesTheCertificate(PaddleSimulator paddle) {
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(createSession(paddle), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theConfigurationNamesTheTrustStoreForTheRestClient(PaddleSimulator paddle) {
        assertThat(Files.isRegularFile(paddle.trustStore())).isTrue();
        assertThat(paddle.configuration()).containsEntry("paddle-api/mp-rest/trustStore", paddle.trustStore().toUri().toString())
                .containsEntry("paddle-api/mp-rest/trustStorePassword", paddle.trustStorePassword())
                .containsEntry("paddle-api/mp-rest/trustStoreType", "PKCS12");
        assertThat(paddle.serverEnv()).contains("PADDLE_API_MP_REST_TRUSTSTORE=" + paddle.trustStore().toUri());
    }

    @Test
    void aPlainSimulatorHasNoTrustStore() {
        try (PaddleSimulator plain = PaddleSimulator.start()) {
            assertThatThrownBy(plain::trustStore).isInstanceOf(IllegalStateException.class).hasMessageContaining("builder().https()");
            assertThat(plain.configuration()).doesNotContainKey("paddle-api/mp-rest/trustStore");
        }
    }
}
