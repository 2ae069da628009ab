/**
 * MicroProfile Health checks of the library, both named {@value dev.portallinks.impl.health.PortalLinksReadinessCheck#NAME}:
 * readiness is DOWN while the configuration is invalid or the circuit breaker to Paddle is open, liveness is UP
 * while the bean answers. Neither calls Paddle; they read the library's state in memory.
 *
 * <p>They are active on servers with MicroProfile Health (Open Liberty: {@code mpHealth-4.0}) and appear in
 * {@code /health/ready} and {@code /health/live}.
 */
package dev.portallinks.impl.health;
