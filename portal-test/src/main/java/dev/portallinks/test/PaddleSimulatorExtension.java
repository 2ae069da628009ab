package dev.portallinks.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link PaddleSimulator} for JUnit 5 tests and points an in-JVM Portal Links at it.
 *
 * <p>As a {@code static} field with {@code @RegisterExtension} it starts one simulator for the test class; as an
 * instance field, one per test. While it runs, the system properties {@code paddle.base-url}, {@code paddle.api-key}
 * and {@code paddle.portal.allowed-origins} name it (MicroProfile Config reads system properties, so a library started
 * in the test's JVM, for example with Weld SE, uses the simulator); they are restored afterwards. Before each test the
 * faults and recorded requests are cleared, the seeded customers and subscriptions stay; with
 * {@link #resetBeforeEachKnowing} each test starts from a simulator that knows only the customers named there. A test
 * method or constructor can take the simulator as a parameter.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension();
 *
 * &#64;Test
 * void opensTheCancelPage(PaddleSimulator paddle) {
 *     paddle.subscription(CUSTOMER, SUBSCRIPTION);
 *     ...
 * }
 * </pre>
 * For a server under test (Arquillian, a server started by the build), pass {@link PaddleSimulator#configuration()} as
 * its system properties or {@link PaddleSimulator#serverEnv()} as its environment instead; or, when the build gives the
 * server a fixed port and key, start the simulator there, one per test class, each test on its own data:
 * <pre>
 * &#64;RegisterExtension
 * static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
 *         PaddleSimulator.builder().port(PADDLE_PORT).apiKey(API_KEY)).resetBeforeEachKnowing(CUSTOMER);
 * </pre>
 */
public final class PaddleSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Function<Class<?>, PaddleSimulator.Builder> builders;
    private final Map<String, String> previous = new HashMap<>();
    private List<String> knownAfterReset;
    private PaddleSimulator simulator;
    private boolean perClass;

    /** A simulator with a random key on a free port. */
    public PaddleSimulatorExtension() {
        this(PaddleSimulator.builder());
    }

    /**
     * A simulator configured by the builder.
     *
     * @param builder the builder; started by the extension
     */
    public PaddleSimulatorExtension(PaddleSimulator.Builder builder) {
        this(testClass -> builder);
    }

    /**
     * A simulator configured for the test class that runs, for a base class whose subclasses differ in what they need
     * of it (for example by an annotation the function reads).
     *
     * @param builders gives the builder for a test class; the extension starts what it returns
     */
    public PaddleSimulatorExtension(Function<Class<?>, PaddleSimulator.Builder> builders) {
        this.builders = Objects.requireNonNull(builders, "builders");
    }

    /**
     * Makes every test start from a simulator that knows these customers and nothing else: before each test it forgets
     * everything ({@link PaddleSimulator#reset()}: customers, subscriptions, missing permissions, faults, recorded
     * requests, issued links) and then knows these customers, without subscriptions. A test seeds what else it needs.
     * Without it, only the faults and the recorded requests are forgotten between tests.
     *
     * @param customers the customers' Paddle IDs ({@code ctm_…}); none for an empty simulator
     * @return this extension
     */
    public PaddleSimulatorExtension resetBeforeEachKnowing(String... customers) {
        knownAfterReset = List.of(customers);
        return this;
    }

    /** @return the running simulator */
    public PaddleSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The Paddle simulator runs only while a test of the class runs");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startSimulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            startSimulator(context);
        }
        if (knownAfterReset == null) {
            simulator.clearFaultsAndRequests();
        } else {
            simulator.reset();
            knownAfterReset.forEach(simulator::customer);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopSimulator();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopSimulator();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PaddleSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    private void startSimulator(ExtensionContext context) {
        simulator = builders.apply(context.getRequiredTestClass()).start();
        simulator.configuration().forEach((property, value) -> previous.put(property, System.setProperty(property, value)));
    }

    private void stopSimulator() {
        if (simulator == null) {
            return;
        }
        previous.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        previous.clear();
        simulator.close();
        simulator = null;
    }
}
