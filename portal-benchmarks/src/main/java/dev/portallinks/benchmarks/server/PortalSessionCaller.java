package dev.portallinks.benchmarks.server;

/** One way of creating a Paddle customer portal session: the service under test or a baseline. */
public interface PortalSessionCaller {

    /**
     * Creates one portal session for the benchmark customer and checks that the answer has a link per subscription.
     *
     * @param subscriptions how many subscriptions, 0 to 25
     * @throws RuntimeException when the call failed
     */
    void createSession(int subscriptions);
}
