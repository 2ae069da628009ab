package dev.portallinks.impl;

import static dev.portallinks.api.PaddleOperation.CREATE_PORTAL_SESSION;
import static dev.portallinks.api.PaddleOperation.LIST_SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// What the readiness check knows of the circuit breaker: open from a fail-fast observation until a later success
// or until the circuit breaker's delay has passed; the delay follows the Fault Tolerance configuration keys.
class CircuitStateTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
    private static final String CLASS_KEY = "dev.portallinks.impl.PaddleCircuit/CircuitBreaker/";
    private static final String GLOBAL_KEY = "CircuitBreaker/";

    private final MutableClock clock = new MutableClock(START);
    private final Map<String, String> config = new HashMap<>();

    private CircuitState state() {
        return new CircuitState(clock, key -> Optional.ofNullable(config.get(key)));
    }

    @RegisterExtension
    final LogCapture log = new LogCapture(CircuitState.class);

    @Test
    void openingAndClosingAreLoggedOncePerTransition() {
        CircuitState state = state();

        state.recordSuccess(CREATE_PORTAL_SESSION);
        for (int i = 0; i < 50; i++) {
            state.recordOpen(CREATE_PORTAL_SESSION);
        }
        clock.advance(Duration.ofSeconds(11));
        state.recordSuccess(CREATE_PORTAL_SESSION);
        state.recordSuccess(CREATE_PORTAL_SESSION);
        state.recordOpen(CREATE_PORTAL_SESSION);
        state.recordOpen(LIST_SUBSCRIPTIONS);

        assertThat(log.at(Level.WARNING)).containsExactly(
                "The circuit breaker to Paddle is open for create a customer portal session: calls fail at once, without a request, for up"
                        + " to 10000 ms; then a trial call decides whether it closes",
                "The circuit breaker to Paddle is open for create a customer portal session: calls fail at once, without a request, for up"
                        + " to 10000 ms; then a trial call decides whether it closes",
                "The circuit breaker to Paddle is open for list subscriptions: calls fail at once, without a request, for up"
                        + " to 10000 ms; then a trial call decides whether it closes");
        assertThat(log.at(Level.INFO)).containsExactly("The circuit breaker to Paddle is closed again for create a customer portal session:"
                + " a call succeeded");
    }

    @Test
    void closedInitially() {
        assertThat(state().openUntil()).isEmpty();
    }

    @Test
    void openObservationCountsAsOpenForTheAnnotatedDelay() {
        CircuitState state = state();

        state.recordOpen(CREATE_PORTAL_SESSION);

        assertThat(state.delay(CREATE_PORTAL_SESSION)).isEqualTo(Duration.ofSeconds(10));
        assertThat(state.openUntil()).containsExactly(Map.entry(CREATE_PORTAL_SESSION, START.plusSeconds(10)));
        clock.advance(Duration.ofMillis(9_999));
        assertThat(state.openUntil()).containsOnlyKeys(CREATE_PORTAL_SESSION);
        clock.advance(Duration.ofMillis(1));
        assertThat(state.openUntil()).isEmpty();
    }

    @Test
    void laterSuccessClosesIt() {
        CircuitState state = state();
        state.recordOpen(CREATE_PORTAL_SESSION);
        clock.advance(Duration.ofMillis(1));

        state.recordSuccess(CREATE_PORTAL_SESSION);

        assertThat(state.openUntil()).isEmpty();
    }

    @Test
    void earlierSuccessDoesNotCloseIt() {
        CircuitState state = state();
        state.recordSuccess(CREATE_PORTAL_SESSION);
        clock.advance(Duration.ofMillis(1));

        state.recordOpen(CREATE_PORTAL_SESSION);

        assertThat(state.openUntil()).containsExactly(Map.entry(CREATE_PORTAL_SESSION, START.plusMillis(10_001)));
    }

    @Test
    void observationsRecordedOutOfOrderKeepTheLatest() {
        CircuitState state = state();
        clock.set(START.plusSeconds(6));
        state.recordSuccess(CREATE_PORTAL_SESSION);
        clock.set(START.plusSeconds(5));
        state.recordOpen(CREATE_PORTAL_SESSION);
        assertThat(state.openUntil()).as("an open observation older than the last success").isEmpty();

        clock.set(START.plusSeconds(8));
        state.recordOpen(CREATE_PORTAL_SESSION);
        clock.set(START.plusSeconds(7));
        state.recordOpen(CREATE_PORTAL_SESSION);
        state.recordSuccess(CREATE_PORTAL_SESSION);

        assertThat(state.openUntil()).containsExactly(Map.entry(CREATE_PORTAL_SESSION, START.plusSeconds(18)));
    }

    @Test
    void everyOpenObservationExtendsIt() {
        CircuitState state = state();
        state.recordOpen(CREATE_PORTAL_SESSION);
        clock.advance(Duration.ofSeconds(8));

        state.recordOpen(CREATE_PORTAL_SESSION);
        clock.advance(Duration.ofSeconds(8));

        assertThat(state.openUntil()).containsExactly(Map.entry(CREATE_PORTAL_SESSION, START.plusSeconds(18)));
    }

    @Test
    void eachOperationHasItsOwnCircuit() {
        CircuitState state = state();
        state.recordOpen(CREATE_PORTAL_SESSION);
        state.recordOpen(LIST_SUBSCRIPTIONS);
        clock.advance(Duration.ofSeconds(1));

        state.recordSuccess(LIST_SUBSCRIPTIONS);

        assertThat(state.openUntil()).containsExactly(Map.entry(CREATE_PORTAL_SESSION, START.plusSeconds(10)));
    }

    @Test
    void configuredDelayDecidesHowLongItCountsAsOpen() {
        config.put(CLASS_KEY + "delay", "2000");
        CircuitState state = state();
        state.recordOpen(LIST_SUBSCRIPTIONS);

        clock.advance(Duration.ofMillis(1_999));
        assertThat(state.openUntil()).containsExactly(Map.entry(LIST_SUBSCRIPTIONS, START.plusSeconds(2)));
        clock.advance(Duration.ofMillis(1));
        assertThat(state.openUntil()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            nothing configured                  | -        | -       | -       | -       | PT10S
            class-level delay                   | 2000     | -       | -       | -       | PT2S
            global delay                        | -        | -       | 3000    | -       | PT3S
            class-level beats global            | 2000     | -       | 3000    | -       | PT2S
            class-level unit                    | 30       | SECONDS | -       | -       | PT30S
            global unit, class-level delay      | 2        | -       | 3000    | MINUTES | PT2M
            surrounding spaces                  | ' 2000 ' | -       | -       | -       | PT2S
            blank class-level, global applies   | ' '      | -       | 3000    | -       | PT3S
            malformed class-level, global       | 2s       | -       | 3000    | -       | PT3S
            malformed everywhere                | 2s       | -       | soon    | -       | PT10S
            negative delay                      | -5       | -       | -       | -       | PT10S
            zero delay                          | 0        | -       | -       | -       | PT0S
            unknown unit                        | 30       | SECS    | -       | -       | PT0.03S
            estimated unit                      | 1        | MONTHS  | -       | -       | PT10S
            absurdly long                       | 9999999  | DAYS    | -       | -       | PT8760000H
            """)
    void delayFollowsFaultToleranceConfiguration(String description, String classDelay, String classUnit, String globalDelay,
            String globalUnit, String expected) {
        put(CLASS_KEY + "delay", classDelay);
        put(CLASS_KEY + "delayUnit", classUnit);
        put(GLOBAL_KEY + "delay", globalDelay);
        put(GLOBAL_KEY + "delayUnit", globalUnit);

        assertThat(state().delay(CREATE_PORTAL_SESSION)).isEqualTo(Duration.parse(expected));
        assertThat(state().delay(LIST_SUBSCRIPTIONS)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void aMethodLevelDelayBeatsTheClassAndGlobalOnesForItsCircuitOnly() {
        config.put("dev.portallinks.impl.PaddleCircuit/createPortalSession/CircuitBreaker/delay", "30000");
        config.put(CLASS_KEY + "delay", "2000");
        config.put(GLOBAL_KEY + "delay", "3000");
        CircuitState state = state();

        state.recordOpen(CREATE_PORTAL_SESSION);
        state.recordOpen(LIST_SUBSCRIPTIONS);

        assertThat(state.delay(CREATE_PORTAL_SESSION)).isEqualTo(Duration.ofSeconds(30));
        assertThat(state.delay(LIST_SUBSCRIPTIONS)).isEqualTo(Duration.ofSeconds(2));
        assertThat(state.openUntil()).containsExactly(Map.entry(CREATE_PORTAL_SESSION, START.plusSeconds(30)),
                Map.entry(LIST_SUBSCRIPTIONS, START.plusSeconds(2)));
    }

    private void put(String key, String value) {
        if (value != null) {
            config.put(key, value);
        }
    }
}
