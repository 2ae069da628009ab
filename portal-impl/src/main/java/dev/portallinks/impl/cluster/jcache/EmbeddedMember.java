package dev.portallinks.impl.cluster.jcache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.cache.CacheManager;

/**
 * Stops, when the application stops, the embedded Hazelcast member that opening the cache manager started.
 *
 * <p>Hazelcast's member caching provider starts a member for a configuration URI and leaves it running when its
 * cache manager or the provider is closed. A member started from the application's own jars runs threads whose
 * context is the application, and keeps its port: after a redeploy the old application stays in memory and the new
 * deployment's member cannot bind, so it falls back to local state. JCache has no call for it, so this is done by
 * feature detection (Hazelcast's public API, by reflection: the library does not depend on Hazelcast). A member that
 * was already running before (the server's or another part of the application's) is left alone. Other providers are
 * not touched: closing the manager is all they need.
 */
final class EmbeddedMember {

    private static final Logger LOG = Logger.getLogger(EmbeddedMember.class.getName());
    private static final String HAZELCAST = "com.hazelcast.core.Hazelcast";
    private static final String HAZELCAST_INSTANCE = "com.hazelcast.core.HazelcastInstance";
    private static final String HAZELCAST_CACHE_MANAGER = "com.hazelcast.cache.HazelcastCacheManager";

    private EmbeddedMember() {
    }

    /**
     * @param loader the class loader the provider was looked up with
     * @return the names of the Hazelcast members running in this JVM that the loader sees; empty without Hazelcast
     */
    static Set<String> running(ClassLoader loader) {
        try {
            Class<?> hazelcast = Class.forName(HAZELCAST, false, loader);
            Collection<?> instances = (Collection<?>) hazelcast.getMethod("getAllHazelcastInstances").invoke(null);
            Method name = Class.forName(HAZELCAST_INSTANCE, false, loader).getMethod("getName");
            return instances.stream().map(instance -> String.valueOf(invoke(name, instance))).collect(Collectors.toUnmodifiableSet());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notHazelcast) {
            return Set.of();
        }
    }

    /**
     * @param manager the opened cache manager
     * @param runningBefore what {@link #running} said before it was opened
     * @return the manager, or, when opening it started a Hazelcast member, the manager whose {@code close()} also
     *         stops that member
     */
    static CacheManager stoppedOnClose(CacheManager manager, Set<String> runningBefore) {
        Optional<Object> started = member(manager).filter(member -> !runningBefore.contains(String.valueOf(call(member, "getName"))));
        if (started.isEmpty()) {
            return manager;
        }
        Object member = started.get();
        return (CacheManager) Proxy.newProxyInstance(CacheManager.class.getClassLoader(), new Class<?>[] {CacheManager.class}, (proxy, method, args) -> {
            try {
                return method.invoke(manager, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    stop(member);
                }
            }
        });
    }

    private static Optional<Object> member(CacheManager manager) {
        try {
            Class<?> hazelcastManager = Class.forName(HAZELCAST_CACHE_MANAGER, false, manager.getClass().getClassLoader());
            return hazelcastManager.isInstance(manager) ? Optional.ofNullable(hazelcastManager.getMethod("getHazelcastInstance").invoke(manager))
                    : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notHazelcast) {
            return Optional.empty();
        }
    }

    private static void stop(Object member) {
        try {
            call(member, "shutdown");
            LOG.fine("Portal Links: stopped the embedded Hazelcast member that its cache manager started");
        } catch (RuntimeException stopping) {
            LOG.log(Level.WARNING, "Portal Links: the embedded Hazelcast member it started could not be stopped", stopping);
        }
    }

    /** Calls a no-argument method of Hazelcast's public {@code HazelcastInstance} interface. */
    private static Object call(Object member, String methodName) {
        try {
            return invoke(Class.forName(HAZELCAST_INSTANCE, false, member.getClass().getClassLoader()).getMethod(methodName), member);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
