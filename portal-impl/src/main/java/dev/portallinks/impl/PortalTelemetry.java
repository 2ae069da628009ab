package dev.portallinks.impl;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalAuditEvent;
import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import dev.portallinks.impl.telemetry.CallTrace;
import dev.portallinks.impl.telemetry.LinkMetrics;
import dev.portallinks.impl.telemetry.MicroProfileMetrics;
import dev.portallinks.impl.telemetry.NoTelemetry;
import dev.portallinks.impl.telemetry.OpenTelemetryTracing;
import dev.portallinks.impl.telemetry.PaddleCallOutcome;
import dev.portallinks.impl.telemetry.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The seam between the call path and the optional telemetry: spans where the application sees MicroProfile
 * Telemetry's OpenTelemetry API and the server records them, metrics where it sees MicroProfile Metrics; otherwise
 * {@link NoTelemetry}. Decided once, when the application starts: the API type must load with the library's class
 * loader (Open Liberty shows the OpenTelemetry API to applications only with {@code apiTypeVisibility="+third-party"})
 * and the server must offer it as a CDI bean. No bean here names an OpenTelemetry or Metrics type, so the library
 * deploys on servers without them.
 */
@ApplicationScoped
public class PortalTelemetry {

    private static final Logger LOG = Logger.getLogger(PortalTelemetry.class.getName());

    static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    static final String METRIC_REGISTRY = "org.eclipse.microprofile.metrics.MetricRegistry";

    // Looked up through an injected Instance, not BeanManager.createInstance(): producers such as SmallRye's MetricRegistry
    // read the injection point's annotations, which a BeanManager lookup does not have.
    @Inject
    Instance<Object> beans;

    @Inject
    RateLimitWindow rateLimitWindow;

    private volatile Tracing tracing;
    private volatile LinkMetrics metrics;

    /**
     * Starts the trace of one logical Paddle call, current until it ends.
     *
     * @param operation the call
     * @return its trace; {@link NoTelemetry} when spans are off
     */
    public CallTrace startCall(PaddleOperation operation) {
        return tracing().start(operation);
    }

    /**
     * Ends a call's trace and times it.
     *
     * @param call the call
     * @param failure what its caller sees thrown, or null when it succeeded
     */
    void endCall(PaddleCall call, RuntimeException failure) {
        try {
            call.trace().end(call.attempts(), failure);
        } finally {
            LinkMetrics recorded = metrics();
            if (recorded != NoTelemetry.INSTANCE) {
                recorded.paddleCall(call.operation(), PaddleCallOutcome.of(failure), call.elapsedNanos());
            }
        }
    }

    /** @param event an audit event, counted by its type */
    public void count(PortalAuditEvent event) {
        LinkMetrics recorded = metrics();
        if (event instanceof PortalLinkIssued issued) {
            recorded.issued(issued);
        } else if (event instanceof PortalLinkRefused refused) {
            recorded.refused(refused);
        }
    }

    /** @return whether spans are recorded (the Paddle client then reports each answer's status) */
    public boolean tracesOn() {
        return tracing().records();
    }

    /** Decides at start-up, so the first call does not pay for it (and the log says at once what is on). */
    void decideAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        tracing();
        metrics();
    }

    private Tracing tracing() {
        Tracing decided = tracing;
        return decided != null ? decided : decideTracing();
    }

    private LinkMetrics metrics() {
        LinkMetrics decided = metrics;
        return decided != null ? decided : decideMetrics();
    }

    private synchronized Tracing decideTracing() {
        if (tracing == null) {
            tracing = decide(OPEN_TELEMETRY, "MicroProfile Telemetry", "spans of Paddle calls",
                    openTelemetry -> OpenTelemetryTracing.create(openTelemetry, PaddleClient.version()));
        }
        return tracing;
    }

    // Once only: the gauge is registered once.
    private synchronized LinkMetrics decideMetrics() {
        if (metrics == null) {
            metrics = decide(METRIC_REGISTRY, "MicroProfile Metrics", "metrics of links and Paddle calls",
                    registry -> MicroProfileMetrics.create(registry, rateLimitWindow::openUntil));
        }
        return metrics;
    }

    private <T> T decide(String apiType, String feature, String what, Function<Object, T> create) {
        Class<?> type;
        try {
            type = Class.forName(apiType, false, PortalTelemetry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.fine(() -> "Portal Links: no " + what + ": the application does not see " + apiType + " (" + feature + " is off or hidden)");
            return noTelemetry();
        }
        try {
            Instance<?> offered = beans.select(type);
            if (!offered.isResolvable()) {
                LOG.fine(() -> "Portal Links: no " + what + ": the server offers no " + apiType + " bean");
                return noTelemetry();
            }
            T created = create.apply(offered.get());
            if (created == null) {
                LOG.fine(() -> "Portal Links: no " + what + ": " + feature + " records nothing (Open Liberty: otel.sdk.disabled=false turns it on)");
                return noTelemetry();
            }
            LOG.info(() -> "Portal Links: " + what + " through " + feature);
            return created;
        } catch (RuntimeException | LinkageError unusable) {
            LOG.log(Level.WARNING, "Portal Links: no " + what + ": " + feature + " is present but could not be used", unusable);
            return noTelemetry();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T noTelemetry() {
        return (T) NoTelemetry.INSTANCE;
    }
}
