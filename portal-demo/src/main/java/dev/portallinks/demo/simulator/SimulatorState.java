package dev.portallinks.demo.simulator;

import dev.portallinks.demo.DemoConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator's data (one customer with seven subscriptions), the links it handed out, and its fault mode. */
@ApplicationScoped
public class SimulatorState {

    /** How the simulator answers. */
    public enum Mode {
        /** Like Paddle. */
        NORMAL,
        /** Answers after 3 s, longer than the library's 2 s timeout. */
        SLOW,
        /** Answers 500 with Paddle's api_error envelope. */
        SERVER_ERROR,
        /** Answers 429 with Retry-After: 30. */
        RATE_LIMITED
    }

    /** A link the simulator handed out. */
    record IssuedLink(String customer, String action, String subscription, Instant expiresAt) {
    }

    /** How long a simulated portal link works. */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    /** The simulated portal's path: like Paddle's, /cpl_ and 26 characters. */
    static final String PORTAL_PATH = "/cpl_01jdemosimulatedportal0000";

    private static final int MAX_ISSUED_LINKS = 10_000;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, IssuedLink> issued = new ConcurrentHashMap<>();
    private final List<SimulatedSubscription> subscriptions;
    private volatile Mode mode = Mode.NORMAL;

    /** Seeds the data: seven subscriptions, mixed statuses and products, so the listing needs three pages. */
    public SimulatorState() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        subscriptions = List.of(
                new SimulatedSubscription(id(1), "active", "AeroEdit Pro", "Monthly (per seat)", 3000, 10, today.plus(12, ChronoUnit.DAYS)),
                new SimulatedSubscription(id(2), "active", "Flight Logbook", "Yearly", 9900, 1, today.plus(140, ChronoUnit.DAYS)),
                new SimulatedSubscription(id(3), "trialing", "Route Planner", "Monthly", 1500, 1, today.plus(9, ChronoUnit.DAYS)),
                new SimulatedSubscription(id(4), "past_due", "Weather Add-on", "Monthly", 500, 2, today.plus(1, ChronoUnit.DAYS)),
                new SimulatedSubscription(id(5), "active", "Hangar Storage", "Monthly (per aircraft)", 4500, 3, today.plus(20, ChronoUnit.DAYS)),
                new SimulatedSubscription(id(6), "paused", "Team Seats", "Monthly (per seat)", 800, 5, null),
                new SimulatedSubscription(id(7), "canceled", "AeroEdit Basic", "Monthly", 1200, 1, null));
    }

    private static String id(int number) {
        return String.format("sub_01jdemosubscription%07d", number);
    }

    /** @return the simulated customer */
    String customer() {
        return DemoConfigSource.SIMULATED_CUSTOMER;
    }

    /** @return the simulated customer's subscriptions, in order */
    List<SimulatedSubscription> subscriptions() {
        return subscriptions;
    }

    /** @return the current mode */
    public Mode mode() {
        return mode;
    }

    /** @param mode the new mode */
    public void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * Hands out a link token.
     *
     * @param customer the customer
     * @param action Paddle's action name
     * @param subscription the subscription, or null for the overview
     * @return the token
     */
    String issue(String customer, String action, String subscription) {
        if (issued.size() >= MAX_ISSUED_LINKS) {
            Instant now = clock.instant();
            issued.values().removeIf(link -> link.expiresAt().isBefore(now));
        }
        String token = "pga_sim" + randomText(40);
        issued.put(token, new IssuedLink(customer, action, subscription, clock.instant().plus(LINK_LIFETIME)));
        return token;
    }

    /**
     * Looks a token up.
     *
     * @param token the token from the link
     * @return what it opens, or empty when unknown or expired
     */
    Optional<IssuedLink> redeem(String token) {
        IssuedLink link = token == null ? null : issued.get(token);
        return link == null || link.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(link);
    }

    /**
     * A random ID suffix, as Paddle's: lower-case letters and digits.
     *
     * @param length how many characters
     * @return the text
     */
    String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
