package dev.portallinks.impl.telemetry;

import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalEntryPoint;
import dev.portallinks.api.PortalLinkIssued;
import dev.portallinks.api.PortalLinkRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The library's metrics in the application's MicroProfile Metrics registry, beside Fault Tolerance's own
 * ({@code ft.*}):
 *
 * <ul>
 * <li>{@value #ISSUED} (counter; tags {@code action}, {@code entry_point}, {@code fallback}): links handed out.</li>
 * <li>{@value #REFUSED} (counter; tags {@code reason}, {@code entry_point}): links refused, by the audit event's reason.</li>
 * <li>{@value #PADDLE_CALLS} (timer; tags {@code operation}, {@code outcome}): logical Paddle calls, all attempts included.</li>
 * <li>{@value #RATE_LIMIT_REMAINING} (gauge, seconds): how long Paddle's {@code Retry-After} window stays open; 0 when closed.</li>
 * </ul>
 * Every tag has a small fixed set of values (never a customer or subscription). A series appears with its first
 * event. Each metric object is looked up once and kept, so counting allocates nothing.
 */
public final class MicroProfileMetrics implements LinkMetrics {

    /** Counter of links handed out. */
    public static final String ISSUED = "portallinks.links.issued";
    /** Counter of links refused. */
    public static final String REFUSED = "portallinks.links.refused";
    /** Timer of logical Paddle calls. */
    public static final String PADDLE_CALLS = "portallinks.paddle.calls";
    /** Gauge of the seconds left in Paddle's rate-limit window. */
    public static final String RATE_LIMIT_REMAINING = "portallinks.paddle.rate_limit.remaining";

    private static final Metadata ISSUED_METADATA = Metadata.builder().withName(ISSUED)
            .withDescription("Portal links handed out (fallback=true: the configured fallback URL instead of a Paddle link)").build();
    private static final Metadata REFUSED_METADATA = Metadata.builder().withName(REFUSED)
            .withDescription("Portal links refused, by the reason of the PortalLinkRefused audit event").build();
    private static final Metadata CALLS_METADATA = Metadata.builder().withName(PADDLE_CALLS)
            .withDescription("Logical Paddle calls (all Fault Tolerance attempts), by operation and outcome").build();
    private static final Metadata WINDOW_METADATA = Metadata.builder().withName(RATE_LIMIT_REMAINING).withUnit(MetricUnits.SECONDS)
            .withDescription("Seconds until Paddle's Retry-After window ends (no calls to Paddle until then); 0 when closed").build();

    private static final PortalEntryPoint[] ENTRY_POINTS = PortalEntryPoint.values();
    private static final PortalAction[] ACTIONS = PortalAction.values();
    private static final PortalLinkRefused.Reason[] REASONS = PortalLinkRefused.Reason.values();
    private static final PaddleCallOutcome[] OUTCOMES = PaddleCallOutcome.values();

    private final MetricRegistry registry;
    // Looked up on first use (a race only looks one up twice: the registry returns the same object).
    private final Counter[] issued = new Counter[ENTRY_POINTS.length * ACTIONS.length * 2];
    private final Counter[] refused = new Counter[ENTRY_POINTS.length * REASONS.length];
    private final Timer[] calls = new Timer[PaddleOperation.values().length * OUTCOMES.length];

    private MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Creates the metrics and registers the rate-limit gauge.
     *
     * @param registry the application's {@code org.eclipse.microprofile.metrics.MetricRegistry} (from CDI)
     * @param rateLimitedUntil the end of the open rate-limit window, or null when it is closed
     * @return the metrics
     */
    public static LinkMetrics create(Object registry, Supplier<Instant> rateLimitedUntil) {
        MetricRegistry metrics = (MetricRegistry) registry;
        metrics.gauge(WINDOW_METADATA, rateLimitedUntil, MicroProfileMetrics::secondsLeft);
        return new MicroProfileMetrics(metrics);
    }

    static Double secondsLeft(Supplier<Instant> until) {
        Instant end = until.get();
        return end == null ? 0.0 : Math.max(0, Duration.between(Instant.now(), end).toMillis()) / 1000.0;
    }

    @Override
    public void issued(PortalLinkIssued event) {
        int index = (event.entryPoint().ordinal() * ACTIONS.length + event.action().ordinal()) * 2 + (event.fallback() ? 1 : 0);
        Counter counter = issued[index];
        if (counter == null) {
            counter = registry.counter(ISSUED_METADATA, new Tag("action", event.action().paddleName()), entryPoint(event.entryPoint()),
                    new Tag("fallback", String.valueOf(event.fallback())));
            issued[index] = counter;
        }
        counter.inc();
    }

    @Override
    public void refused(PortalLinkRefused event) {
        int index = event.entryPoint().ordinal() * REASONS.length + event.reason().ordinal();
        Counter counter = refused[index];
        if (counter == null) {
            counter = registry.counter(REFUSED_METADATA, new Tag("reason", event.reason().name().toLowerCase(Locale.ROOT)),
                    entryPoint(event.entryPoint()));
            refused[index] = counter;
        }
        counter.inc();
    }

    @Override
    public void paddleCall(PaddleOperation operation, PaddleCallOutcome outcome, long nanos) {
        int index = operation.ordinal() * OUTCOMES.length + outcome.ordinal();
        Timer timer = calls[index];
        if (timer == null) {
            timer = registry.timer(CALLS_METADATA, new Tag("operation", Tracing.operationName(operation)), new Tag("outcome", outcome.tag()));
            calls[index] = timer;
        }
        timer.update(Duration.ofNanos(nanos));
    }

    private static Tag entryPoint(PortalEntryPoint entryPoint) {
        return new Tag("entry_point", entryPoint.name().toLowerCase(Locale.ROOT));
    }
}
