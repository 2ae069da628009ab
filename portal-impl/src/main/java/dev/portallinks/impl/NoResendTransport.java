package dev.portallinks.impl;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Makes the HTTP client under the Rest Client send each request once, so that {@code @Retry} on
 * {@link PaddleGateway} is the only layer that sends a request again and {@code attempts()} counts what Paddle
 * received. No MicroProfile or Jakarta API covers this, so it is done per implementation, by feature detection:
 *
 * <ul>
 * <li><b>RESTEasy</b> (Open Liberty, WildFly) runs on Apache HttpClient 4, whose default retry handler resends a
 * GET up to 3 times after a connection closed without an answer. The JAX-RS client builder of RESTEasy has
 * {@code disableAutomaticRetries()}; a carrier client built with it lends its HTTP engine to the Rest Client
 * (RESTEasy's {@code resteasy.httpEngine} property). The engine is built here, so the timeouts are set here.</li>
 * <li><b>Jersey</b> (Payara) runs on {@code HttpURLConnection}, which resends a request once unless its body is
 * streamed: requests with a body are sent chunked ({@code jersey.config.client.request.entity.processing}).</li>
 * </ul>
 * Other implementations are left as they are, with one log line saying so.
 */
final class NoResendTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NoResendTransport.class.getName());

    /** Jersey: stream request bodies, so that {@code HttpURLConnection} does not resend them. */
    static final String JERSEY_ENTITY_PROCESSING = "jersey.config.client.request.entity.processing";
    /** RESTEasy: the HTTP engine the Rest Client uses instead of building its own. */
    static final String RESTEASY_HTTP_ENGINE = "resteasy.httpEngine";

    private final Client carrier;

    private NoResendTransport(Client carrier) {
        this.carrier = carrier;
    }

    /**
     * Configures the builder's transport to send each request once, with the given timeouts.
     *
     * @param builder the Rest Client builder to configure
     * @param connectTimeoutMillis the HTTP connect timeout
     * @param readTimeoutMillis the HTTP read timeout
     * @return what to close with the Rest Client (the carrier client, if one was built)
     */
    static NoResendTransport apply(RestClientBuilder builder, long connectTimeoutMillis, long readTimeoutMillis) {
        builder.connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS).readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS);
        builder.property(JERSEY_ENTITY_PROCESSING, "CHUNKED");
        ClientBuilder jaxrs = ClientBuilder.newBuilder();
        Optional<Method> disableRetries = publicMethod(jaxrs.getClass(), "disableAutomaticRetries");
        if (disableRetries.isEmpty()) {
            LOG.fine(() -> "HTTP client " + jaxrs.getClass().getName() + ": request bodies streamed, so they are not resent");
            return new NoResendTransport(null);
        }
        Client carrier = null;
        try {
            jaxrs.connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS).readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS);
            disableRetries.get().invoke(jaxrs);
            carrier = jaxrs.build();
            Client built = carrier;
            Object engine = publicMethod(carrier.getClass(), "httpEngine").orElseThrow(() -> new NoSuchMethodException(built.getClass().getName()
                    + ".httpEngine()")).invoke(carrier);
            builder.property(RESTEASY_HTTP_ENGINE, engine);
            return new NoResendTransport(carrier);
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            if (carrier != null) {
                carrier.close();
            }
            LOG.log(Level.WARNING, "Portal Links could not turn off the automatic resends of the HTTP client under the Rest Client ("
                    + jaxrs.getClass().getName() + "): a request closed without an answer may reach Paddle more often than attempts() says",
                    unusable);
            return new NoResendTransport(null);
        }
    }

    /** A public no-argument method declared by a public class or interface of the type (implementation classes may not be public). */
    private static Optional<Method> publicMethod(Class<?> type, String name) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            Optional<Method> found = declared(candidate, name);
            if (found.isPresent()) {
                return found;
            }
            for (Class<?> contract : candidate.getInterfaces()) {
                found = declared(contract, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> declared(Class<?> type, String name) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return Optional.empty();
        }
        try {
            Method method = type.getMethod(name);
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
