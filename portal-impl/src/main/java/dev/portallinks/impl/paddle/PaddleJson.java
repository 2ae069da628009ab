package dev.portallinks.impl.paddle;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The JSON-B instance the Paddle client maps its bodies with, owned by the application and closed with it.
 *
 * <p>Without it, RESTEasy's built-in JSON-B provider (Open Liberty, WildFly) builds its own {@code Jsonb} on first
 * use and keeps it in a provider factory that RESTEasy caches per context class loader in a static
 * {@code WeakHashMap}. That {@code Jsonb} caches the wire classes and the application's CDI bean manager, which
 * reach the cache key: the entry is never cleared and every redeploy leaves the old application behind. The
 * built-in provider asks a {@link ContextResolver} first, so with this one registered on the client it never builds
 * a {@code Jsonb} of its own.
 */
public final class PaddleJson implements ContextResolver<Jsonb>, AutoCloseable {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /**
     * Writes a request body as the client would, for a transport that must know its length before sending it.
     *
     * @param body the entity
     * @return its JSON
     */
    public String toJson(Object body) {
        return jsonb.toJson(body);
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
