package dev.portallinks.impl;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.impl.paddle.PaddleApi;
import dev.portallinks.impl.paddle.PaddleHeaders;
import dev.portallinks.impl.paddle.PaddleJson;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Holds the one Rest Client to Paddle: built on first use from the validated settings and reused by every call
 * (its connection pool keeps connections alive), closed with the application.
 */
@ApplicationScoped
public class PaddleClient {

    private static final Logger LOG = Logger.getLogger(PaddleClient.class.getName());
    private static final String USER_AGENT = "portal-links/" + version();

    @Inject
    PortalLinksConfig config;

    private volatile PaddleApi api;
    private PaddleTransport transport;
    private PaddleJson json;

    /**
     * Returns the client.
     *
     * @return the client, never null
     * @throws dev.portallinks.api.PortalConfigurationException if the configuration is invalid
     */
    public PaddleApi api() {
        PaddleApi built = api;
        return built != null ? built : build();
    }

    private synchronized PaddleApi build() {
        if (api == null) {
            PortalLinksSettings settings = config.settings();
            RestClientBuilder builder = RestClientBuilder.newBuilder()
                    .baseUri(settings.baseUrl())
                    .followRedirects(false)
                    .register(new PaddleHeaders(settings.apiKey(), USER_AGENT));
            // Our own JSON-B: the server's shared built-in one would keep this application reachable after undeploy.
            json = new PaddleJson();
            builder.register(json);
            // Timeouts, TLS, proxy; and each request sent once by the HTTP client: @Retry on PaddleGateway is the only retry.
            transport = PaddleTransport.apply(builder, settings, json);
            api = builder.build(PaddleApi.class);
        }
        return api;
    }

    /**
     * Builds the client when the application starts, so that the first call's time under the Fault Tolerance timeout
     * is spent on Paddle, not on building the client (the HTTP read timeout is what really ends a call).
     */
    void buildAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        try {
            api();
        } catch (PortalConfigurationException invalid) {
            LOG.fine(() -> "The Paddle client is built on first use once the configuration is fixed (PortalLinksConfig logged why)");
        }
    }

    @PreDestroy
    synchronized void close() {
        if (api instanceof AutoCloseable closeable) {
            closeQuietly(closeable);
        }
        api = null;
        if (json != null) {
            closeQuietly(json);
            json = null;
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception closing) {
            LOG.log(Level.FINE, "Closing the Paddle client failed", closing);
        }
    }

    /** @return the library's version, from the jar's manifest; {@code dev} when run from classes */
    static String version() {
        String version = PaddleClient.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
