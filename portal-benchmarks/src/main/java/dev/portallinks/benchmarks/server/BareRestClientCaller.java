package dev.portallinks.benchmarks.server;

import dev.portallinks.impl.paddle.CreatePortalSessionBody;
import dev.portallinks.impl.paddle.PaddleApi;
import dev.portallinks.impl.paddle.PaddleHeaders;
import dev.portallinks.impl.paddle.PortalSessionEnvelope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Baseline (a): the bare MicroProfile Rest Client on the library's own {@link PaddleApi} interface, built once with the
 * same base URL, timeouts and headers as the library, and called directly: no Fault Tolerance, no link checks.
 */
@ApplicationScoped
public class BareRestClientCaller implements PortalSessionCaller {

    private static final List<CreatePortalSessionBody> BODIES = IntStream.rangeClosed(0, BenchmarkIds.MAX_SUBSCRIPTIONS)
            .mapToObj(count -> new CreatePortalSessionBody(BenchmarkIds.subscriptions(count))).toList();

    private volatile PaddleApi api;

    @Override
    public void createSession(int subscriptions) {
        PortalSessionEnvelope answer;
        try (Response response = api().createPortalSession(BenchmarkIds.CUSTOMER, BODIES.get(subscriptions))) {
            answer = response.readEntity(PortalSessionEnvelope.class);
        }
        int links = answer.data.urls.subscriptions.size();
        if (links != subscriptions) {
            throw new IllegalStateException("expected " + subscriptions + " subscription links, got " + links);
        }
    }

    private PaddleApi api() {
        PaddleApi built = api;
        return built != null ? built : build();
    }

    private synchronized PaddleApi build() {
        if (api == null) {
            api = RestClientBuilder.newBuilder()
                    .baseUri(URI.create(BaselineSettings.baseUrl()))
                    .connectTimeout(1000, TimeUnit.MILLISECONDS)
                    .readTimeout(2000, TimeUnit.MILLISECONDS)
                    .followRedirects(false)
                    .register(new PaddleHeaders(BaselineSettings.apiKey(), BaselineSettings.USER_AGENT))
                    .build(PaddleApi.class);
        }
        return api;
    }

    @PreDestroy
    synchronized void close() throws Exception {
        if (api instanceof AutoCloseable closeable) {
            closeable.close();
        }
        api = null;
    }

    /** The base URL and key the library reads, for the baselines. */
    static final class BaselineSettings {

        static final String USER_AGENT = "portal-links-benchmark";

        private BaselineSettings() {
        }

        static String baseUrl() {
            return ConfigProvider.getConfig().getValue("paddle.base-url", String.class);
        }

        static String apiKey() {
            return ConfigProvider.getConfig().getValue("paddle.api-key", String.class);
        }
    }
}
