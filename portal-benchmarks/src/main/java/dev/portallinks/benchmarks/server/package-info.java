/**
 * The benchmark WAR: endpoints that run a bounded number of portal-session calls with a given number of
 * concurrent threads inside Open Liberty and report their timings, for the real {@code PortalLinkService} and for
 * the baselines (the bare MicroProfile Rest Client on the same interface, the raw JDK {@code HttpClient}); the
 * Faces pages of the rendering benchmark; heap and process information for the driver.
 */
package dev.portallinks.benchmarks.server;
