package dev.portallinks.impl;

import dev.portallinks.impl.paddle.PaddleJson;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Configures the HTTP client under the Rest Client: timeouts, TLS context (from the trust and key stores), hostname
 * verifier and proxy from {@link PortalLinksSettings}, and each request sent once, so that {@code @Retry} on {@link PaddleGateway} is
 * the only layer that sends a request again and {@code attempts()} counts what Paddle received. No MicroProfile or
 * Jakarta API covers the resends, so that part is done per implementation, by feature detection:
 *
 * <ul>
 * <li><b>RESTEasy</b> (Open Liberty, WildFly) runs on Apache HttpClient 4, whose default retry handler resends a
 * GET up to 3 times after a connection closed without an answer. RESTEasy's JAX-RS client builder has
 * {@code disableAutomaticRetries()}; a carrier client built with it lends its HTTP engine to the Rest Client
 * (RESTEasy's {@code resteasy.httpEngine} property). The engine is built from the carrier's builder, so everything
 * about the connection is set there too, through the standard JAX-RS builder (proxy: RESTEasy's {@code defaultProxy}).</li>
 * <li><b>Jersey</b> (Payara) runs on {@code HttpURLConnection}, which resends a request once unless its body is
 * streamed: request bodies are streamed with their length ({@code jersey.config.client.httpUrlConnector.useFixedLengthStreaming},
 * with {@link FixedLengthBody} giving the length), so {@code Content-Length} is sent and nothing is resent; through a
 * configured proxy they are streamed chunked, since with a fixed length {@code HttpURLConnection} repeated a CONNECT the
 * proxy refused. A GET cannot be kept from it.</li>
 * </ul>
 * Other implementations get the standard settings only, with one log line saying so.
 */
final class PaddleTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PaddleTransport.class.getName());

    /** Jersey: stream request bodies, so that {@code HttpURLConnection} does not resend them. */
    static final String JERSEY_ENTITY_PROCESSING = "jersey.config.client.request.entity.processing";
    /** Jersey: stream a body whose length is known with that length ({@code setFixedLengthStreamingMode}), not chunked. */
    static final String JERSEY_FIXED_LENGTH = "jersey.config.client.httpUrlConnector.useFixedLengthStreaming";
    /** RESTEasy: the HTTP engine the Rest Client uses instead of building its own. */
    static final String RESTEASY_HTTP_ENGINE = "resteasy.httpEngine";
    /** RESTEasy's Rest Client keeps this many connections; the carrier engine keeps as many. */
    static final int CONNECTION_POOL_SIZE = 50;

    private final Client carrier;

    private PaddleTransport(Client carrier) {
        this.carrier = carrier;
    }

    /**
     * Configures the builder's transport.
     *
     * @param builder the Rest Client builder to configure
     * @param settings the validated settings
     * @param json the client's JSON-B, which writes bodies whose length Jersey must know
     * @return what to close with the Rest Client (the carrier client, if one was built)
     */
    static PaddleTransport apply(RestClientBuilder builder, PortalLinksSettings settings, PaddleJson json) {
        ConnectionSettings connection = settings.connection();
        builder.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        connection.sslContext().ifPresent(builder::sslContext);
        connection.hostnameVerifier().ifPresent(builder::hostnameVerifier);
        connection.proxy().ifPresent(proxy -> builder.proxyAddress(proxy.host(), proxy.port()));
        builder.property(JERSEY_ENTITY_PROCESSING, "CHUNKED");

        ClientBuilder jaxrs = ClientBuilder.newBuilder();
        Optional<Method> disableRetries = publicMethod(jaxrs.getClass(), "disableAutomaticRetries");
        if (disableRetries.isEmpty()) {
            // Jersey streams a body of known length with that length (chunked only when none is known): not resent. Not
            // through a configured proxy: there HttpURLConnection sent a refused CONNECT three times with a fixed length.
            boolean withLength = connection.proxy().isEmpty();
            if (withLength) {
                builder.property(JERSEY_FIXED_LENGTH, true).register(new FixedLengthBody(json));
            }
            LOG.fine(() -> "HTTP client " + jaxrs.getClass().getName() + ": request bodies streamed" + (withLength ? " with their length" : " chunked")
                    + ", so they are not resent");
            return new PaddleTransport(null);
        }
        Client carrier = null;
        try {
            jaxrs.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            connection.sslContext().ifPresent(jaxrs::sslContext);
            connection.hostnameVerifier().ifPresent(jaxrs::hostnameVerifier);
            if (connection.proxy().isPresent()) {
                ConnectionSettings.ProxyAddress proxy = connection.proxy().get();
                publicMethod(jaxrs.getClass(), "defaultProxy", String.class, int.class, String.class).orElseThrow(() -> new NoSuchMethodException(
                        jaxrs.getClass().getName() + ".defaultProxy(String, int, String)")).invoke(jaxrs, proxy.host(), proxy.port(), "http");
            }
            // The pool the Rest Client's own RESTEasy engine has: 50 connections, all of them usable for Paddle's host.
            for (String poolSetting : List.of("connectionPoolSize", "maxPooledPerRoute")) {
                Optional<Method> setter = publicMethod(jaxrs.getClass(), poolSetting, int.class);
                if (setter.isPresent()) {
                    setter.get().invoke(jaxrs, CONNECTION_POOL_SIZE);
                }
            }
            disableRetries.get().invoke(jaxrs);
            carrier = jaxrs.build();
            Client built = carrier;
            Object engine = publicMethod(carrier.getClass(), "httpEngine").orElseThrow(() -> new NoSuchMethodException(built.getClass().getName()
                    + ".httpEngine()")).invoke(carrier);
            builder.property(RESTEASY_HTTP_ENGINE, engine);
            return new PaddleTransport(carrier);
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            if (carrier != null) {
                carrier.close();
            }
            LOG.log(Level.WARNING, "Portal Links could not turn off the automatic resends of the HTTP client under the Rest Client ("
                    + jaxrs.getClass().getName() + "): a request closed without an answer may reach Paddle more often than attempts() says",
                    unusable);
            return new PaddleTransport(null);
        }
    }

    /** A public method declared by a public class or interface of the type (implementation classes may not be public). */
    private static Optional<Method> publicMethod(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            Optional<Method> found = declared(candidate, name, parameters);
            if (found.isPresent()) {
                return found;
            }
            for (Class<?> contract : candidate.getInterfaces()) {
                found = declared(contract, name, parameters);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> declared(Class<?> type, String name, Class<?>... parameters) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return Optional.empty();
        }
        try {
            Method method = type.getMethod(name, parameters);
            return Modifier.isPublic(method.getDeclaringClass().getModifiers()) ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (carrier != null) {
            carrier.close();
        }
    }
}
