/**
 * Traces and metrics of the library, each on only where the server offers it: a client span per logical Paddle call
 * with MicroProfile Telemetry ({@link dev.portallinks.impl.telemetry.OpenTelemetryTracing}), counters, a timer and a
 * gauge with MicroProfile Metrics ({@link dev.portallinks.impl.telemetry.MicroProfileMetrics}).
 *
 * <p>Only those two classes name OpenTelemetry or MicroProfile Metrics types, and neither is a CDI bean:
 * {@code dev.portallinks.impl.PortalTelemetry} creates them after checking that the API classes can be loaded and
 * that the server offers the beans, so the library deploys and works on servers without the features. Otherwise the
 * call path meets {@link dev.portallinks.impl.telemetry.NoTelemetry}, which does nothing and allocates nothing.
 */
package dev.portallinks.impl.telemetry;
