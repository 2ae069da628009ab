package dev.portallinks.demo.simulator;

import dev.portallinks.demo.DemoConfigSource;
import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.SimulatedSubscription;
import dev.portallinks.test.SimulatorExchange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The demo's Paddle: portal-test's simulator core, embedded in the WAR (served by {@link SimulatorServlet}), seeded
 * with one customer and seven subscriptions of mixed statuses, three per page so the listing takes three pages, and
 * a fault mode to try the library's fault tolerance by hand.
 */
@ApplicationScoped
public class DemoPaddle {

    /** How the simulator answers. */
    public enum Mode {
        /** Like Paddle. */
        NORMAL(null),
        /** Answers after 3 s, longer than the library's 2 s timeout. */
        SLOW(Fault.slow(Duration.ofSeconds(3))),
        /** Answers 500 with Paddle's api_error envelope. */
        SERVER_ERROR(Fault.serverError(500)),
        /** Answers 429 with Retry-After: 30. */
        RATE_LIMITED(Fault.rateLimited(Duration.ofSeconds(30)));

        private final Fault fault;

        Mode(Fault fault) {
            this.fault = fault;
        }
    }

    /** Paddle's page size is up to 200; three makes the demo's seven subscriptions take three pages. */
    static final int PER_PAGE = 3;

    /** Its simulated portal notifies the demo's receiver ({@code portal-webhooks}) of every change, signed as Paddle signs. */
    private final PaddleSimulator paddle = PaddleSimulator.builder().embedded().apiKey(DemoConfigSource.SIMULATOR_KEY).maxPerPage(PER_PAGE)
            .notificationSecret(DemoConfigSource.SIMULATOR_WEBHOOK_SECRET)
            .notifyTo(URI.create(DemoConfigSource.simulatorOrigin(System.getenv()) + DemoConfigSource.WEBHOOKS_PATH)).start();
    private volatile Mode mode = Mode.NORMAL;

    /** Seeds the customer's seven subscriptions. */
    public DemoPaddle() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        seed(1, "active", "AeroEdit Pro", "Monthly (per seat)", 3000, 10).nextBilledAt(today.plus(12, ChronoUnit.DAYS));
        seed(2, "active", "Flight Logbook", "Yearly", 9900, 1).nextBilledAt(today.plus(140, ChronoUnit.DAYS));
        seed(3, "trialing", "Route Planner", "Monthly", 1500, 1).nextBilledAt(today.plus(9, ChronoUnit.DAYS));
        seed(4, "past_due", "Weather Add-on", "Monthly", 500, 2).nextBilledAt(today.plus(1, ChronoUnit.DAYS));
        seed(5, "active", "Hangar Storage", "Monthly (per aircraft)", 4500, 3).nextBilledAt(today.plus(20, ChronoUnit.DAYS));
        seed(6, "paused", "Team Seats", "Monthly (per seat)", 800, 5).nextBilledAt(null);
        seed(7, "canceled", "AeroEdit Basic", "Monthly", 1200, 1).nextBilledAt(null);
    }

    private SimulatedSubscription seed(int number, String status, String product, String price, long cents, int quantity) {
        return paddle.subscription(DemoConfigSource.SIMULATED_CUSTOMER, String.format("sub_01jdemosubscription%07d", number)).status(status)
                .product(product).price(price, cents, "USD").quantity(quantity);
    }

    /**
     * Answers one request to {@code /simulator/…}.
     *
     * @param exchange the request and its answer
     * @throws IOException when the request cannot be read or the answer sent
     */
    void serve(SimulatorExchange exchange) throws IOException {
        paddle.serve(exchange);
    }

    /**
     * @param link a link the simulator may have handed out
     * @return what it opens, or empty when the simulator did not issue it
     */
    Optional<PaddleSimulator.PortalLink> portalLink(String link) {
        return paddle.portalLink(link);
    }

    /**
     * What the simulated portal's confirm button does: schedules the cancellation (or records the new payment method)
     * and sends Paddle's {@code subscription.updated} notification to the demo, before it answers.
     *
     * @param link the portal link the page was opened with
     * @return what changed
     */
    PaddleSimulator.PortalChange confirm(PaddleSimulator.PortalLink link) {
        return paddle.confirm(link);
    }

    /**
     * Counts the listings Paddle received: what a billing page costs Paddle's rate limit.
     *
     * @return the number of {@code GET /subscriptions} requests since the simulator started (all pages)
     */
    public long listingRequests() {
        return paddle.requests().stream().filter(request -> "GET".equals(request.method()) && "/subscriptions".equals(request.path())).count();
    }

    /** @return the current mode */
    public Mode mode() {
        return mode;
    }

    /** @param mode the new mode */
    public void mode(Mode mode) {
        this.mode = mode;
        paddle.always(mode.fault);
    }

    @PreDestroy
    void close() {
        paddle.close();
    }
}
