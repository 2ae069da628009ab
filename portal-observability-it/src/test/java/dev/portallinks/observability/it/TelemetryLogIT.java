package dev.portallinks.observability.it;

import static dev.portallinks.observability.it.ObservedServer.API_KEY;
import static dev.portallinks.observability.it.ObservedServer.CUSTOMER;
import static dev.portallinks.observability.it.ObservedServer.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the library logs about telemetry on the server ({@code obs.server.log}): at start-up which of spans and metrics
 * are on; where the server has no MicroProfile Metrics ({@code obs.limitation.no-metrics}), links are still handed out
 * and the log says why there are no metrics at {@code FINE}, never as a warning or an error; never the key.
 */
class TelemetryLogIT extends ObservedIT {

    private static final String SPANS_ON = "Portal Links: spans of Paddle calls through MicroProfile Telemetry";
    private static final String METRICS_ON = "Portal Links: metrics of links and Paddle calls through MicroProfile Metrics";
    private static final String NO_METRICS = "Portal Links: no metrics of links and Paddle calls: ";
    private static final String NO_METRICS_REASON = System.getProperty("obs.limitation.no-metrics");

    // A level the three servers' log formats write as a word of its own: Liberty I/W/E, WildFly WARN/ERROR, java.util.logging WARNING/SEVERE.
    private static final Pattern WARNING_OR_ERROR = Pattern.compile("(?<![\\w.])(W|E|WARN|WARNING|ERROR|SEVERE)(?![\\w.])");

    private static String serverLog() {
        try {
            return Files.readString(Path.of(System.getProperty("obs.server.log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the log's lines of the library's telemetry classes at a warning or error level */
    private static List<String> telemetryWarnings(String log) {
        return log.lines().filter(line -> line.contains("dev.portallinks.impl.PortalTelemetry") || line.contains("dev.portallinks.impl.telemetry."))
                .filter(line -> WARNING_OR_ERROR.matcher(line).find()).toList();
    }

    @Test
    void spansAreOnAndNothingOfTheLibrarysTelemetryIsAWarningOrCarriesTheKey() {
        assertThat(call("POST", "link", "action", "overview", "customer", CUSTOMER).answer().getString("link")).contains("/cpl_");

        String log = serverLog();

        assertThat(log).contains(SPANS_ON);
        assertThat(telemetryWarnings(log)).as("warnings and errors of the library's telemetry").isEmpty();
        assertThat(log).doesNotContain(API_KEY, "pga_");
    }

    @Test
    void metricsAreOnWhereTheServerHasMicroProfileMetrics() {
        assumeTrue(NO_METRICS_REASON == null, NO_METRICS_REASON);

        assertThat(serverLog()).contains(METRICS_ON).doesNotContain(NO_METRICS);
    }

    @Test
    void withoutMicroProfileMetricsLinksAreHandedOutAndTheLogSaysWhyAtFineOnly() {
        assumeTrue(NO_METRICS_REASON != null, "the server has MicroProfile Metrics");

        assertThat(call("POST", "link", "action", "overview", "customer", CUSTOMER).answer().getString("link")).contains("/cpl_");
        assertThat(call("GET", "subscriptions", "customer", CUSTOMER).answer().getInt("count")).isZero();

        String log = serverLog();
        assertThat(log).doesNotContain(METRICS_ON);
        assertThat(log.lines().filter(line -> line.contains(NO_METRICS))).as("the reason").isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("org.eclipse.microprofile.metrics.MetricRegistry").doesNotContainPattern(WARNING_OR_ERROR));
        assertThat(telemetryWarnings(log)).isEmpty();
    }
}
