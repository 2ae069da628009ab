package dev.portallinks.benchmarks.server;

import dev.portallinks.benchmarks.server.BareRestClientCaller.BaselineSettings;
import dev.portallinks.impl.paddle.CreatePortalSessionBody;
import dev.portallinks.impl.paddle.PaddleHeaders;
import dev.portallinks.impl.paddle.PortalSessionEnvelope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Baseline (b): the raw JDK {@link HttpClient} (HTTP/1.1, keep-alive) doing the same POST with the same headers and
 * parsing the answer with JSON-B into the library's wire class. No retry, no checks.
 */
@ApplicationScoped
public class JdkHttpClientCaller implements PortalSessionCaller {

    private final Jsonb jsonb = JsonbBuilder.create();
    private final List<String> bodies = IntStream.rangeClosed(0, BenchmarkIds.MAX_SUBSCRIPTIONS)
            .mapToObj(count -> jsonb.toJson(new CreatePortalSessionBody(BenchmarkIds.subscriptions(count)))).toList();
    private volatile HttpClient http;
    private volatile URI endpoint;
    private volatile String authorization;

    @Override
    public void createSession(int subscriptions) {
        ensureClient();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMillis(2000))
                .header("Authorization", authorization)
                .header("Paddle-Version", PaddleHeaders.PADDLE_VERSION)
                .header("User-Agent", BaselineSettings.USER_AGENT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(subscriptions)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        PortalSessionEnvelope answer = jsonb.fromJson(response.body(), PortalSessionEnvelope.class);
        int links = answer.data.urls.subscriptions.size();
        if (links != subscriptions) {
            throw new IllegalStateException("expected " + subscriptions + " subscription links, got " + links);
        }
    }

    private void ensureClient() {
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    String base = BaselineSettings.baseUrl();
                    endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "customers/" + BenchmarkIds.CUSTOMER + "/portal-sessions");
                    authorization = "Bearer " + BaselineSettings.apiKey();
                    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(1000)).build();
                }
            }
        }
    }

    @PreDestroy
    void close() throws Exception {
        jsonb.close();
    }
}
