package dev.portallinks.webhooks.it;

import dev.portallinks.it.TestServer;
import dev.portallinks.webhooks.testing.Signing;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the receiver's integration tests: the test WAR on the server the build chose (Arquillian, client mode), and
 * Paddle played by this JVM: it signs bodies with the test secret and posts them to 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
abstract class WebhookIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL deploymentUrl;

    /** @return the deployment's base URL, on 127.0.0.1, ending with '/' */
    String base() {
        String url = TestServer.onLoopback(deploymentUrl).toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * A Paddle ID that no other test uses.
     *
     * @param prefix e.g. {@code evt}
     * @return {@code prefix_} and 26 random lower-case letters and digits
     */
    static String newId(String prefix) {
        String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        StringBuilder id = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /**
     * Posts a body signed now with the test secret, as Paddle does.
     *
     * @param path the receiver's path below the deployment
     * @param body the body
     * @return the answer
     */
    HttpResponse<String> deliver(String path, byte[] body) {
        return post(path, "application/json", Signing.header(Signing.SECRET, Instant.now().getEpochSecond(), body), HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /**
     * Posts exactly this.
     *
     * @param path the path below the deployment
     * @param contentType the content type
     * @param signature the {@code Paddle-Signature}, or null for none
     * @param body the body
     * @return the answer
     */
    HttpResponse<String> post(String path, String contentType, String signature, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).POST(body).header("Content-Type", contentType);
        if (signature != null) {
            request.header("Paddle-Signature", signature);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return what the test application's observers saw so far */
    List<String> observed() {
        String body = send(HttpRequest.newBuilder(URI.create(base() + "probe")).GET()).body();
        return body.isEmpty() ? List.of() : body.lines().toList();
    }

    /**
     * What the observers saw of one event.
     *
     * @param eventId the event
     * @return the lines that name it
     */
    List<String> observed(String eventId) {
        return observed().stream().filter(line -> line.contains(" " + eventId)).toList();
    }
}
