package dev.portallinks.impl.cluster;

import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.impl.PortalLinksConfig;
import dev.portallinks.impl.PortalLinksSettings;
import dev.portallinks.impl.SettingsReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Decides, once, where the rate-limit state lives: per instance (no {@code paddle.cluster.cache-name}), or shared
 * through JCache. Its signature has no JCache type, so the bean loads on servers without JCache: the JCache side
 * ({@code dev.portallinks.impl.cluster.jcache}) is loaded by name, only when a cache name is configured (the
 * configuration has then checked that JCache is on the class path).
 *
 * <p>Logs one INFO line at start-up saying which it is.
 */
@ApplicationScoped
public class ClusterSharing {

    /** The class that opens the JCache store; named, never referenced, so that JCache stays optional. */
    static final String JCACHE_OPENER = "dev.portallinks.impl.cluster.jcache.JCacheOpener";

    private static final Logger LOG = Logger.getLogger(ClusterSharing.class.getName());

    private final Supplier<PortalLinksSettings> settings;
    private final Clock clock;
    private volatile SharedState state;
    private volatile boolean decided;

    /** For CDI proxies. */
    protected ClusterSharing() {
        this.settings = null;
        this.clock = null;
    }

    /**
     * Creates the bean.
     *
     * @param config the library's configuration
     */
    @Inject
    public ClusterSharing(PortalLinksConfig config) {
        this(config::settings, Clock.systemUTC());
    }

    /**
     * Uses the given settings and clock (tests).
     *
     * @param settings the validated settings; may throw {@link PortalConfigurationException}
     * @param clock the clock for the shared state's retry interval
     */
    public ClusterSharing(Supplier<PortalLinksSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    void decideAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        state();
    }

    /**
     * Returns the shared state, deciding on first use.
     *
     * @return the shared state, or null when the state is per instance (or the configuration is invalid: every call
     *         fails with the configuration error before it gets here)
     */
    public SharedState state() {
        // Every click asks: no lock once decided.
        return decided ? state : decide();
    }

    private synchronized SharedState decide() {
        if (decided) {
            return state;
        }
        PortalLinksSettings current;
        try {
            current = settings.get();
        } catch (PortalConfigurationException invalid) {
            return null; // PortalLinksConfig logs it; decided once it is fixed
        }
        ClusterSettings cluster = current.cluster();
        if (!cluster.shared()) {
            decided = true;
            LOG.info(() -> "Portal Links: the Retry-After window and the per-customer link counts are kept per instance ("
                    + SettingsReader.CLUSTER_CACHE_NAME + " is not set). Behind a load balancer each instance waits only for the 429s it"
                    + " received itself and counts only its own clicks; see README, \"Running in a cluster\"");
            return null;
        }
        SharedStore.Opener opener;
        try {
            opener = Class.forName(JCACHE_OPENER, true, ClusterSharing.class.getClassLoader()).asSubclass(SharedStore.Opener.class)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError unusable) {
            decided = true;
            LOG.severe(() -> "Portal Links: cannot use JCache for " + cluster.describe() + " (" + unusable + "); the Retry-After window and"
                    + " the per-customer link counts are kept per instance");
            return null;
        }
        LOG.info(() -> "Portal Links: connecting to " + cluster.describe() + " for the Retry-After window and the per-customer link counts"
                + " (per instance until connected); a click waits at most " + cluster.timeout().toMillis() + " ms for them ("
                + SettingsReader.CLUSTER_TIMEOUT + ")");
        state = new SharedState(cluster.describe(), current.baseUrl().toString(), () -> opener.open(cluster), cluster.timeout(),
                cluster.retryInterval(), clock);
        decided = true;
        return state;
    }

    @PreDestroy
    synchronized void stop() {
        if (state != null) {
            state.close();
        }
    }
}
