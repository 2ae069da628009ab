/**
 * The CDI implementation of {@link dev.portallinks.api.PortalLinkService}: configuration, fault tolerance
 * and the rate-limit window around the Paddle client in {@link dev.portallinks.impl.paddle}.
 *
 * <p>Add the jar to a Jakarta EE application with CDI, MicroProfile Rest Client, Fault Tolerance, Config and
 * JSON-B, set {@code PADDLE_API_KEY}, and {@code @Inject PortalLinkService}.
 */
package dev.portallinks.impl;
