package dev.portallinks.test;

import java.util.HashMap;
import java.util.Map;
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
 * faults and recorded requests are cleared, the seeded customers and subscriptions stay. A test method or constructor
 * can take the simulator as a parameter.
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
 * its system properties or {@link PaddleSimulator#serverEnv()} as its environment instead.
 */
public final class PaddleSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final PaddleSimulator.Builder builder;
    private final Map<String, String> previous = new HashMap<>();
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
        this.builder = builder;
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
        startSimulator();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            startSimulator();
        } else {
            simulator.clearFaultsAndRequests();
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

    private void startSimulator() {
        simulator = builder.start();
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
